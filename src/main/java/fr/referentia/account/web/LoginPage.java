package fr.referentia.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPage {

    /** {@code attente}: minutes before a throttled sign-in may be tried again (set by the failure handler). */
    @GetMapping("/connexion")
    String login(@RequestParam(name = "attente", required = false) Integer waitMinutes, Model model) {
        if (waitMinutes != null && waitMinutes > 0) {
            model.addAttribute("waitMinutes", waitMinutes);
        }
        return "account/login";
    }
}
