package fr.referentia.certification.web;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.Role;
import fr.referentia.certification.ApplicationRoute;
import fr.referentia.certification.Certifications;
import fr.referentia.certification.Certifications.NewSession;
import fr.referentia.shared.BadInputException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public catalogue of certifications; the certification office schedules sessions from a certification's page. */
@Controller
class CertificationPages {

    private final Certifications certifications;
    private final AccountDirectory directory;
    private final AccountAdministration administration;

    CertificationPages(Certifications certifications, AccountDirectory directory,
            AccountAdministration administration) {
        this.certifications = certifications;
        this.directory = directory;
        this.administration = administration;
    }

    @GetMapping("/certifications")
    String catalogue(Model model) {
        model.addAttribute("certifications", certifications.list());
        return "certification/catalogue";
    }

    @GetMapping("/certifications/{code}")
    String certification(@PathVariable String code, Principal principal, Model model) {
        model.addAttribute("certification", certifications.certification(code));
        model.addAttribute("journey", Certifications.JOURNEY);
        model.addAttribute("sessions", certifications.upcomingSessions(code));
        model.addAttribute("routes", ApplicationRoute.values());
        // HR may apply for an employee of their organisation, who then confirms.
        model.addAttribute("employees", principal == null ? List.of() : directory.findByEmail(principal.getName())
                .filter(person -> person.holds(Role.ORG_HR) && person.organisationId() != null)
                .map(hr -> administration.people(hr.email(), hr.organisationId()).stream()
                        .filter(p -> !p.id().equals(hr.id())).toList())
                .orElse(List.of()));
        return "certification/certification";
    }

    @PostMapping("/certifications/{code}/sessions")
    String addSession(@PathVariable String code, @RequestParam(required = false) String startsOn,
            @RequestParam(required = false) String endsOn, @RequestParam(required = false) String place,
            @RequestParam(required = false) Boolean remote, @RequestParam(required = false) Integer capacity,
            Principal principal, RedirectAttributes redirect) {
        try {
            certifications.addSession(principal.getName(), code,
                    new NewSession(date(startsOn), date(endsOn), place, remote, capacity));
            redirect.addFlashAttribute("success", "Session programmée.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/certifications/" + code + "#sessions";
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException("« " + value.strip() + " » n'est pas une date (AAAA-MM-JJ).");
        }
    }
}
