package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Sessions live in the database (any node can serve any request) and get a new id at sign-in. */
@IntegrationTest
class SessionsInDatabaseTest {

    static final String PASSWORD = "un-mot-de-passe-solide";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void signingInStoresTheSessionInTheDatabaseUnderANewId() throws Exception {
        String email = "session-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        UserAccount account = new UserAccount(email, "Personne en session", passwords.encode(PASSWORD));
        account.grant(Role.BRANCH_ADMIN, null);
        users.save(account);

        MvcResult loginPage = mvc.perform(get("/connexion")).andExpect(status().isOk()).andReturn();
        Cookie anonymous = loginPage.getResponse().getCookie("SESSION");
        assertThat(anonymous).as("the login form's CSRF token lives in a session").isNotNull();
        String csrf = Jsoup.parse(loginPage.getResponse().getContentAsString())
                .selectFirst("input[name=_csrf]").val();
        assertThat(principalOf(anonymous)).containsExactly((String) null);

        MvcResult login = mvc.perform(post("/connexion").cookie(anonymous).param("_csrf", csrf)
                        .param("username", email).param("password", PASSWORD))
                .andExpect(redirectedUrl("/mon-espace"))
                .andReturn();
        Cookie signedIn = login.getResponse().getCookie("SESSION");

        assertThat(signedIn).isNotNull();
        assertThat(sessionId(signedIn)).as("session fixation: a new id at sign-in").isNotEqualTo(sessionId(anonymous));
        assertThat(principalOf(signedIn)).containsExactly(email);
        assertThat(principalOf(anonymous)).as("the old id is gone").isEmpty();

        // The session is read back from the database: the new id is signed in, the old one is not.
        mvc.perform(get("/admin/comptes").cookie(signedIn)).andExpect(status().isOk());
        mvc.perform(get("/admin/comptes").cookie(anonymous).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("http://localhost/connexion"));
    }

    private List<String> principalOf(Cookie cookie) {
        return jdbc.queryForList("SELECT principal_name FROM spring_session WHERE session_id = ?", String.class,
                sessionId(cookie));
    }

    /** Spring Session's cookie carries the session id in Base64. */
    private static String sessionId(Cookie cookie) {
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }
}
