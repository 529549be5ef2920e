package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import fr.referentia.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-ins reach the application log with the account and the address, never the password. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SignInLogTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aRefusedAndASuccessfulSignInAreLoggedWithoutThePassword(CapturedOutput output) throws Exception {
        mvc.perform(formLogin("/connexion").user("observer@demo.referentia.fr").password("mot-de-passe-errone-42"));
        mvc.perform(formLogin("/connexion").user("observer@demo.referentia.fr").password("referentia-demo"));
        mvc.perform(formLogin("/connexion").user("forge\nConnexion réussie : compte « admin »").password("x"));

        assertThat(output.getOut()).contains("Connexion refusée : compte « observer@demo.referentia.fr » depuis")
                .contains("Connexion réussie : compte « observer@demo.referentia.fr » depuis")
                .contains("Connexion refusée : compte « forge?Connexion réussie : compte « admin » »")
                .doesNotContain("mot-de-passe-errone-42");
    }
}
