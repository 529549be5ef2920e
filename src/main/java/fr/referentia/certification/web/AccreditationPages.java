package fr.referentia.certification.web;

import fr.referentia.certification.AccreditationKind;
import fr.referentia.certification.Accreditations;
import fr.referentia.certification.Accreditations.NewAccreditation;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assessors' accreditations: the certification office (and the branch administrator) record and
 * renew them; every signed-in person sees their own on {@code /mes-habilitations}.
 */
@Controller
class AccreditationPages {

    private static final String LIST = "/certification/habilitations";

    private final Accreditations accreditations;

    AccreditationPages(Accreditations accreditations) {
        this.accreditations = accreditations;
    }

    @GetMapping(LIST)
    String list(Principal principal, @RequestParam(name = "jours", required = false) Integer days, Model model) {
        model.addAttribute("overview", accreditations.overview(principal.getName(), days));
        model.addAttribute("certifications", accreditations.certifications());
        model.addAttribute("assessorEmails", accreditations.assessorEmails(principal.getName()));
        model.addAttribute("kinds", AccreditationKind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewAccreditation("", "", "", null, List.of(), "", ""));
        }
        return "certification/accreditations";
    }

    @PostMapping(LIST)
    String record(Principal principal, @ModelAttribute NewAccreditation form, RedirectAttributes redirect) {
        try {
            var recorded = accreditations.record(principal.getName(), form);
            redirect.addFlashAttribute("success", "Habilitation " + recorded.number() + " enregistrée pour "
                    + recorded.assessorName() + ".");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:" + LIST;
    }

    @GetMapping(LIST + "/{id}")
    String accreditation(@PathVariable UUID id, Principal principal, Model model) {
        model.addAttribute("accreditation", accreditations.accreditation(principal.getName(), id));
        return "certification/accreditation";
    }

    @PostMapping(LIST + "/{id}")
    String renew(@PathVariable UUID id, Principal principal, @RequestParam(required = false) String validFrom,
            @RequestParam(required = false) String validUntil, RedirectAttributes redirect) {
        try {
            var renewed = accreditations.renew(principal.getName(), id, validFrom, validUntil);
            redirect.addFlashAttribute("success", "Validité de l'habilitation " + renewed.number() + " mise à jour.");
            return "redirect:" + LIST;
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:" + LIST + "/" + id;
        }
    }

    @GetMapping("/mes-habilitations")
    String mine(Principal principal, Model model) {
        model.addAttribute("accreditations", accreditations.mine(principal.getName()));
        return "certification/my-accreditations";
    }
}
