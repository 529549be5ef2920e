package fr.referentia.account.web;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountAdministration.NewOrganisation;
import fr.referentia.account.ImportProblem;
import fr.referentia.account.OrganisationType;
import fr.referentia.account.PeopleImport;
import fr.referentia.account.Role;
import fr.referentia.account.SizeBand;
import fr.referentia.account.bulk.PeopleFile;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisations and people. The branch administrator manages all of them; an organisation's HR
 * manages the people of its own organisation only (another organisation's id answers 404).
 */
@Controller
class AdministrationPages {

    /** The first problems of a refused upload shown on the page; the count gives the rest. */
    static final int REPORT_LIMIT = 300;

    private final AccountAdministration administration;
    private final PeopleImport peopleImport;

    AdministrationPages(AccountAdministration administration, PeopleImport peopleImport) {
        this.administration = administration;
        this.peopleImport = peopleImport;
    }

    @GetMapping("/admin/organismes")
    String organisations(Principal principal, Model model) {
        administration.people(principal.getName(), null); // branch administrators only
        model.addAttribute("organisations", administration.organisations());
        model.addAttribute("sizeBands", SizeBand.values());
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("form", model.getAttribute("form") == null
                ? new NewOrganisation("", "", "", null, null) : model.getAttribute("form"));
        return "account/organisations";
    }

    @PostMapping("/admin/organismes")
    String createOrganisation(Principal principal, @ModelAttribute NewOrganisation form,
            RedirectAttributes redirect) {
        try {
            var created = administration.createOrganisation(principal.getName(), form);
            redirect.addFlashAttribute("success", "Organisme « " + created.getName() + " » créé.");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/admin/organismes";
    }

    @GetMapping("/admin/comptes")
    String people(Principal principal, Model model) {
        model.addAttribute("people", administration.people(principal.getName(), null));
        model.addAttribute("organisations", administration.organisations());
        model.addAttribute("roles", Role.values());
        return "account/people";
    }

    @GetMapping("/organismes/{organisationId}/personnes")
    String members(@PathVariable UUID organisationId, Principal principal, Model model) {
        model.addAttribute("organisation", administration.managedOrganisation(principal.getName(), organisationId));
        model.addAttribute("people", administration.people(principal.getName(), organisationId));
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(Role::isOrganisationScoped).toList());
        model.addAttribute("maxLines", PeopleFile.MAX_LINES);
        return "account/members";
    }

    /** Bulk invitation from a CSV or XLSX file: all lines are created and invited, or none and a report. */
    @PostMapping("/organismes/{organisationId}/personnes/import")
    String importMembers(@PathVariable UUID organisationId, Principal principal,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        administration.managedOrganisation(principal.getName(), organisationId);
        try {
            if (file == null || file.isEmpty()) {
                throw new BadInputException("Choisissez un fichier CSV ou XLSX à importer.");
            }
            PeopleFile.checkSize(file.getSize()); // before reading it: the server's upload limit is larger
            PeopleImport.Outcome outcome = peopleImport.invite(principal.getName(), organisationId, file.getBytes());
            if (outcome.imported()) {
                redirect.addFlashAttribute("success", outcome.created() + (outcome.created() == 1
                        ? " personne importée : elle a reçu une invitation par e-mail."
                        : " personnes importées : chacune a reçu une invitation par e-mail."));
                return "redirect:/organismes/" + organisationId + "/personnes";
            }
            model.addAttribute("report", outcome.problems().stream().limit(REPORT_LIMIT).toList());
            model.addAttribute("reportTotal", outcome.problems().size());
            model.addAttribute("reportLines", outcome.problems().stream().map(ImportProblem::line).distinct().count());
        } catch (BadInputException | ConflictException e) {
            model.addAttribute("error", "Import refusé, aucune personne n'a été créée : " + e.getMessage());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return members(organisationId, principal, model);
    }

    @PostMapping("/organismes/{organisationId}/personnes/{userId}/invitation")
    String resendToMember(@PathVariable UUID organisationId, @PathVariable UUID userId, Principal principal,
            RedirectAttributes redirect) {
        resend(principal, userId, organisationId, redirect);
        return "redirect:/organismes/" + organisationId + "/personnes";
    }

    @PostMapping("/admin/comptes/{userId}/invitation")
    String resendToPerson(@PathVariable UUID userId, Principal principal, RedirectAttributes redirect) {
        resend(principal, userId, null, redirect);
        return "redirect:/admin/comptes";
    }

    private void resend(Principal principal, UUID userId, UUID organisationId, RedirectAttributes redirect) {
        try {
            administration.resendInvitation(principal.getName(), userId, organisationId);
            redirect.addFlashAttribute("success", "Nouvelle invitation envoyée : le lien précédent ne fonctionne plus.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
    }

    @PostMapping("/admin/comptes")
    String createPerson(Principal principal, @RequestParam String email, @RequestParam String displayName,
            @RequestParam(required = false) Role role, @RequestParam(required = false) UUID organisationId,
            RedirectAttributes redirect) {
        create(principal, email, displayName, role, organisationId, redirect);
        return "redirect:/admin/comptes";
    }

    @PostMapping("/organismes/{organisationId}/personnes")
    String createMember(@PathVariable UUID organisationId, Principal principal, @RequestParam String email,
            @RequestParam String displayName, @RequestParam(required = false) Role role,
            RedirectAttributes redirect) {
        create(principal, email, displayName, role, organisationId, redirect);
        return "redirect:/organismes/" + organisationId + "/personnes";
    }

    private void create(Principal principal, String email, String displayName, Role role, UUID organisationId,
            RedirectAttributes redirect) {
        try {
            administration.createUser(principal.getName(), email, displayName, role, organisationId);
            redirect.addFlashAttribute("success", "Compte créé pour " + email.strip()
                    + " : une invitation à choisir son mot de passe lui a été envoyée par e-mail.");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
    }
}
