package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Repeated failed sign-ins are throttled per account (5 in 15 minutes) and per client address
 * (20 in 15 minutes), on the login form and on HTTP Basic. Each test signs in from its own
 * address so that the counters of other tests never interfere.
 */
@IntegrationTest
class LoginThrottlingTest {

    static final String PASSWORD = "un-mot-de-passe-solide";
    static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    String email;
    String address;

    @BeforeEach
    void anAccountAndAnAddressOfItsOwn() {
        email = "throttle-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        UserAccount account = new UserAccount(email, "Personne pressée", passwords.encode(PASSWORD));
        account.grant(Role.BRANCH_ADMIN, null);
        users.save(account);
        address = "198.51.100." + ADDRESSES.getAndIncrement();
    }

    private RequestPostProcessor from(String clientAddress) {
        return request -> {
            request.setRemoteAddr(clientAddress);
            return request;
        };
    }

    private ResultActions signIn(String account, String password) throws Exception {
        return mvc.perform(post("/connexion").with(csrf()).with(from(address))
                .param("username", account).param("password", password));
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedWithTheWaitInFrench() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn(email, "mauvais").andExpect(redirectedUrl("/connexion?erreur"));
        }
        signIn(email, PASSWORD).andExpect(redirectedUrl("/connexion?attente=15"));
        mvc.perform(get("/connexion").param("attente", "15"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Trop de tentatives de connexion : réessayez dans 15 minutes.")));
        // The throttle is per account: the same address may still sign into another one.
        signIn("branch-admin@demo.referentia.fr", "referentia-demo").andExpect(redirectedUrl("/mon-espace"));
    }

    @Test
    void aSuccessfulSignInResetsTheAccountsCounter() throws Exception {
        for (int i = 0; i < 4; i++) {
            signIn(email, "mauvais").andExpect(redirectedUrl("/connexion?erreur"));
        }
        signIn(email, PASSWORD).andExpect(redirectedUrl("/mon-espace"));
        for (int i = 0; i < 4; i++) {
            signIn(email, "mauvais").andExpect(redirectedUrl("/connexion?erreur"));
        }
        // Eight failures in all, but only four since the success.
        signIn(email, PASSWORD).andExpect(redirectedUrl("/mon-espace"));
    }

    @Test
    void theEmailCountsWhateverItsCaseAndSpaces() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn(i % 2 == 0 ? email.toUpperCase() : " " + email + " ", "mauvais");
        }
        signIn(email, PASSWORD).andExpect(redirectedUrl("/connexion?attente=15"));
    }

    @Test
    void twentyFailuresFromOneAddressRefuseEveryAccountFromThere() throws Exception {
        for (int i = 0; i < 20; i++) {
            signIn("inconnu-" + i + "-" + email, "mauvais").andExpect(redirectedUrl("/connexion?erreur"));
        }
        signIn(email, PASSWORD).andExpect(redirectedUrl("/connexion?attente=15"));
        // From elsewhere, the account is fine.
        mvc.perform(post("/connexion").with(csrf()).with(from("203.0.113.250"))
                        .param("username", email).param("password", PASSWORD))
                .andExpect(redirectedUrl("/mon-espace"));
    }

    @Test
    void httpBasicOnTheApiIsThrottledToo() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/frameworks").with(httpBasic(email, "mauvais")).with(from(address)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("Identifiants incorrects."));
        }
        mvc.perform(get("/api/v1/frameworks").with(httpBasic(email, PASSWORD)).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                // Fifteen minutes from the oldest failure, a moment ago.
                .andExpect(header().string("Retry-After", matchesPattern("8[5-9][0-9]|900")))
                .andExpect(jsonPath("$.title").value("Trop de tentatives"))
                .andExpect(jsonPath("$.detail").value(
                        "Trop de tentatives de connexion : réessayez dans 15 minutes."));
        // The form shares the account's counter.
        signIn(email, PASSWORD).andExpect(redirectedUrl("/connexion?attente=15"));
        assertThat(users.findByEmail(email)).isPresent();
    }
}
