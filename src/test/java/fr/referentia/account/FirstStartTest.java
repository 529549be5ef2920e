package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.ReadinessHistory;
import fr.referentia.TestMailServer;
import fr.referentia.framework.FrameworkCatalog;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A first start in production: the {@code postgres} profile (no demo accounts) on an empty
 * PostgreSQL database of its own, with the bootstrap address set. It ends with that person signed
 * in as branch administrator, through the invitation they received; restarts send nothing more.
 */
@SpringBootTest(properties = {
        "referentia.test.postgres-database=first_start",
        "referentia.bootstrap.admin-email=" + FirstStartTest.ADMIN,
        "referentia.bootstrap.admin-name=Première Administratrice"})
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
class FirstStartTest {

    static final String ADMIN = "Premiere.Admin@Branche.Example.fr";
    static final String NORMALISED = "premiere.admin@branche.example.fr";
    static final String PASSWORD = "quatre hérons cendrés";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BootstrapAdmin bootstrap;

    @Autowired
    ReadinessHistory readiness;

    @Autowired
    FrameworkCatalog catalog;

    @Test
    void theApplicationReportsReadyOnlyOnceEverySeedReferentialIsLoaded() {
        assertThat(readiness.changes()).first()
                .isEqualTo(new ReadinessHistory.Change(ReadinessState.REFUSING_TRAFFIC, 0));
        assertThat(readiness.changes()).filteredOn(change -> change.state() == ReadinessState.ACCEPTING_TRAFFIC)
                .first().isEqualTo(new ReadinessHistory.Change(ReadinessState.ACCEPTING_TRAFFIC, catalog.list().size()));
        assertThat(catalog.list()).hasSize(4);
    }

    @Test
    void anEmptyDatabaseEndsWithTheBootstrapAddressSignedInAsBranchAdministrator() throws Exception {
        // Only the bootstrap account exists: no demo account in this profile.
        assertThat(jdbc.queryForList("select email from app_user", String.class)).containsExactly(NORMALISED);
        assertThat(jdbc.queryForList("select g.role from role_grant g join app_user u on u.id = g.user_id",
                String.class)).containsExactly("BRANCH_ADMIN");
        assertThat(jdbc.queryForList("select action from audit_entry where subject_id = "
                + "(select id from app_user where email = ?) order by id", String.class, NORMALISED))
                .containsExactly("ACCOUNT_CREATED", "ROLE_GRANTED", "BOOTSTRAP_ADMIN_INVITED");
        assertThat(jdbc.queryForList("select actor_email from audit_entry", String.class)).containsOnlyNulls();

        List<MimeMessage> received = TestMailServer.awaitMessagesTo(NORMALISED, 1);
        assertThat(received).hasSize(1);
        assertThat(TestMailServer.text(received.get(0))).startsWith("Bonjour Première Administratrice,");
        String link = TestMailServer.linkPath(received.get(0), "/invitation/");

        // A restart while the invitation is valid sends nothing more; after it expired, a new one replaces it.
        assertThat(bootstrap.bootstrap()).isEqualTo(BootstrapAdmin.Outcome.INVITATION_PENDING);
        assertThat(TestMailServer.messagesTo(NORMALISED)).hasSize(1);
        jdbc.update("update password_link set created_at = created_at - interval '8 days', "
                + "expires_at = expires_at - interval '8 days'");
        assertThat(bootstrap.bootstrap()).isEqualTo(BootstrapAdmin.Outcome.REINVITED);
        received = TestMailServer.awaitMessagesTo(NORMALISED, 2);
        assertThat(received).hasSize(2);
        mvc.perform(get(link)).andExpect(status().isGone());
        link = TestMailServer.linkPath(received.get(1), "/invitation/");
        assertThat(bootstrap.bootstrap()).isEqualTo(BootstrapAdmin.Outcome.INVITATION_PENDING);

        mvc.perform(get(link)).andExpect(status().isOk());
        mvc.perform(post(link).with(csrf()).param("password", PASSWORD).param("confirmation", PASSWORD))
                .andExpect(redirectedUrl("/connexion?active"));
        MvcResult signedIn = mvc.perform(formLogin("/connexion").user(NORMALISED).password(PASSWORD))
                .andExpect(authenticated().withUsername(NORMALISED).withRoles("BRANCH_ADMIN"))
                .andReturn();
        mvc.perform(get("/admin/comptes").cookie(signedIn.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk());

        // Once a branch administrator is active, the bootstrap does nothing, whatever the address.
        assertThat(bootstrap.bootstrap()).isEqualTo(BootstrapAdmin.Outcome.ADMIN_EXISTS);
        assertThat(TestMailServer.messagesTo(NORMALISED)).hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isEqualTo(1);
    }
}
