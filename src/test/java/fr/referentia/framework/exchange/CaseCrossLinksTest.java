package fr.referentia.framework.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import fr.referentia.IntegrationTest;
import fr.referentia.framework.authoring.AuthoringFixtures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R14 links across referentials in CASE: exported as a CFAssociation to the other referential's item
 * (the identifier that referential's own export gives it), read back as a link to that item, or, from
 * another server, resolved by identifier or kept with its title as a label. The referentials imported
 * here are small fixtures, not copies of the seeds (see {@link AuthoringFixtures}).
 */
@IntegrationTest
class CaseCrossLinksTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String OTHER = "CQP-GESTIONNAIRE-DISPOSITIFS";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void aLinkToAnotherReferentialsItemSurvivesACaseRoundTrip() throws Exception {
        String code = "CROSS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ObjectNode file = json.valueToTree(AuthoringFixtures.small(code));
        ((ArrayNode) file.get("associations")).addObject().put("type", "VALIDATES").put("originCode", "C1")
                .put("destinationFramework", OTHER).put("destinationCode", "C1").putNull("destinationLabel");
        importJson(file.toString(), "");

        JsonNode cfPackage = json.readTree(export(code, "case"));
        try (InputStream schema = getClass().getResourceAsStream("/standards/case-v1p0-cfpackage-schema.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(cfPackage))
                    .isEmpty();
        }
        JsonNode link = StreamSupport.stream(cfPackage.get("CFAssociations").spliterator(), false)
                .filter(a -> OTHER.equals(a.path("extensions").path("referentia").path("destinationFramework").asText(null)))
                .findFirst().orElseThrow();
        String otherC1 = StreamSupport.stream(json.readTree(export(OTHER, "case")).get("CFItems").spliterator(), false)
                .filter(i -> i.get("humanCodingScheme").asText().equals("C1")).findFirst().orElseThrow()
                .get("identifier").asText();
        assertThat(link.get("destinationNodeURI").get("identifier").asText()).isEqualTo(otherC1);
        assertThat(link.get("destinationNodeURI").get("title").asText()).isEqualTo(OTHER + " C1");
        assertThat(link.get("associationType").asText()).isEqualTo("isRelatedTo");

        // Read back (under another code): the same link to the other referential's item.
        String copy = code + "-BIS";
        importJson(cfPackage.toString(), "?format=case&code=" + copy);
        JsonNode canonical = json.readTree(export(copy, "json"));
        assertThat(canonical.get("associations").toString())
                .contains("{\"type\":\"VALIDATES\",\"originCode\":\"C1\",\"destinationFramework\":\"" + OTHER
                        + "\",\"destinationCode\":\"C1\",\"destinationLabel\":null}");
        assertThat(mvc.perform(get("/referentiels/" + copy + "/elements/C1")).andReturn().getResponse()
                .getContentAsString()).contains("/referentiels/" + OTHER + "/elements/C1");
    }

    @Test
    void anotherServersLinkOutsideItsPackageIsResolvedByIdentifierOrKeptAsALabel() throws Exception {
        String otherC2 = StreamSupport.stream(json.readTree(export(OTHER, "case")).get("CFItems").spliterator(), false)
                .filter(i -> i.get("humanCodingScheme").asText().equals("C2")).findFirst().orElseThrow()
                .get("identifier").asText();
        String code = "FOREIGN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ObjectNode pkg = json.createObjectNode();
        pkg.putObject("CFDocument").put("identifier", id(code + "doc")).put("uri", "https://case.example.org/" + code)
                .put("creator", "Autre serveur").put("title", "Paquet d'un autre serveur")
                .put("lastChangeDateTime", "2025-01-02T03:04:05Z").put("adoptionStatus", "Adopted").put("version", "1");
        pkg.putArray("CFItems").addObject().put("identifier", id(code + "c1")).put("fullStatement", "Accueillir")
                .put("CFItemType", "Compétence").put("humanCodingScheme", "K1").put("uri", "https://case.example.org/k1")
                .put("lastChangeDateTime", "2025-01-02T03:04:05Z");
        ArrayNode associations = pkg.putArray("CFAssociations");
        associations.add(association("isChildOf", id(code + "c1"), id(code + "doc"), "Paquet"));
        associations.add(association("exactMatchOf", id(code + "c1"), otherC2, "Informer"));
        associations.add(association("isRelatedTo", id(code + "c1"), UUID.randomUUID().toString(),
                "certificat de Compétences Services – Relation Client"));
        importJson(pkg.toString(), "?code=" + code);

        JsonNode links = json.readTree(export(code, "json")).get("associations");
        assertThat(links).hasSize(2);
        JsonNode match = StreamSupport.stream(links.spliterator(), false)
                .filter(l -> l.get("type").asText().equals("EXACT_MATCH_OF")).findFirst().orElseThrow();
        assertThat(match.get("destinationFramework").asText()).isEqualTo(OTHER);
        assertThat(match.get("destinationCode").asText()).isEqualTo("C2");
        JsonNode label = StreamSupport.stream(links.spliterator(), false)
                .filter(l -> l.get("type").asText().equals("IS_RELATED_TO")).findFirst().orElseThrow();
        assertThat(label.has("destinationFramework")).isFalse();
        assertThat(label.get("destinationLabel").asText()).isEqualTo("certificat de Compétences Services – Relation Client");
    }

    private ObjectNode association(String type, String origin, String destination, String title) {
        ObjectNode association = json.createObjectNode();
        String id = id(type + origin + destination);
        association.put("identifier", id).put("associationType", type).put("uri", "https://case.example.org/" + id)
                .put("lastChangeDateTime", "2025-01-02T03:04:05Z");
        association.putObject("originNodeURI").put("title", "o").put("identifier", origin)
                .put("uri", "https://case.example.org/" + origin);
        association.putObject("destinationNodeURI").put("title", title).put("identifier", destination)
                .put("uri", "https://case.example.org/" + destination);
        return association;
    }

    private static String id(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void importJson(String body, String query) throws Exception {
        mvc.perform(post("/api/v1/frameworks/import" + query).param("publish", "true").with(httpBasic(ADMIN, "referentia-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    private byte[] export(String code, String format) throws Exception {
        return mvc.perform(get("/api/v1/frameworks/" + code + "/export").param("format", format))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

}
