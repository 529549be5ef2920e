package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 10 / ASVS 3.7.1: erasing one's data and creating a WRITE token ask for the password again; a
 * confirmation lasts five minutes in its session; a wrong password counts as a failed sign-in and
 * nothing is done.
 */
@IntegrationTest
class ReauthenticationTest {

    static final String PASSWORD = "une-phrase-de-passe-solide";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    String email;

    @BeforeEach
    void anAdministrator() {
        email = "reauth-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        UserAccount account = new UserAccount(email, "Personne prudente", passwords.encode(PASSWORD));
        account.grant(Role.BRANCH_ADMIN, null);
        users.save(account);
    }

    private RequestPostProcessor signedIn() {
        return user(email).roles(Role.BRANCH_ADMIN.name());
    }

    private static RequestPostProcessor fromItsOwnAddress() {
        String address = TargetedLockoutTest.newAddress();
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private int tokens() {
        return jdbc.queryForObject("select count(*) from access_token t join app_user u on u.id = t.user_id"
                + " where u.email = ?", Integer.class, email);
    }

    private String alert(String html) {
        return Jsoup.parse(html).select("[role=alert]").text();
    }

    @Test
    void erasureWithoutThePasswordIsRefusedAndErasesNothing() throws Exception {
        String page = mvc.perform(post("/mes-donnees/effacement").with(signedIn()).with(csrf()).param("confirm", "true"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(alert(page)).contains("Confirmez votre mot de passe", "rien n'a été fait");
        assertThat(users.findByEmail(email)).get().satisfies(account -> assertThat(account.getErasedAt()).isNull());
    }

    @Test
    void erasureWithAWrongPasswordIsRefusedCountedAsAFailedSignInAndErasesNothing() throws Exception {
        String page = mvc.perform(post("/mes-donnees/effacement").with(signedIn()).with(csrf()).with(fromItsOwnAddress())
                        .param("confirm", "true").param("password", "pas-le-bon"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(alert(page)).contains("Mot de passe incorrect : rien n'a été fait.");
        assertThat(users.findByEmail(email)).get().satisfies(account -> assertThat(account.getErasedAt()).isNull());
        assertThat(jdbc.queryForObject("select count(*) from login_failure where account = ?", Integer.class, email))
                .isEqualTo(1);
    }

    @Test
    void erasureWithThePasswordErasesAndForgetsTheKnownBrowsers() throws Exception {
        jdbc.update("insert into known_device (account, token_hash, created_at, last_used_at)"
                + " values (?, ?, current_timestamp, current_timestamp)", email, LinkTokens.hash(email));
        mvc.perform(post("/mes-donnees/effacement").with(signedIn()).with(csrf()).param("confirm", "true")
                        .param("password", PASSWORD))
                .andExpect(status().isOk());
        assertThat(users.findByEmail(email)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from known_device where account = ?", Integer.class, email))
                .isZero();
    }

    @Test
    void aWriteTokenNeedsThePasswordAndAReadTokenDoesNot() throws Exception {
        String refused = mvc.perform(post("/mon-compte/jetons").with(signedIn()).with(csrf())
                        .param("name", "Synchronisation").param("scope", "WRITE"))
                .andReturn().getResponse().getContentAsString();
        assertThat(alert(refused)).contains("Confirmez votre mot de passe");
        assertThat(tokens()).isZero();

        mvc.perform(post("/mon-compte/jetons").with(signedIn()).with(csrf()).with(fromItsOwnAddress())
                .param("name", "Synchronisation").param("scope", "WRITE").param("password", "pas-le-bon"));
        assertThat(tokens()).isZero();

        mvc.perform(post("/mon-compte/jetons").with(signedIn()).with(csrf())
                        .param("name", "Lecture").param("scope", "READ"))
                .andExpect(status().isOk());
        assertThat(tokens()).isEqualTo(1);

        mvc.perform(post("/mon-compte/jetons").with(signedIn()).with(csrf())
                        .param("name", "Synchronisation").param("scope", "WRITE").param("password", PASSWORD))
                .andExpect(status().isOk());
        assertThat(tokens()).isEqualTo(2);
    }

    @Test
    void aConfirmationServesItsOwnSessionOnly() throws Exception {
        // Sessions live in the database (Spring Session): a session is its cookie.
        Cookie session = mvc.perform(post("/mon-compte/jetons").with(signedIn()).with(csrf())
                        .param("name", "Premier").param("scope", "WRITE").param("password", PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(tokens()).isEqualTo(1);
        // Within five minutes, in the same session: no need to type it again.
        mvc.perform(post("/mon-compte/jetons").cookie(session).with(signedIn()).with(csrf())
                .param("name", "Second").param("scope", "WRITE"));
        assertThat(tokens()).isEqualTo(2);
        // Another session (another browser) has confirmed nothing.
        mvc.perform(post("/mon-compte/jetons").with(signedIn()).with(csrf())
                .param("name", "Troisième").param("scope", "WRITE"));
        assertThat(tokens()).isEqualTo(2);
    }

    @Test
    void aConfirmationLastsFiveMinutes() {
        Instant confirmed = Instant.parse("2026-12-02T10:00:00Z");
        Duration validity = Duration.ofMinutes(5);
        assertThat(Reauthentication.isRecent(confirmed, confirmed, validity)).isTrue();
        assertThat(Reauthentication.isRecent(confirmed, confirmed.plusSeconds(299), validity)).isTrue();
        assertThat(Reauthentication.isRecent(confirmed, confirmed.plusSeconds(300), validity)).isFalse();
        // A confirmation dated in the future (a clock set back) does not count.
        assertThat(Reauthentication.isRecent(confirmed, confirmed.minusSeconds(1), validity)).isFalse();
    }
}
