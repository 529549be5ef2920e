package fr.referentia.account.web;

import fr.referentia.account.PasswordChanges;
import fr.referentia.shared.BadInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Changer mon mot de passe », for anyone signed in ({@code /mon-compte/**}). */
@Controller
class PasswordChangePage {

    private final PasswordChanges changes;

    PasswordChangePage(PasswordChanges changes) {
        this.changes = changes;
    }

    @GetMapping("/mon-compte/mot-de-passe")
    String form() {
        return "account/change-password";
    }

    @PostMapping("/mon-compte/mot-de-passe")
    String change(Principal principal, @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
        HttpSession session = request.getSession(false);
        try {
            changes.change(principal.getName(), current, password, confirmation, session == null ? null : session.getId(),
                    request.getRemoteAddr());
        } catch (BadInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", e.errors());
            return "account/change-password";
        }
        flash.addFlashAttribute("success", "Votre mot de passe est modifié ; vos autres sessions sont fermées et un "
                + "e-mail vous le confirme.");
        return "redirect:/mon-compte/mot-de-passe";
    }
}
