package fr.referentia.framework.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import fr.referentia.IntegrationTest;
import fr.referentia.framework.FrameworkCatalog;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class CaseExchangeTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String PASSWORD = "referentia-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    Clock clock;

    @ParameterizedTest
    @ValueSource(strings = {"RAC-METIERS-FORMATION", "TITRE-PILOTAGE-DISPOSITIFS", "CQP-GESTIONNAIRE-DISPOSITIFS",
            "CQP-CONSEILLER-COMMERCIAL"})
    void caseExportOfEverySeedValidatesAgainstTheCaseSchemaAndIsStable(String code) throws Exception {
        byte[] first = export(code, "case");
        JsonNode cfPackage = json.readTree(first);
        try (InputStream schema = getClass().getResourceAsStream("/standards/case-v1p0-cfpackage-schema.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(cfPackage))
                    .isEmpty();
        }
        assertThat(export(code, "case")).isEqualTo(first);

        JsonNode canonical = json.readTree(export(code, "json"));
        JsonNode document = cfPackage.get("CFDocument");
        assertThat(document.get("title").asText()).isEqualTo(canonical.at("/framework/title").asText());
        assertThat(document.get("language").asText()).isEqualTo("fr");
        assertThat(document.get("version").asText()).isEqualTo(canonical.at("/framework/version").asText());
        assertThat(cfPackage.get("CFItems")).hasSize(canonical.get("items").size());
        JsonNode firstItem = canonical.get("items").get(0);
        JsonNode caseItem = cfPackage.get("CFItems").get(0);
        assertThat(caseItem.get("humanCodingScheme").asText()).isEqualTo(firstItem.get("code").asText());
        assertThat(caseItem.get("fullStatement").asText()).isEqualTo(firstItem.get("text").asText());
        assertThat(caseItem.get("listEnumeration").asText()).isEqualTo(firstItem.get("position").asText());
        assertThat(caseItem.get("CFItemType").asText())
                .isEqualTo(fr.referentia.framework.ItemType.valueOf(firstItem.get("type").asText()).label());
        long childOf = 0;
        for (JsonNode association : cfPackage.get("CFAssociations")) {
            if (association.get("associationType").asText().equals("isChildOf")) {
                childOf++;
            }
        }
        assertThat(childOf).as("one isChildOf per item, roots to the document").isEqualTo(canonical.get("items").size());
        assertThat(cfPackage.at("/CFDefinitions/CFItemTypes").size()).isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RAC-METIERS-FORMATION", "TITRE-PILOTAGE-DISPOSITIFS", "CQP-GESTIONNAIRE-DISPOSITIFS",
            "CQP-CONSEILLER-COMMERCIAL"})
    void caseRoundTripIsLosslessButForTheDateOfAPublicationThatHadNone(String code) throws Exception {
        String copy = "CASE-" + code;
        mvc.perform(asAdmin(post("/api/v1/frameworks/import")).param("format", "case").param("code", copy)
                        .contentType(MediaType.APPLICATION_JSON).content(export(code, "case")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code", is(copy)));
        ObjectNode original = (ObjectNode) json.readTree(export(code, "json"));
        ObjectNode roundTrip = (ObjectNode) json.readTree(export(copy, "json"));
        ((ObjectNode) roundTrip.get("framework")).put("code", code);
        if (original.at("/framework/validationDate").isNull()) {
            // An Adopted package is published through the audited publication, which needs a date: without
            // statusStartDate, the day of the import (issue 10).
            assertThat(roundTrip.at("/framework/validationDate").asText()).isEqualTo(LocalDate.now(clock).toString());
            ((ObjectNode) roundTrip.get("framework")).putNull("validationDate");
        }
        assertThat(roundTrip).isEqualTo(original);
    }

    @Test
    void aPackageFromAnotherCaseServerKeepsItsTypesAndAssociations() throws Exception {
        ObjectNode pkg = foreignPackage();
        mvc.perform(asAdmin(post("/api/v1/frameworks/import")).contentType(MediaType.APPLICATION_JSON)
                        .content(pkg.toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code", is("MATHEMATIQUES-AUTRE-SERVEUR")))
                .andExpect(jsonPath("$.status", is("PUBLISHED")));
        JsonNode items = json.readTree(mvc.perform(get("/api/v1/frameworks/MATHEMATIQUES-AUTRE-SERVEUR/items"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("code").asText()).isEqualTo("S1");
        assertThat(items.get(0).get("type").asText()).isEqualTo("OTHER");
        assertThat(items.get(0).get("typeLabel").asText()).isEqualTo("Standard");
        assertThat(items.get(1).get("type").asText()).isEqualTo("COMPETENCY");
        assertThat(items.get(1).get("parentCode").asText()).isEqualTo("S1");
        // No humanCodingScheme: a code derived from the identifier, the same at every import.
        assertThat(items.get(2).get("code").asText()).matches("ITEM-[0-9A-F]{8}");
        assertThat(items.get(2).get("text").asText()).isEqualTo("<script>alert(1)</script> Résoudre");
        JsonNode canonical = json.readTree(export("MATHEMATIQUES-AUTRE-SERVEUR", "json"));
        assertThat(canonical.get("associations").findValuesAsText("type")).containsExactly("PRECEDES", "IS_PEER_OF");
        mvc.perform(get("/referentiels/MATHEMATIQUES-AUTRE-SERVEUR/elements/" + items.get(2).get("code").asText()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; Résoudre")));
        mvc.perform(get("/referentiels/MATHEMATIQUES-AUTRE-SERVEUR"))
                .andExpect(content().string(containsString("Standard")));
    }

    @Test
    void aFaultyPackageIsRefusedWithEveryProblemAndNothingIsImported() throws Exception {
        ObjectNode pkg = foreignPackage();
        ((ObjectNode) pkg.get("CFDocument")).put("title", "Paquet fautif");
        ArrayNode items = (ArrayNode) pkg.get("CFItems");
        items.add(items.get(0).deepCopy()); // duplicate identifier and code
        ArrayNode associations = (ArrayNode) pkg.get("CFAssociations");
        ObjectNode dangling = association("isRelatedTo", id("c1"), UUID.randomUUID().toString());
        ((ObjectNode) dangling.get("destinationNodeURI")).put("title", ""); // unknown here, and no title to keep
        associations.add(dangling);
        associations.add(association("isChildOf", id("s1"), id("c1"))); // cycle S1 -> C1 -> S1
        mvc.perform(asAdmin(post("/api/v1/frameworks/import")).contentType(MediaType.APPLICATION_JSON)
                        .content(pkg.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasItem(containsString("en double"))))
                .andExpect(jsonPath("$.errors", hasItem(containsString("n'est pas un élément du paquet"))))
                .andExpect(jsonPath("$.errors", hasItem(containsString("Cycle dans les associations isChildOf"))));
        assertThat(catalog.exists("PAQUET-FAUTIF")).isFalse();
    }

    @Test
    void schemaViolationsAreAllListedInFrench() throws Exception {
        ObjectNode pkg = foreignPackage();
        ((ObjectNode) pkg.get("CFDocument")).remove("title");
        ((ObjectNode) pkg.get("CFItems").get(0)).put("identifier", "pas-un-uuid");
        ((ObjectNode) pkg.get("CFAssociations").get(0)).put("associationType", "isFriendOf");
        int before = catalog.list().size();
        mvc.perform(asAdmin(post("/api/v1/frameworks/import")).param("format", "case")
                        .contentType(MediaType.APPLICATION_JSON).content(pkg.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()", is(3)))
                .andExpect(jsonPath("$.errors", hasItem(containsString("title"))))
                .andExpect(jsonPath("$.errors", hasItem(containsString("/CFItems/0/identifier"))))
                .andExpect(jsonPath("$.errors", hasItem(containsString("énumération"))));
        assertThat(catalog.list()).hasSize(before);
    }

    @Test
    void wrongEncodingAndOversizedFilesAreRefusedCleanly() throws Exception {
        ObjectNode pkg = foreignPackage();
        ((ObjectNode) pkg.get("CFDocument")).put("title", "Encodage latin é");
        byte[] latin1 = pkg.toString().getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(asAdmin(post("/api/v1/frameworks/import")).contentType(MediaType.APPLICATION_JSON).content(latin1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("UTF-8")));
        byte[] huge = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        mvc.perform(asAdmin(post("/api/v1/frameworks/import")).contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("taille maximale")));
        assertThat(catalog.exists("ENCODAGE-LATIN-E")).isFalse();
    }

    /** A package as another CASE server writes it: English types, no extensions, one item without code. */
    private ObjectNode foreignPackage() {
        ObjectNode pkg = json.createObjectNode();
        ObjectNode document = pkg.putObject("CFDocument");
        document.put("identifier", id("doc")).put("uri", "https://case.example.org/uri/" + id("doc"))
                .put("creator", "Autre serveur").put("title", "Mathématiques (autre serveur)")
                .put("lastChangeDateTime", "2025-01-02T03:04:05Z").put("adoptionStatus", "Adopted")
                .put("version", "2.0");
        ArrayNode items = pkg.putArray("CFItems");
        items.add(item("s1", "S1", "Standard", "Nombres et calculs"));
        items.add(item("c1", "C1", "Compétence", "Calculer"));
        ObjectNode noCode = item("c2", null, "Compétence", "<script>alert(1)</script> Résoudre");
        items.add(noCode);
        ArrayNode associations = pkg.putArray("CFAssociations");
        associations.add(association("isChildOf", id("s1"), id("doc")));
        associations.add(association("isChildOf", id("c1"), id("s1")));
        associations.add(association("isChildOf", id("c2"), id("s1")));
        associations.add(association("precedes", id("c1"), id("c2")));
        associations.add(association("isPeerOf", id("c2"), id("c1")));
        return pkg;
    }

    private ObjectNode item(String key, String code, String type, String text) {
        ObjectNode item = json.createObjectNode();
        item.put("identifier", id(key)).put("fullStatement", text).put("CFItemType", type)
                .put("uri", "https://case.example.org/uri/" + id(key)).put("lastChangeDateTime", "2025-01-02T03:04:05Z");
        if (code != null) {
            item.put("humanCodingScheme", code);
        }
        return item;
    }

    private ObjectNode association(String type, String origin, String destination) {
        ObjectNode association = json.createObjectNode();
        String id = UUID.nameUUIDFromBytes((type + origin + destination).getBytes(StandardCharsets.UTF_8)).toString();
        association.put("identifier", id).put("associationType", type).put("uri", "https://case.example.org/uri/" + id)
                .put("lastChangeDateTime", "2025-01-02T03:04:05Z");
        association.putObject("originNodeURI").put("title", "o").put("identifier", origin)
                .put("uri", "https://case.example.org/uri/" + origin);
        association.putObject("destinationNodeURI").put("title", "d").put("identifier", destination)
                .put("uri", "https://case.example.org/uri/" + destination);
        return association;
    }

    private static String id(String key) {
        return UUID.nameUUIDFromBytes(("test/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private byte[] export(String code, String format) throws Exception {
        return mvc.perform(get("/api/v1/frameworks/" + code + "/export").param("format", format))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(ADMIN, PASSWORD));
    }
}
