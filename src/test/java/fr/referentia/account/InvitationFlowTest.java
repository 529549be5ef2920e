package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.test.web.servlet.MockMvc;

/** From the account created by HR to the person signing in, through the e-mailed link. */
@IntegrationTest
class InvitationFlowTest {

    static final String PASSWORD = "trois baleines bleues";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    Organisation organisation;
    String hr;
    String email;

    @BeforeEach
    void anOrganisationAndItsHr() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        organisation = organisations.save(new Organisation("Organisme " + suffix,
                new Siret(AdministrationPagesTest.validSiret()), "Nantes", SizeBand.FROM_10_TO_49,
                OrganisationType.ASSOCIATION));
        hr = "rh-" + suffix + "@org.example.fr";
        UserAccount account = new UserAccount(hr, "RH", passwords.encode("un-mot-de-passe-solide"));
        account.grant(Role.ORG_HR, organisation);
        users.save(account);
        email = "camille-" + suffix + "@org.example.fr";
    }

    /** HR creates the person; returns the path of the link in the invitation they receive. */
    private String createPersonAndReadInvitation() throws Exception {
        mvc.perform(post("/organismes/" + organisation.getId() + "/personnes").with(user(hr).roles("ORG_HR"))
                        .with(csrf()).param("email", email).param("displayName", "Camille Martin")
                        .param("role", "EMPLOYEE"))
                .andExpect(flash().attribute("success", containsString("invitation")));
        List<MimeMessage> received = TestMailServer.awaitMessagesTo(email, 1);
        assertThat(received).hasSize(1);
        MimeMessage invitation = received.get(0);
        assertThat(invitation.getSubject()).isEqualTo("Votre compte Referentia");
        assertThat(TestMailServer.text(invitation)).startsWith("Bonjour Camille Martin,")
                .contains("avec l'adresse " + email + ", dans l'organisme " + organisation.getName() + ".")
                .contains("http://localhost:8080/invitation/")
                .contains("valable jusqu'au");
        return TestMailServer.linkPath(invitation, "/invitation/");
    }

    @Test
    void theInvitedPersonSetsTheirPasswordOnceAndSignsIn() throws Exception {
        String link = createPersonAndReadInvitation();
        assertThat(link).matches("/invitation/[A-Za-z0-9_-]{43}");

        // Opening the link shows who it is for and changes nothing.
        mvc.perform(get(link)).andExpect(status().isOk())
                .andExpect(content().string(containsString(email)))
                .andExpect(content().string(containsString("Activer votre compte")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(formLogin("/connexion").user(email).password(PASSWORD)).andExpect(unauthenticated());

        mvc.perform(post(link).with(csrf()).param("password", PASSWORD).param("confirmation", PASSWORD))
                .andExpect(redirectedUrl("/connexion?active"));
        mvc.perform(formLogin("/connexion").user(email).password(PASSWORD))
                .andExpect(authenticated().withUsername(email));
        String hash = users.findByEmail(email).orElseThrow().getPasswordHash();
        assertThat(hash).startsWith("{argon2}$argon2id$");

        // The link is spent: reading it or posting to it again is refused, and the password stays.
        mvc.perform(get(link)).andExpect(status().isGone())
                .andExpect(content().string(containsString("Ce lien d&#39;invitation a déjà servi")));
        mvc.perform(post(link).with(csrf()).param("password", "un autre mot de passe")
                        .param("confirmation", "un autre mot de passe"))
                .andExpect(status().isGone());
        assertThat(users.findByEmail(email).orElseThrow().getPasswordHash()).isEqualTo(hash);
    }

    @Test
    void onlyTheHashOfTheTokenIsStored() throws Exception {
        String link = createPersonAndReadInvitation();
        String token = link.substring("/invitation/".length());
        List<String> stored = jdbc.queryForList("select l.token_hash from password_link l join app_user u"
                + " on u.id = l.user_id where u.email = ?", String.class, email);
        assertThat(stored).containsExactly(LinkTokens.hash(token));
        assertThat(stored.get(0)).isNotEqualTo(token);
    }

    @Test
    void aPasswordThePolicyRefusesChangesNothingAndSaysWhy() throws Exception {
        String link = createPersonAndReadInvitation();
        mvc.perform(post(link).with(csrf()).param("password", "motdepasse123").param("confirmation", "motdepasse123"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("fait partie des plus courants")));
        mvc.perform(post(link).with(csrf()).param("password", PASSWORD).param("confirmation", PASSWORD + "!"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("La confirmation ne correspond pas")));
        assertThat(users.findByEmail(email).orElseThrow().getPasswordHash()).isNull();
        // The link still works after a refusal.
        mvc.perform(get(link)).andExpect(status().isOk());
    }

    @Test
    void theFormNeedsItsCsrfToken() throws Exception {
        String link = createPersonAndReadInvitation();
        mvc.perform(post(link).param("password", PASSWORD).param("confirmation", PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(users.findByEmail(email).orElseThrow().getPasswordHash()).isNull();
    }

    @Test
    void anExpiredLinkIsRefusedWithAClearPage() throws Exception {
        String link = createPersonAndReadInvitation();
        jdbc.update("update password_link set expires_at = created_at - interval '1 day' where user_id ="
                + " (select id from app_user where email = ?)", email);
        mvc.perform(get(link)).andExpect(status().isGone())
                .andExpect(content().string(containsString("Ce lien d&#39;invitation a expiré.")));
        mvc.perform(post(link).with(csrf()).param("password", PASSWORD).param("confirmation", PASSWORD))
                .andExpect(status().isGone());
        assertThat(users.findByEmail(email).orElseThrow().getPasswordHash()).isNull();
    }

    @Test
    void anUnknownLinkIsNotFound() throws Exception {
        mvc.perform(get("/invitation/" + LinkTokens.newToken())).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("n&#39;est pas valide")));
        mvc.perform(get("/mot-de-passe/" + LinkTokens.newToken())).andExpect(status().isNotFound());
    }

    @Test
    void hrResendsAnInvitationAndTheOldLinkStopsWorking() throws Exception {
        String first = createPersonAndReadInvitation();
        UUID id = users.findByEmail(email).orElseThrow().getId();
        mvc.perform(get("/organismes/" + organisation.getId() + "/personnes").with(user(hr).roles("ORG_HR")))
                .andExpect(content().string(containsString("Invitation envoyée, valable jusqu&#39;au")));

        mvc.perform(post("/organismes/" + organisation.getId() + "/personnes/" + id + "/invitation")
                        .with(user(hr).roles("ORG_HR")).with(csrf()))
                .andExpect(flash().attribute("success", containsString("Nouvelle invitation envoyée")));
        List<MimeMessage> received = TestMailServer.awaitMessagesTo(email, 2);
        assertThat(received).hasSize(2);
        String second = received.stream().map(m -> TestMailServer.linkPath(m, "/invitation/"))
                .filter(path -> !path.equals(first)).findFirst().orElseThrow();

        mvc.perform(get(first)).andExpect(status().isGone())
                .andExpect(content().string(containsString("remplacé par un plus récent")));
        mvc.perform(post(second).with(csrf()).param("password", PASSWORD).param("confirmation", PASSWORD))
                .andExpect(redirectedUrl("/connexion?active"));

        // Once the password is chosen, there is nothing to resend.
        mvc.perform(post("/organismes/" + organisation.getId() + "/personnes/" + id + "/invitation")
                        .with(user(hr).roles("ORG_HR")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("a déjà choisi son mot de passe")));
        assertThat(TestMailServer.messagesTo(email)).hasSize(2);
    }

    @Test
    void invitationsToOnePersonAreLimitedToThreeAnHour() throws Exception {
        createPersonAndReadInvitation();
        UUID id = users.findByEmail(email).orElseThrow().getId();
        String resend = "/organismes/" + organisation.getId() + "/personnes/" + id + "/invitation";
        for (int i = 2; i <= PasswordLinks.INVITATIONS_PER_HOUR; i++) {
            mvc.perform(post(resend).with(user(hr).roles("ORG_HR")).with(csrf()))
                    .andExpect(flash().attribute("success", containsString("Nouvelle invitation envoyée")));
        }
        TestMailServer.awaitMessagesTo(email, PasswordLinks.INVITATIONS_PER_HOUR);
        mvc.perform(post(resend).with(user(hr).roles("ORG_HR")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("a déjà reçu 3 invitations dans l'heure")));
        assertThat(TestMailServer.messagesTo(email)).hasSize(PasswordLinks.INVITATIONS_PER_HOUR);
    }

    @Test
    void hrOfAnotherOrganisationCannotResend() throws Exception {
        createPersonAndReadInvitation();
        UUID id = users.findByEmail(email).orElseThrow().getId();
        Organisation other = organisations.save(new Organisation("Autre " + UUID.randomUUID(),
                new Siret(AdministrationPagesTest.validSiret()), "Brest", SizeBand.FROM_0_TO_9,
                OrganisationType.ASSOCIATION));
        String otherHr = "rh-" + UUID.randomUUID().toString().substring(0, 8) + "@autre.example.fr";
        UserAccount account = new UserAccount(otherHr, "RH autre", passwords.encode("un-mot-de-passe-solide"));
        account.grant(Role.ORG_HR, other);
        users.save(account);

        mvc.perform(post("/organismes/" + other.getId() + "/personnes/" + id + "/invitation")
                        .with(user(otherHr).roles("ORG_HR")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/comptes/" + id + "/invitation").with(user(otherHr).roles("ORG_HR")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(TestMailServer.messagesTo(email)).hasSize(1);
    }

    @Test
    void theLoginPageLeadsToTheForgottenPasswordForm() throws Exception {
        mvc.perform(get("/connexion")).andExpect(content().string(containsString("href=\"/mot-de-passe-oublie\"")));
        mvc.perform(get("/connexion?active")).andExpect(content().string(containsString("mot de passe est enregistré")))
                .andExpect(content().string(not(containsString("incorrect"))));
    }
}
