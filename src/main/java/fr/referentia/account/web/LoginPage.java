package fr.referentia.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPage {

    /** {@code attente}: minutes before a throttled sign-in may be tried again (set by the failure handler). */
    @GetMapping("/connexion")
    String login(@RequestParam(name = "attente", required = false) Integer waitMinutes, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        // Sent here from a page that needs an account: say so (sign-in then returns to that page).
        SavedRequest asked = new HttpSessionRequestCache().getRequest(request, response);
        if (asked != null) {
            model.addAttribute("askedFor", asked.getRedirectUrl());
        }
        if (waitMinutes != null && waitMinutes > 0) {
            model.addAttribute("waitMinutes", waitMinutes);
        }
        return "account/login";
    }
}
