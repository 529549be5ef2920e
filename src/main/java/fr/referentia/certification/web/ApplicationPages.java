package fr.referentia.certification.web;

import fr.referentia.certification.AdmissibilityDecision;
import fr.referentia.certification.AdmissibilityForm;
import fr.referentia.certification.ApplicationState;
import fr.referentia.certification.Applications;
import fr.referentia.certification.Applications.ApplicationView;
import fr.referentia.certification.Applications.NewApplication;
import fr.referentia.certification.Certifications;
import fr.referentia.certification.DocumentKind;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.web.Paged;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Mes candidatures » (and the office's queue, HR's view of their organisation's), an application's
 * page with its timeline, the admissibility form, its documents, submission and the office's decision.
 */
@Controller
class ApplicationPages {

    private static final String LIST = "/candidatures";

    private final Applications applications;
    private final Certifications certifications;

    ApplicationPages(Applications applications, Certifications certifications) {
        this.applications = applications;
        this.certifications = certifications;
    }

    @GetMapping(LIST)
    String list(@RequestParam(name = "etat", required = false) String state,
            @RequestParam(name = "page", required = false) String page, Principal principal, Model model) {
        ApplicationState filter = Stream.of(ApplicationState.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElse(null);
        Paged<ApplicationView> shown = applications.list(principal.getName(), filter,
                Paged.Request.of(page, null, ApplicationApi.PAGE_SIZE, ApplicationApi.PAGE_SIZE));
        model.addAttribute("applications", shown.items());
        model.addAttribute("shown", shown);
        model.addAttribute("states", ApplicationState.values());
        model.addAttribute("filter", filter);
        model.addAttribute("certifications", certifications.list());
        return "certification/applications";
    }

    @PostMapping(LIST)
    String create(@RequestParam(required = false) String certificationCode, @RequestParam(required = false) String route,
            @RequestParam(required = false) UUID candidateId, Principal principal, RedirectAttributes redirect) {
        try {
            ApplicationView created = applications.create(principal.getName(),
                    new NewApplication(certificationCode, route, candidateId));
            redirect.addFlashAttribute("success", "Candidature créée : remplissez le dossier de recevabilité.");
            return "redirect:" + LIST + "/" + created.id();
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:" + (certificationCode == null ? LIST : "/certifications/" + certificationCode);
        }
    }

    @GetMapping(LIST + "/{applicationId}")
    String application(@PathVariable UUID applicationId, Principal principal, Model model) {
        ApplicationView application = applications.application(principal.getName(), applicationId);
        model.addAttribute("candidature", application);
        model.addAttribute("history", applications.history(principal.getName(), applicationId));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", applications.form(principal.getName(), applicationId));
        }
        model.addAttribute("civilities", AdmissibilityForm.Civility.values());
        model.addAttribute("lastClasses", AdmissibilityForm.LastClass.values());
        model.addAttribute("diplomaLevels", AdmissibilityForm.DiplomaLevel.values());
        model.addAttribute("documentKinds", DocumentKind.values());
        model.addAttribute("decisions", AdmissibilityDecision.values());
        Applications.Rights rights = applications.rights(principal.getName(), applicationId);
        model.addAttribute("isCandidate", rights.candidate());
        model.addAttribute("isOffice", rights.office());
        model.addAttribute("mayFill", rights.mayFill());
        return "certification/application";
    }

    @PostMapping(LIST + "/{applicationId}/formulaire")
    String saveForm(@PathVariable UUID applicationId, @ModelAttribute("form") AdmissibilityForm form,
            BindingResult binding, @RequestParam(required = false) Long rowVersion,
            @RequestParam(name = "diplomaLevel", required = false) List<String> diplomaLevels,
            @RequestParam Map<String, String> params, Principal principal, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("error", "Vérifiez ces champs : " + binding.getFieldErrors().stream()
                    .map(e -> e.getField()).distinct().collect(Collectors.joining(", "))
                    + " (dates au format JJ/MM/AAAA, durées en années, par exemple 3 ou 3.5).");
            return "redirect:" + LIST + "/" + applicationId + "#formulaire";
        }
        // Diplomas come as ticked levels, each with its title field « titre-LEVEL ».
        form = form.withDiplomas(diplomaLevels == null ? List.of() : diplomaLevels.stream()
                .flatMap(level -> Stream.of(AdmissibilityForm.DiplomaLevel.values())
                        .filter(known -> known.name().equals(level)))
                .map(level -> new AdmissibilityForm.Diploma(level, params.get("titre-" + level.name())))
                .toList());
        try {
            applications.saveForm(principal.getName(), applicationId, form, rowVersion);
            redirect.addFlashAttribute("success", "Dossier de recevabilité enregistré.");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:" + LIST + "/" + applicationId + "#formulaire";
    }

    @PostMapping(LIST + "/{applicationId}/justificatifs")
    String addDocument(@PathVariable UUID applicationId, @RequestParam(required = false) String kind,
            @RequestParam(name = "file", required = false) MultipartFile file, Principal principal,
            RedirectAttributes redirect) {
        try {
            applications.addDocument(principal.getName(), applicationId, kind, file);
            redirect.addFlashAttribute("success", "Justificatif joint.");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + LIST + "/" + applicationId + "#justificatifs";
    }

    @PostMapping(LIST + "/{applicationId}/confirmation")
    String confirm(@PathVariable UUID applicationId, Principal principal, RedirectAttributes redirect) {
        return act(applicationId, redirect, "Candidature confirmée.",
                () -> applications.confirm(principal.getName(), applicationId));
    }

    @PostMapping(LIST + "/{applicationId}/depot")
    String submit(@PathVariable UUID applicationId, Principal principal, RedirectAttributes redirect) {
        return act(applicationId, redirect, "Demande déposée : le secrétariat de certification va l'examiner.",
                () -> applications.submit(principal.getName(), applicationId));
    }

    @PostMapping(LIST + "/{applicationId}/decision")
    String decide(@PathVariable UUID applicationId, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, Principal principal, RedirectAttributes redirect) {
        return act(applicationId, redirect, "Décision enregistrée ; le candidat en est informé par e-mail.",
                () -> applications.decide(principal.getName(), applicationId, decision, reason));
    }

    @PostMapping(LIST + "/{applicationId}/revocation")
    String revoke(@PathVariable UUID applicationId, @RequestParam(required = false) String reason,
            Principal principal, RedirectAttributes redirect) {
        return act(applicationId, redirect, "Décision révoquée ; la demande est de nouveau à examiner.",
                () -> applications.revoke(principal.getName(), applicationId, reason));
    }

    @PostMapping(LIST + "/{applicationId}/retrait")
    String withdraw(@PathVariable UUID applicationId, @RequestParam(required = false) String reason,
            Principal principal, RedirectAttributes redirect) {
        return act(applicationId, redirect, "Candidature retirée.",
                () -> applications.withdraw(principal.getName(), applicationId, reason));
    }

    private String act(UUID applicationId, RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", success);
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + LIST + "/" + applicationId;
    }
}
