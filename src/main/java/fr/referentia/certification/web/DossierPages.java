package fr.referentia.certification.web;

import fr.referentia.certification.Accommodations;
import fr.referentia.certification.Accommodations.AccommodationRequest;
import fr.referentia.certification.DossierAnswers.ActivityAnswer;
import fr.referentia.certification.DossierAnswers.CompetencyAnswers;
import fr.referentia.certification.DossierAnswers.QuestionAnswer;
import fr.referentia.certification.Dossiers;
import fr.referentia.certification.Dossiers.CompetencyView;
import fr.referentia.certification.Dossiers.DossierView;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The candidate's VAE dossier pages: an overview (competencies and what is missing, pieces, versions,
 * accompanying organisation, submission), one page per competency laid out like the table of seed 004
 * (saved automatically with JavaScript, by its button without), the differences between two versions,
 * and the accommodation needs.
 */
@Controller
class DossierPages {

    private static final String BASE = "/candidatures/{applicationId}/dossier";

    private final Dossiers dossiers;
    private final Accommodations accommodations;

    DossierPages(Dossiers dossiers, Accommodations accommodations) {
        this.dossiers = dossiers;
        this.accommodations = accommodations;
    }

    /** The dossier; {@code organisme}: the candidate's search for their accompanying organisation by name. */
    @GetMapping(BASE)
    String dossier(@PathVariable UUID applicationId, @RequestParam(name = "organisme", required = false) String search,
            Principal principal, Model model) {
        DossierView dossier = dossiers.dossier(principal.getName(), applicationId);
        model.addAttribute("dossier", dossier);
        if (dossier.candidate() && search != null) {
            model.addAttribute("search", search.strip());
            try {
                model.addAttribute("organisations",
                        dossiers.accompanyingChoices(principal.getName(), applicationId, search));
            } catch (BadInputException e) {
                model.addAttribute("searchError", e.getMessage());
            }
        }
        return "certification/dossier";
    }

    @GetMapping(BASE + "/competences/{itemCode}")
    String competency(@PathVariable UUID applicationId, @PathVariable String itemCode, Principal principal,
            Model model) {
        model.addAttribute("dossier", dossiers.dossier(principal.getName(), applicationId));
        if (!model.containsAttribute("competency")) {
            model.addAttribute("competency", dossiers.competency(principal.getName(), applicationId, itemCode));
        }
        return "certification/dossier-competency";
    }

