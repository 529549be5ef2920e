package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.referentia.IntegrationTest;
import fr.referentia.account.AuditEntry;
import fr.referentia.account.AuditFilter;
import fr.referentia.account.AuditTrail;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Importing a referential leaves a trace in the account module's audit trail, through an event. */
@IntegrationTest
class FrameworkImportAuditTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AuditTrail audit;

    @Test
    void importingAReferentialWritesAnEntryWithBeforeAndAfter() throws Exception {
        String code = "AUDIT-" + UUID.randomUUID().toString().substring(0, 8);
        importAs(framework(code, "1", 1)).andExpect(status().isCreated());

        AuditEntry first = entries(code).get(0);
        assertThat(first.getAction()).isEqualTo("FRAMEWORK_IMPORTED");
        assertThat(first.getActorEmail()).isEqualTo(ADMIN);
        assertThat(first.getActorId()).isNotNull();
        assertThat(first.getBeforeJson()).isNull();
        JsonNode after = json.readTree(first.getAfterJson());
        assertThat(after.get("code").asText()).isEqualTo(code);
        assertThat(after.get("version").asText()).isEqualTo("1");
        assertThat(after.get("items").asInt()).isEqualTo(1);

        importAs(framework(code, "2", 3)).andExpect(status().isCreated());
        List<AuditEntry> both = entries(code);
        assertThat(both).hasSize(2);
        JsonNode before = json.readTree(both.get(0).getBeforeJson());
        assertThat(before.get("version").asText()).isEqualTo("1");
        assertThat(before.get("items").asInt()).isEqualTo(1);
        after = json.readTree(both.get(0).getAfterJson());
        assertThat(after.get("version").asText()).isEqualTo("2");
        assertThat(after.get("items").asInt()).isEqualTo(3);
        assertThat(after.get("title").asText()).isEqualTo("Référentiel audité");
    }

    @Test
    void aRefusedImportWritesNoEntry() throws Exception {
        String code = "AUDIT-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode faulty = framework(code, "1", 1);
        ((ObjectNode) faulty.get("items").get(0)).put("parentCode", "NULLE-PART");
        importAs(faulty).andExpect(status().isBadRequest());
        importAs(framework(code, "1", 1)).andExpect(status().isCreated());
        importAs(framework(code, "1", 1)).andExpect(status().isConflict());
        assertThat(entries(code)).hasSize(1);
    }

    @Test
    void theSeedsLoadedAtStartAreImportsByTheSystem() {
        assertThat(entries("RAC-METIERS-FORMATION")).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.getActorEmail()).isNull();
            assertThat(entry.getAfterJson()).contains("\"items\":");
        });
    }

    private org.springframework.test.web.servlet.ResultActions importAs(ObjectNode file) throws Exception {
        return mvc.perform(post("/api/v1/frameworks/import").with(httpBasic(ADMIN, "referentia-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(file.toString()));
    }

    private List<AuditEntry> entries(String code) {
        return audit.search(new AuditFilter(null, "FRAMEWORK", code, null, null), 0).entries().stream()
                .filter(entry -> code.equals(entry.getObjectId())).toList();
    }

    private ObjectNode framework(String code, String version, int items) {
        ObjectNode file = json.createObjectNode();
        file.put("format", CanonicalFramework.FORMAT);
        file.putObject("framework").put("code", code).put("kind", "CQP").put("title", "Référentiel audité")
                .put("version", version).put("status", "DRAFT");
        ArrayNode list = file.putArray("items");
        for (int i = 1; i <= items; i++) {
            list.addObject().put("code", "C" + i).put("type", "COMPETENCY").put("text", "Compétence " + i)
                    .putNull("parentCode");
        }
        return file;
    }
}
