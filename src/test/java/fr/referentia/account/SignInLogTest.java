package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-ins reach the application log with the account and the address, never the password. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SignInLogTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    private static int occurrences(String text, String line) {
        return text.split(java.util.regex.Pattern.quote(line), -1).length - 1;
    }

    @Test
    void aTokenSignInIsLoggedLikeAPasswordOneOnceAnHourNotOnEveryCall(CapturedOutput output) throws Exception {
        String email = "jeton-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        UserAccount person = new UserAccount(email, "Jeton", passwords.encode("un-mot-de-passe-solide"));
        person.grant(Role.OBSERVER, null);
        users.save(person);
        AccessTokens.IssuedToken token = tokens.create(email, "Script", AccessTokenScope.READ, null);
        for (int call = 0; call < 3; call++) {
            mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.secret()))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer rfa_" + "x".repeat(40)))
                .andExpect(status().isUnauthorized());

        String log = output.getOut();
        assertThat(occurrences(log, "Connexion réussie par jeton d'accès (" + token.token().hint() + ") : compte « "
                + email + " » depuis")).isEqualTo(1);
        assertThat(log).contains("Connexion refusée par jeton d'accès : jeton invalide, expiré ou révoqué, depuis")
                .doesNotContain(token.secret());
    }

    @Test
    void apiCallsSignedInWithHttpBasicAreLoggedOnceNotOnEveryCall(CapturedOutput output) throws Exception {
        String email = "basic-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        UserAccount person = new UserAccount(email, "Basic", passwords.encode("un-mot-de-passe-solide"));
        person.grant(Role.OBSERVER, null);
        users.save(person);
        for (int call = 0; call < 3; call++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(email, "un-mot-de-passe-solide"))).andExpect(status().isOk());
        }
        assertThat(occurrences(output.getOut(), "Connexion réussie : compte « " + email + " » depuis")).isEqualTo(1);
    }

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
