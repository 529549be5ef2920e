package fr.referentia.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPage {

    @GetMapping("/connexion")
    String login() {
        return "account/login";
    }
}
