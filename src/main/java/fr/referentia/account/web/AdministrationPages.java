package fr.referentia.account.web;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountManagement;
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
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    private final AccountManagement accounts;

    AdministrationPages(AccountAdministration administration, PeopleImport peopleImport, AccountManagement accounts) {
        this.administration = administration;
        this.accounts = accounts;
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

    /** The search and filters of a list of people, as typed (echoed back into the page and its links). */
    record ListForm(String q, String role, String organisationId, String active, String page) {
    }

    @GetMapping("/admin/comptes")
    String people(Principal principal, @ModelAttribute("filters") ListForm filters, Model model,
            HttpServletResponse response) {
        model.addAttribute("organisations", administration.organisations());
        model.addAttribute("roles", Role.values());
        search(principal, null, filters, model, response);
        return "account/people";
    }

    @GetMapping("/organismes/{organisationId}/personnes")
    String members(@PathVariable UUID organisationId, Principal principal, @ModelAttribute("filters") ListForm filters,
            Model model, HttpServletResponse response) {
        model.addAttribute("organisation", administration.managedOrganisation(principal.getName(), organisationId));
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(Role::isOrganisationScoped).toList());
        model.addAttribute("maxLines", PeopleFile.MAX_LINES);
        search(principal, organisationId, filters, model, response);
        return "account/members";
    }

    /** Fills {@code results}, or {@code filterError} (answered 400) when the filters cannot be read. */
    private void search(Principal principal, UUID scope, ListForm filters, Model model, HttpServletResponse response) {
        model.addAttribute("filters", filters);
        try {
            model.addAttribute("results", accounts.search(principal.getName(), scope, query(filters, scope)));
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("filterError", e.getMessage());
        }
    }

    static AccountManagement.AccountQuery query(ListForm form, UUID scope) {
        Role role = blank(form.role()) ? null : Arrays.stream(Role.values())
                .filter(candidate -> candidate.name().equals(form.role())).findFirst()
                .orElseThrow(() -> new BadInputException("Rôle inconnu : choisissez-en un dans la liste."));
        UUID organisationId = null;
        if (scope == null && !blank(form.organisationId())) {
            try {
                organisationId = UUID.fromString(form.organisationId().strip());
            } catch (IllegalArgumentException e) {
                throw new BadInputException("Organisme inconnu : choisissez-en un dans la liste.");
            }
        }
        Boolean active = blank(form.active()) ? null : switch (form.active()) {
            case "oui" -> Boolean.TRUE;
            case "non" -> Boolean.FALSE;
            default -> throw new BadInputException("État inconnu : choisissez « actifs » ou « désactivés ».");
        };
        int page;
        try {
            page = blank(form.page()) ? 0 : Integer.parseInt(form.page().strip()) - 1;
        } catch (NumberFormatException e) {
            throw new BadInputException("Le numéro de page « " + form.page() + " » n'est pas un nombre.");
        }
        return new AccountManagement.AccountQuery(form.q(), role, organisationId, active, page);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The bulk invitation's template, to fill and upload on the same page. */
    @GetMapping("/organismes/{organisationId}/personnes/modele.xlsx")
    ResponseEntity<byte[]> template(@PathVariable UUID organisationId, Principal principal) {
        administration.managedOrganisation(principal.getName(), organisationId);
        List<String> roles = accounts.grantableIn(principal.getName(), organisationId).stream().map(Role::label)
                .toList();
        return download(PeopleFile.templateXlsx(roles), "modele-personnes.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @GetMapping("/organismes/{organisationId}/personnes/modele.csv")
    ResponseEntity<byte[]> templateCsv(@PathVariable UUID organisationId, Principal principal) {
        administration.managedOrganisation(principal.getName(), organisationId);
        return download(PeopleFile.templateCsv(), "modele-personnes.csv", "text/csv;charset=UTF-8");
    }

    private static ResponseEntity<byte[]> download(byte[] content, String name, String type) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(type)).body(content);
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
        String view = members(organisationId, principal, new ListForm(null, null, null, null, null), model, response);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return view;
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
            if (organisationId == null) {
                administration.createUser(principal.getName(), email, displayName, role, null);
            } else {
                administration.invite(principal.getName(), email, displayName, role, organisationId);
            }
            redirect.addFlashAttribute("success", "Compte créé pour " + email.strip()
                    + " : une invitation à choisir son mot de passe lui a été envoyée par e-mail.");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
    }
}
