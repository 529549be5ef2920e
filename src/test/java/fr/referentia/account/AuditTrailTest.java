package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import fr.referentia.shared.audit.AuditEvent;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.repository.Repository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** What writes the audit trail in the account module, and that nothing in the application rewrites it. */
@IntegrationTest
class AuditTrailTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditEntryRepository entries;

    @Autowired
    AccountAdministration administration;

    @Autowired
    UserAccountRepository users;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper json;

    @Test
    void creatingAnOrganisationAndAnAccountAndGrantingARoleWriteEntries() throws Exception {
        UUID adminId = users.findByEmail(ADMIN).orElseThrow().getId();
        String siret = AdministrationPagesTest.validSiret();
        mvc.perform(post("/admin/organismes").with(user(ADMIN).roles("BRANCH_ADMIN")).with(csrf())
                        .param("name", "Organisme audité").param("siret", siret).param("address", "Nantes")
                        .param("sizeBand", "FROM_0_TO_9").param("type", "ASSOCIATION"))
                .andExpect(flash().attributeExists("success"));
        UUID organisationId = administration.organisations().stream()
                .filter(o -> o.getSiret().value().equals(siret)).findFirst().orElseThrow().getId();
        AuditEntry created = only(entriesOn("ORGANISATION", organisationId.toString()));
        assertThat(created.getAction()).isEqualTo("ORGANISATION_CREATED");
        assertThat(created.getActorEmail()).isEqualTo(ADMIN);
        assertThat(created.getActorId()).isEqualTo(adminId);
        assertThat(created.getOrganisationId()).isEqualTo(organisationId);
        assertThat(created.getBeforeJson()).isNull();
        assertThat(json.readTree(created.getAfterJson()).get("siret").asText()).isEqualTo(siret);

        String email = "audite-" + UUID.randomUUID().toString().substring(0, 8) + "@a.example.fr";
        mvc.perform(post("/admin/comptes").with(user(ADMIN).roles("BRANCH_ADMIN")).with(csrf())
                        .param("email", email).param("displayName", "Dominique Audit").param("role", "EMPLOYEE")
                        .param("organisationId", organisationId.toString()))
                .andExpect(flash().attributeExists("success"));
        UUID userId = users.findByEmail(email).orElseThrow().getId();
        List<AuditEntry> aboutTheAccount = entriesOn("USER_ACCOUNT", userId.toString());
        assertThat(aboutTheAccount).extracting(AuditEntry::getAction).containsExactly("ROLE_GRANTED", "ACCOUNT_CREATED");
        assertThat(aboutTheAccount).allSatisfy(entry -> {
            assertThat(entry.getSubjectId()).isEqualTo(userId);
            assertThat(entry.getActorId()).isEqualTo(adminId);
            assertThat(entry.getOrganisationId()).isEqualTo(organisationId);
        });
        JsonNode account = json.readTree(aboutTheAccount.get(1).getAfterJson());
        assertThat(account.get("email").asText()).isEqualTo(email);
        assertThat(account.get("displayName").asText()).isEqualTo("Dominique Audit");
        assertThat(json.readTree(aboutTheAccount.get(0).getBeforeJson())).isEmpty();
        assertThat(json.readTree(aboutTheAccount.get(0).getAfterJson()).get(0).get("role").asText()).isEqualTo("EMPLOYEE");

        administration.grant(ADMIN, userId, Role.MANAGER, organisationId);
        AuditEntry grant = entriesOn("USER_ACCOUNT", userId.toString()).get(0);
        assertThat(grant.getAction()).isEqualTo("ROLE_GRANTED");
        assertThat(json.readTree(grant.getBeforeJson()).findValuesAsText("role")).containsExactly("EMPLOYEE");
        assertThat(json.readTree(grant.getAfterJson()).findValuesAsText("role")).containsExactly("EMPLOYEE", "MANAGER");
        // Granting a role already held changes nothing, and records nothing.
        administration.grant(ADMIN, userId, Role.MANAGER, organisationId);
        assertThat(entriesOn("USER_ACCOUNT", userId.toString())).hasSize(3);
    }

    @Test
    void aRefusedChangeWritesNoEntry() throws Exception {
        long before = audit.search(AuditFilter.NONE, 0).total();
        mvc.perform(post("/admin/organismes").with(user(ADMIN).roles("BRANCH_ADMIN")).with(csrf())
                        .param("name", "Faux").param("siret", "73282932000075").param("address", "Paris")
                        .param("sizeBand", "FROM_10_TO_49").param("type", "ASSOCIATION"))
                .andExpect(flash().attributeExists("error"));
        assertThat(audit.search(AuditFilter.NONE, 0).total()).isEqualTo(before);
    }

    @Test
    void otherModulesRecordByPublishingAnEventAndWithoutASignedInPersonTheSystemIsTheAuthor() {
        String code = "EVT-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(
                AuditEvent.of("SAMPLE_DONE", "SAMPLE", code).change(Map.of("n", 1), Map.of("n", 2))));
        AuditEntry entry = only(entriesOn("SAMPLE", code));
        assertThat(entry.getActorEmail()).isNull();
        assertThat(entry.getActorId()).isNull();
        assertThat(entry.getBeforeJson()).isEqualTo("{\"n\":1}");
        assertThat(entry.getAfterJson()).isEqualTo("{\"n\":2}");
        // An event published in a transaction that rolls back leaves no trace.
        String rolledBack = "EVT-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(AuditEvent.of("SAMPLE_DONE", "SAMPLE", rolledBack));
            status.setRollbackOnly();
        });
        assertThat(entriesOn("SAMPLE", rolledBack)).isEmpty();
    }

    @Test
    void anEntryCannotBeModifiedThroughTheApplication() {
        // No update or delete to call: the repository is a bare Repository, the entity has no setter.
        assertThat(AuditEntryRepository.class.getInterfaces()).containsExactly(Repository.class);
        assertThat(Arrays.stream(AuditEntryRepository.class.getMethods()).map(Method::getName))
                .noneMatch(name -> name.startsWith("delete") || name.startsWith("update") || name.startsWith("remove"));
        assertThat(Arrays.stream(AuditEntry.class.getMethods()).map(Method::getName))
                .noneMatch(name -> name.startsWith("set"));
        assertThat(AuditEntry.class).hasAnnotation(Immutable.class);

        String code = "IMMUABLE-" + UUID.randomUUID();
        Long id = audit.record(AuditEvent.of("SAMPLE_DONE", "SAMPLE", code).change(null, Map.of("v", 1))).getId();
        // Even forcing the fields of a loaded entry and saving it writes nothing: Hibernate ignores changes.
        transactions.executeWithoutResult(status -> {
            AuditEntry loaded = entries.findById(id).orElseThrow();
            ReflectionTestUtils.setField(loaded, "actorEmail", "faussaire@example.fr");
            ReflectionTestUtils.setField(loaded, "afterJson", "{\"v\":2}");
            entries.save(loaded);
        });
        AuditEntry detached = entries.findById(id).orElseThrow();
        ReflectionTestUtils.setField(detached, "objectId", "AUTRE");
        transactions.executeWithoutResult(status -> entries.save(detached));

        AuditEntry reread = entries.findById(id).orElseThrow();
        assertThat(reread.getActorEmail()).isNull();
        assertThat(reread.getAfterJson()).isEqualTo("{\"v\":1}");
        assertThat(reread.getObjectId()).isEqualTo(code);
    }

    private List<AuditEntry> entriesOn(String objectType, String objectId) {
        return audit.search(new AuditFilter(null, objectType, objectId, null, null), 0).entries();
    }

    private static AuditEntry only(List<AuditEntry> found) {
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
