package fr.referentia.account.web;

import fr.referentia.account.SignedInSessions;
import fr.referentia.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Mes sessions »: the signed-in person's open sessions, each of which they may end. */
@Controller
class SessionsPage {

    private final SignedInSessions sessions;
    private final Clock clock;

    SessionsPage(SignedInSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/mon-compte/sessions")
    String list(Principal principal, HttpServletRequest request, Model model) {
        model.addAttribute("sessions", sessions.of(principal.getName(), currentId(request)));
        model.addAttribute("zone", clock.getZone());
        return "account/sessions";
    }

    @PostMapping("/mon-compte/sessions/fin")
    String end(Principal principal, @RequestParam(defaultValue = "") String session, RedirectAttributes flash) {
        try {
            sessions.end(principal.getName(), session);
            flash.addFlashAttribute("success", "La session est fermée : qui l'utilisait doit se connecter à nouveau.");
        } catch (NotFoundException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/mon-compte/sessions";
    }

    private static String currentId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
