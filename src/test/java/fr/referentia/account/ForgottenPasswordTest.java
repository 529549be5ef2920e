package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ForgottenPasswordTest {

    static final String OLD_PASSWORD = "ancien mot de passe solide";
    static final String NEW_PASSWORD = "nouvelle phrase bien longue";

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
    void anActiveAccount() {
        email = "lou-" + UUID.randomUUID().toString().substring(0, 8) + "@org.example.fr";
        UserAccount account = new UserAccount(email, "Lou Bernard", passwords.encode(OLD_PASSWORD));
        users.save(account);
    }

    private String ask(String address) throws Exception {
        return mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", address))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String resetLink() {
        List<MimeMessage> received = TestMailServer.awaitMessagesTo(email, 1);
        assertThat(received).hasSize(1);
        assertThat(TestMailServer.text(received.get(0))).startsWith("Bonjour Lou Bernard,")
                .contains("http://localhost:8080/mot-de-passe/");
        return TestMailServer.linkPath(received.get(0), "/mot-de-passe/");
    }

    @Test
    void theAnswerIsTheSameWhetherTheAccountExistsOrNot() throws Exception {
        String unknown = "personne-" + UUID.randomUUID() + "@nulle-part.example.fr";
        String forUnknown = ask(unknown);
        String forKnown = ask(email.toUpperCase());
        assertThat(forUnknown).contains("Si un compte actif correspond à cette adresse").isEqualTo(forKnown);
        resetLink();
        assertThat(TestMailServer.messagesTo(unknown)).isEmpty();
    }

    @Test
    void theResetLinkSetsANewPasswordOnce() throws Exception {
        ask(email);
        String link = resetLink();

        mvc.perform(get(link)).andExpect(status().isOk()).andExpect(content().string(containsString(email)));
        mvc.perform(post(link).with(csrf()).param("password", NEW_PASSWORD).param("confirmation", NEW_PASSWORD))
                .andExpect(redirectedUrl("/connexion?modifie"));

        mvc.perform(formLogin("/connexion").user(email).password(NEW_PASSWORD))
                .andExpect(authenticated().withUsername(email));
        mvc.perform(formLogin("/connexion").user(email).password(OLD_PASSWORD)).andExpect(unauthenticated());

        mvc.perform(get(link)).andExpect(status().isGone())
                .andExpect(content().string(containsString("Ce lien de réinitialisation a déjà servi")));
        mvc.perform(post(link).with(csrf()).param("password", "encore une autre phrase")
                        .param("confirmation", "encore une autre phrase"))
                .andExpect(status().isGone());
        mvc.perform(formLogin("/connexion").user(email).password(NEW_PASSWORD)).andExpect(authenticated());
    }

    @Test
    void aRefusedPasswordLeavesTheOldOneInPlace() throws Exception {
        ask(email);
        String link = resetLink();
        String local = email.substring(0, email.indexOf('@'));
        mvc.perform(post(link).with(csrf()).param("password", local + "-2026").param("confirmation", local + "-2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ne doit pas contenir votre adresse e-mail")));
        mvc.perform(formLogin("/connexion").user(email).password(OLD_PASSWORD)).andExpect(authenticated());
    }

    @Test
    void anAccountWithoutPasswordGetsNoResetLink() throws Exception {
        String invited = "invite-" + UUID.randomUUID().toString().substring(0, 8) + "@org.example.fr";
        users.save(new UserAccount(invited, "Invité", null));
        String answer = ask(invited);
        assertThat(answer).contains("Si un compte actif correspond à cette adresse");
        ask(email);
        resetLink();
        assertThat(TestMailServer.messagesTo(invited)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from password_link l join app_user u on u.id = l.user_id"
                + " where u.email = ?", Integer.class, invited)).isZero();
    }

    @Test
    void askingAgainWithinAMinuteSendsNoSecondLink() throws Exception {
        ask(email);
        ask(email);
        resetLink();
        assertThat(jdbc.queryForObject("select count(*) from password_link l join app_user u on u.id = l.user_id"
                + " where u.email = ?", Integer.class, email)).isEqualTo(1);
    }

    @Test
    void theFormIsPublicAndLinkedFromTheLoginPage() throws Exception {
        mvc.perform(get("/mot-de-passe-oublie")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Recevoir un lien")));
    }
}
