package fr.referentia.account.web;

import fr.referentia.account.InvalidLinkException;
import fr.referentia.account.PasswordLinks;
import fr.referentia.shared.BadInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Public pages where a person sets their password: from an invitation, or after "mot de passe
 * oublié". Opening a link changes nothing (mail scanners open links too); only the form does.
 */
@Controller
class PasswordPages {

    private final PasswordLinks links;

    PasswordPages(PasswordLinks links) {
        this.links = links;
    }

    @GetMapping("/invitation/{token}")
    String invitation(@PathVariable String token, Model model) {
        return form(model, links.openInvitation(token), "/invitation/" + token);
    }

    @PostMapping("/invitation/{token}")
    String acceptInvitation(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response) {
        try {
            links.acceptInvitation(token, password, confirmation);
            return "redirect:/connexion?active";
        } catch (BadInputException e) {
            return refused(model, response, e, links.openInvitation(token), "/invitation/" + token);
        }
    }

    @GetMapping("/mot-de-passe/{token}")
    String reset(@PathVariable String token, Model model) {
        return form(model, links.openReset(token), "/mot-de-passe/" + token);
    }

    @PostMapping("/mot-de-passe/{token}")
    String resetPassword(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response) {
        try {
            links.resetPassword(token, password, confirmation);
            return "redirect:/connexion?modifie";
        } catch (BadInputException e) {
            return refused(model, response, e, links.openReset(token), "/mot-de-passe/" + token);
        }
    }

    @GetMapping("/mot-de-passe-oublie")
    String forgotten() {
        return "account/forgotten-password";
    }

    /** The same answer whether or not an account has this address. */
    @PostMapping("/mot-de-passe-oublie")
    String requestReset(@RequestParam(defaultValue = "") String email, Model model) {
        links.requestReset(email);
        model.addAttribute("sent", true);
        return "account/forgotten-password";
    }

    @ExceptionHandler(InvalidLinkException.class)
    ModelAndView invalidLink(InvalidLinkException e) {
        ModelAndView page = new ModelAndView("account/invalid-link");
        page.setStatus(e.isUnknown() ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
        page.addObject("message", e.getMessage());
        return page;
    }

    /** The form of a valid link; {@code path} is the link itself, where the form posts. */
    private static String form(Model model, PasswordLinks.Holder holder, String path) {
        model.addAttribute("holder", holder);
        model.addAttribute("invitation", path.startsWith("/invitation/"));
        model.addAttribute("action", path);
        return "account/set-password";
    }

    private static String refused(Model model, HttpServletResponse response, BadInputException e,
            PasswordLinks.Holder holder, String path) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", e.errors());
        return form(model, holder, path);
    }
}