    @PostMapping(BASE + "/competences/{itemCode}")
    String save(@PathVariable UUID applicationId, @PathVariable String itemCode,
            @RequestParam MultiValueMap<String, String> form, Principal principal, RedirectAttributes redirect) {
        String back = "redirect:/candidatures/" + applicationId + "/dossier/competences/" + itemCode;
        CompetencyView current = dossiers.competency(principal.getName(), applicationId, itemCode);
        try {
            dossiers.save(principal.getName(), applicationId, itemCode, answers(current, form));
            redirect.addFlashAttribute("success", "Compétence " + itemCode + " enregistrée.");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back;
    }

    @PostMapping(BASE + "/pieces")
    String addFile(@PathVariable UUID applicationId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String itemCode, @RequestParam(required = false) String back,
            @RequestParam(name = "file", required = false) MultipartFile file, Principal principal,
            RedirectAttributes redirect) {
        try {
            Dossiers.FileView added = dossiers.addFile(principal.getName(), applicationId, kind, itemCode, file);
            redirect.addFlashAttribute("success", "« " + added.name() + " » déposé"
                    + (added.pages() == null ? "." : " (" + added.pages() + (added.pages() == 1 ? " page)." : " pages).")));
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        String competency = back != null && back.matches("[A-Za-z0-9._-]{1,100}") ? back : null;
        return "redirect:/candidatures/" + applicationId + "/dossier"
                + (competency == null ? "#pieces" : "/competences/" + competency);
    }

    @PostMapping(BASE + "/depot")
    String submit(@PathVariable UUID applicationId, Principal principal, RedirectAttributes redirect) {
        return act(applicationId, redirect, () -> {
            DossierView submitted = dossiers.submit(principal.getName(), applicationId);
            return "Dossier déposé (version " + submitted.versions().size() + ") : le secrétariat de certification "
                    + "organise votre évaluation.";
        });
    }

    @PostMapping(BASE + "/accompagnement")
    String accompany(@PathVariable UUID applicationId, @RequestParam(required = false) String organisationId,
            Principal principal, RedirectAttributes redirect) {
        return act(applicationId, redirect, () -> {
            UUID id = organisationId == null || organisationId.isBlank() ? null : parse(organisationId);
            dossiers.accompany(principal.getName(), applicationId, id);
            return id == null ? "Aucun organisme ne vous accompagne." : "Organisme accompagnateur enregistré : il peut "
                    + "lire votre dossier.";
        });
    }

    @GetMapping(BASE + ".pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID applicationId, @RequestParam(required = false) Integer version,
            Principal principal) {
        return DossierApi.pdf(dossiers.pdf(principal.getName(), applicationId, version), applicationId);
    }

    @GetMapping(BASE + "/differences")
    String diff(@PathVariable UUID applicationId, @RequestParam("de") int from, @RequestParam("a") int to,
            Principal principal, Model model) {
        model.addAttribute("dossier", dossiers.dossier(principal.getName(), applicationId));
        model.addAttribute("changes", dossiers.diff(principal.getName(), applicationId, from, to));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "certification/dossier-diff";
    }

    @GetMapping("/candidatures/{applicationId}/amenagements")
    String accommodation(@PathVariable UUID applicationId, Principal principal, Model model) {
        model.addAttribute("applicationId", applicationId);
        model.addAttribute("accommodation", accommodations.accommodation(principal.getName(), applicationId));
        model.addAttribute("needs", Accommodations.allNeeds());
        return "certification/accommodation";
    }

    @PostMapping("/candidatures/{applicationId}/amenagements")
    String declare(@PathVariable UUID applicationId, @RequestParam(required = false) List<String> needs,
            @RequestParam(required = false) String details, @RequestParam(required = false) Boolean consent,
            Principal principal, RedirectAttributes redirect) {
        try {
            accommodations.declare(principal.getName(), applicationId, new AccommodationRequest(needs, details, consent));
            redirect.addFlashAttribute("success", needs == null || needs.isEmpty() ? "Aucun aménagement déclaré."
                    : "Besoins d'aménagement enregistrés : ils seront transmis aux organisateurs de votre évaluation.");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/candidatures/" + applicationId + "/amenagements";
    }

    /** The page's fields: done_CODE (true/false), examples_CODE, tools_CODE, proofs_CODE, answer_CODE, version. */
    private static CompetencyAnswers answers(CompetencyView current, MultiValueMap<String, String> form) {
        List<ActivityAnswer> activities = new ArrayList<>();
        for (Dossiers.ActivityView a : current.activities()) {
            String done = form.getFirst("done_" + a.code());
            List<UUID> proofs = form.getOrDefault("proofs_" + a.code(), List.of()).stream()
                    .filter(p -> !p.isBlank()).map(DossierPages::parse).toList();
            activities.add(new ActivityAnswer(a.code(), done == null || done.isBlank() ? null : Boolean.valueOf(done),
                    form.getFirst("examples_" + a.code()), form.getFirst("tools_" + a.code()), proofs));
        }
        List<QuestionAnswer> answers = current.questions().stream().filter(q -> !q.asksForDocument())
                .map(q -> new QuestionAnswer(q.code(), form.getFirst("answer_" + q.code()))).toList();
        String version = form.getFirst("version");
        Long expected = version == null || !version.matches("\\d{1,18}") ? null : Long.valueOf(version);
        return new CompetencyAnswers(activities, answers, expected);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("Identifiant invalide : « " + id + " ».");
        }
    }

    private static String act(UUID applicationId, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("success", action.get());
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/candidatures/" + applicationId + "/dossier";
    }
}
