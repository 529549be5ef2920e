package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A signed-in person changes their password: the current one asked, the other sessions ended, a notice sent. */
@IntegrationTest
class PasswordChangeTest {

    static final String OLD = "un-mot-de-passe-solide";
    static final String NEW = "une-autre-phrase-secrete";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    String email;

    @BeforeEach
    void aPersonWithAPassword() {
        email = "change-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        users.save(new UserAccount(email, "Camille Martin", passwords.encode(OLD)));
    }

    private MockHttpServletRequestBuilder change(String current, String password, String confirmation) {
        return post("/mon-compte/mot-de-passe").with(user(email).roles("EMPLOYEE")).with(csrf())
                .param("current", current).param("password", password).param("confirmation", confirmation);
    }


    private boolean passwordIs(String password) {
        return passwords.matches(password, users.findByEmail(email).orElseThrow().getPasswordHash());
    }

    @Test
    void aWrongCurrentPasswordOrAWeakNewOneChangesNothingAndTheWrongOneCountsAsAFailedSignIn() throws Exception {
        mvc.perform(change("pas-le-bon-mot-de-passe", NEW, NEW)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le mot de passe actuel est incorrect.")));
        mvc.perform(change(OLD, "court", "court")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("12 caractères")));
        mvc.perform(change("", NEW, NEW)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Saisissez votre mot de passe actuel.")));
        assertThat(passwordIs(OLD)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from login_failure where account = ?", Long.class, email))
                .isEqualTo(1);
        assertThat(TestMailServer.messagesTo(email)).isEmpty();
    }

    @Test
    void theRightCurrentPasswordChangesItEndsTheOtherSessionsAuditsAndSendsANotice() throws Exception {
        String elsewhere = StoredSessions.of(sessions, email);
        assertThat(sessions.findByPrincipalName(email)).containsKey(elsewhere);

        mvc.perform(change(OLD, NEW, NEW)).andExpect(redirectedUrl("/mon-compte/mot-de-passe"))
                .andExpect(flash().attribute("success", containsString("mot de passe est modifié")));

        assertThat(passwordIs(NEW)).isTrue();
        assertThat(sessions.findByPrincipalName(email)).doesNotContainKey(elsewhere);
        UUID id = users.findByEmail(email).orElseThrow().getId();
        assertThat(jdbc.queryForList("select action from audit_entry where subject_id = ?", String.class, id))
                .contains("PASSWORD_CHANGED");
        List<MimeMessage> notice = TestMailServer.awaitMessagesTo(email, 1);
        assertThat(notice).hasSize(1);
        assertThat(TestMailServer.text(notice.get(0))).contains("a été modifié", "/mot-de-passe-oublie")
                .doesNotContain(NEW);
    }
}
