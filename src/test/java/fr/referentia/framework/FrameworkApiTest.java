package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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
import fr.referentia.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class FrameworkApiTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String PASSWORD = "referentia-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    FrameworkVersions versions;

    @Test
    void theApiIsDocumentedByOpenApi() throws Exception {
        mvc.perform(get("/api/docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title", is("API Referentia")))
                .andExpect(jsonPath("$.paths['/api/v1/search'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/frameworks/{code}/items'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/frameworks/import'].post").exists());
    }

    @Test
    void listsTheReferentials() throws Exception {
        mvc.perform(get("/api/v1/frameworks"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'CQP-CONSEILLER-COMMERCIAL')].kind", hasItem("CQP")))
                .andExpect(jsonPath("$[?(@.code == 'RAC-METIERS-FORMATION')].status", hasItem("PUBLISHED")))
                .andExpect(jsonPath("$[*].title", everyItem(org.hamcrest.Matchers.notNullValue())))
                .andExpect(jsonPath("$[*].version", everyItem(org.hamcrest.Matchers.notNullValue())));
    }

    @Test
    void givesOneReferentialWithItsMetadataAndExams() throws Exception {
        mvc.perform(get("/api/v1/frameworks/CQP-GESTIONNAIRE-DISPOSITIFS"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.validationDate", is("2024-10-02")))
                .andExpect(jsonPath("$.counts.COMPETENCY", is(21)))
                .andExpect(jsonPath("$.exams[0].code", is("EP1.1")))
                .andExpect(jsonPath("$.exams[0].durationMinutes", is(45)))
                .andExpect(jsonPath("$.exams[0].parts[0].label", is("Préparation")));
    }

    @Test
    void aReferentialWithOnlyADraftAnswersItsDraftToBranchAdministratorsOnly() throws Exception {
        String code = "API-BROUILLON-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        versions.createFramework(code, "Référentiel jamais publié", FrameworkKind.CQP, "v1");
        mvc.perform(asAdmin(get("/api/v1/frameworks/" + code))).andExpect(status().isOk())
                .andExpect(jsonPath("$.code", is(code)))
                .andExpect(jsonPath("$.version", is("v1")))
                .andExpect(jsonPath("$.status", is("DRAFT")));
        mvc.perform(get("/api/v1/frameworks/" + code)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/frameworks/" + code).with(httpBasic("observer@demo.referentia.fr", PASSWORD)))
                .andExpect(status().isNotFound());
        // Once published, everyone gets the published version, authors included.
        mvc.perform(asAdmin(get("/api/v1/frameworks/CQP-GESTIONNAIRE-DISPOSITIFS"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("PUBLISHED")));
    }

    @Test
    void listsItemsByType() throws Exception {
        mvc.perform(get("/api/v1/frameworks/RAC-METIERS-FORMATION/items").param("type", "ACTIVITY"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(36)))
                .andExpect(jsonPath("$[0].code", is("DOM1-A1")))
                .andExpect(jsonPath("$[0].type", is("ACTIVITY")))
                .andExpect(jsonPath("$[0].parentCode", is("DOM1")))
                .andExpect(jsonPath("$[0].position", is(1)))
                .andExpect(jsonPath("$[0].essential").doesNotExist());
        mvc.perform(get("/api/v1/frameworks/CQP-CONSEILLER-COMMERCIAL/items").param("type", "ELEMENT"))
                .andExpect(jsonPath("$", hasSize(41)))
                .andExpect(jsonPath("$[0].code", is("C1.E1")))
                .andExpect(jsonPath("$[0].parentCode", is("C1.G1")))
                .andExpect(jsonPath("$[*].essential", everyItem(is(false))));
    }

    @Test
    void unknownCodesAreProblemDetails404() throws Exception {
        mvc.perform(get("/api/v1/frameworks/INCONNU"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("INCONNU")));
        mvc.perform(get("/api/v1/frameworks/RAC-METIERS-FORMATION/items/DOM9-A9"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/frameworks/INCONNU/export").param("format", "pdf"))
                .andExpect(status().isNotFound());
    }

    @Test
    void badParametersAreClear400s() throws Exception {
        mvc.perform(get("/api/v1/frameworks/RAC-METIERS-FORMATION/items").param("type", "<script>"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("COMPETENCY")));
        mvc.perform(get("/api/v1/frameworks/RAC-METIERS-FORMATION/export").param("format", "docx"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("json, case, xlsx, csv ou pdf")));
    }

    @Test
    void searchApiReturnsRankedHighlightedHitsAndRefusesBadQueries() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "évaluation des acquis").param("framework",
                        "TITRE-PILOTAGE-DISPOSITIFS").param("type", "COMPETENCY"))
                .andExpect(status().isOk())
                // Items holding one of the two words follow (issue 11: partial matches ranked, not dropped).
                .andExpect(jsonPath("$.total", greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.hits[0].frameworkCode", is("TITRE-PILOTAGE-DISPOSITIFS")))
                .andExpect(jsonPath("$.hits[0].itemCode", is("1.5")))
                .andExpect(jsonPath("$.hits[0].type", is("COMPETENCY")))
                .andExpect(jsonPath("$.hits[0].highlight", containsString("<mark>acquis</mark>")));
        mvc.perform(get("/api/v1/search").param("q", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Saisissez")));
        mvc.perform(get("/api/v1/search").param("q", "x".repeat(501))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/search").param("q", "formation").param("page", "abc"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/search").param("q", "(((\"*~^")).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RAC-METIERS-FORMATION", "TITRE-PILOTAGE-DISPOSITIFS", "CQP-GESTIONNAIRE-DISPOSITIFS",
            "CQP-CONSEILLER-COMMERCIAL"})
    void jsonExportIsTheCanonicalSeedExactly(String code) throws Exception {
        byte[] exported = mvc.perform(get("/api/v1/frameworks/" + code + "/export").param("format", "json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsByteArray();
        try (var seeds = Files.list(Path.of("src/main/resources/seeds"))) {
            Path seed = seeds.filter(p -> p.getFileName().toString().endsWith(code + ".json")).findFirst().orElseThrow();
            ObjectNode expected = (ObjectNode) json.readTree(seed.toFile());
            ObjectNode actual = (ObjectNode) json.readTree(exported);
            // Items come out in reading order; a seed file may list them otherwise (positions carry the order).
            assertThat(byCode(actual.remove("items"))).isEqualTo(byCode(expected.remove("items")));
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static java.util.Map<String, JsonNode> byCode(JsonNode items) {
        java.util.Map<String, JsonNode> byCode = new java.util.HashMap<>();
        items.forEach(item -> byCode.put(item.get("code").asText(), item));
        assertThat(byCode).hasSize(items.size());
        return byCode;
    }

    @Test
    void exportedJsonReimportsLosslesslyUnderAnotherCode() throws Exception {
        ObjectNode exported = (ObjectNode) json.readTree(export("CQP-CONSEILLER-COMMERCIAL"));
        ((ObjectNode) exported.get("framework")).put("code", "COPIE-CONSEILLER");
        mvc.perform(asAdmin(post("/api/v1/frameworks/import")).param("publish", "true")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(exported)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code", is("COPIE-CONSEILLER")));
        // Published at import through the audited publication: a file without a validation date is dated that day.
        ObjectNode roundTrip = (ObjectNode) json.readTree(export("COPIE-CONSEILLER"));
        assertThat(roundTrip.at("/framework/validationDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        ((ObjectNode) roundTrip.get("framework")).putNull("validationDate");
        assertThat(roundTrip).isEqualTo(exported);
        // The same version again would overwrite it: refused.
        mvc.perform(asAdmin(post("/api/v1/frameworks/import")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(exported)))
                .andExpect(status().isConflict());
    }

    @Test
    void importNeedsABranchAdministrator() throws Exception {
        byte[] body = minimalFramework("SANS-DROIT").toString().getBytes();
        mvc.perform(post("/api/v1/frameworks/import").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/frameworks/import").with(httpBasic("org-hr@demo.referentia.fr", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("rôle")));
        mvc.perform(post("/api/v1/frameworks/import").with(httpBasic(ADMIN, "mauvais-mot-de-passe"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        assertThat(catalog.exists("SANS-DROIT")).isFalse();
    }

    @Test
    void aFaultyFileIsRefusedWithEveryProblemAndNothingIsSaved() throws Exception {
        ObjectNode file = minimalFramework("FAUTIF");
        ArrayNode items = (ArrayNode) file.get("items");
        items.add(item("X1", "COMPETENCY", "Doublon", null));
        items.add(item("X1", "COMPETENCY", "Doublon encore", null));
        items.add(item("X2", "COMPETENCY", "Parent absent", "NULLE-PART"));
        items.add(item("X3", "COMPETENCY", "Cycle", "X4"));
        items.add(item("X4", "COMPETENCY", "Cycle", "X3"));
        items.add(item("X5", "COMPETENCY", " ", null));
        mvc.perform(asAdmin(post("/api/v1/frameworks/import")).contentType(MediaType.APPLICATION_JSON)
                        .content(file.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasItem(containsString("« X1 » est en double"))))
                .andExpect(jsonPath("$.errors", hasItem(containsString("parent « NULLE-PART » introuvable"))))
                .andExpect(jsonPath("$.errors", hasItem(containsString("cycle"))))
                .andExpect(jsonPath("$.errors", hasItem(containsString("le texte est vide"))));
        assertThat(catalog.exists("FAUTIF")).isFalse();
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        mvc.perform(asAdmin(post("/api/v1/frameworks/import")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"format\": \"referentia/framework@1\", \"framework\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("mal formée")));
        mvc.perform(asAdmin(post("/api/v1/frameworks/import")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"format\": \"autre\", \"framework\": {\"kind\": \"INCONNU\"}}"))
                .andExpect(status().isBadRequest());
    }

    private byte[] export(String code) throws Exception {
        return mvc.perform(get("/api/v1/frameworks/" + code + "/export")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(ADMIN, PASSWORD));
    }

    private ObjectNode minimalFramework(String code) {
        ObjectNode file = json.createObjectNode();
        file.put("format", CanonicalFramework.FORMAT);
        ObjectNode header = file.putObject("framework");
        header.put("code", code).put("kind", "CQP").put("title", "Référentiel de test").put("version", "1")
                .put("status", "DRAFT");
        file.putArray("items").add(item("C1", "COMPETENCY", "Compétence de test", null));
        return file;
    }

    private JsonNode item(String code, String type, String text, String parent) {
        ObjectNode item = json.createObjectNode();
        item.put("code", code).put("type", type).put("text", text).put("parentCode", parent);
        return item;
    }
}
