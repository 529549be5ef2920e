package fr.referentia.framework.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import fr.referentia.IntegrationTest;
import fr.referentia.account.AuditEntry;
import fr.referentia.account.AuditTrail;
import fr.referentia.framework.authoring.AuthoringFixtures;
import fr.referentia.framework.importjob.ImportJobs;
import fr.referentia.shared.jobs.JobState;
import fr.referentia.shared.jobs.JobView;
import fr.referentia.account.AuditFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 10, CASE packages of other servers kept whole: a package written in the style of OpenSALT and the
 * CASE Network ({@code casenetwork-package.json}: Spanish, English and Arabic texts, astral-plane characters,
 * every CFDocument and CFItem field, crosswalks to nodes of other frameworks titled « Destination », item types
 * with their typeCode and hierarchyCode, definitions and rubrics) is imported, then exported: every node
 * comes back with its identifier, URI and every field, compared field by field.
 */
@IntegrationTest
class CasePackageRoundTripTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String PASSWORD = "referentia-demo";
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final String TITLE = "Competencias digitales docentes — 𝔻𝕚𝕘𝕚𝕥𝕒𝕝 𝔼𝕕𝕦";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    ImportJobs importJobs;

    @Test
    void everyNodeOfAnotherServersPackageComesBackFromTheExportWithEveryFieldAndItsIdentifier() throws Exception {
        ObjectNode original = fixture("aller-retour");
        String code = importPackage(original, null).get("code").asText();
        JsonNode exported = export(code, null);

        assertThat(schemaViolations(exported)).isEmpty();
        assertThat(withoutOurExtension(exported.get("CFDocument"))).isEqualTo(original.get("CFDocument"));
        assertThat(exported.get("CFItems")).hasSameSizeAs(original.get("CFItems"));
        Map<String, JsonNode> items = byIdentifier(exported.get("CFItems"));
        for (JsonNode item : original.get("CFItems")) {
            assertThat(withoutOurExtension(items.get(item.get("identifier").asText())))
                    .as(item.path("humanCodingScheme").asText(item.get("identifier").asText())).isEqualTo(item);
        }
        assertThat(exported.get("CFAssociations")).hasSameSizeAs(original.get("CFAssociations"));
        Map<String, JsonNode> associations = byIdentifier(exported.get("CFAssociations"));
        for (JsonNode association : original.get("CFAssociations")) {
            assertThat(withoutOurExtension(associations.get(association.get("identifier").asText())))
                    .as(association.get("associationType").asText()).isEqualTo(association);
        }
        assertThat(exported.get("CFDefinitions")).isEqualTo(original.get("CFDefinitions"));
        assertThat(exported.get("CFRubrics")).isEqualTo(original.get("CFRubrics"));

        // The fields the other server's users missed most, named one by one.
        JsonNode document = exported.get("CFDocument");
        assertThat(document.get("language").asText()).isEqualTo("es");
        assertThat(document.get("creator").asText()).isEqualTo("Ministerio de Educación — Equipo CASE");
        assertThat(document.get("subject")).containsExactly(json.getNodeFactory().textNode("Competencia digital"),
                json.getNodeFactory().textNode("Formación del profesorado"));
        assertThat(document.get("officialSourceURL").asText())
                .isEqualTo("https://intef.example.es/marco-referencia-competencia-digital-docente");
        assertThat(document.get("statusStartDate").asText()).isEqualTo("2022-05-16");
        assertThat(document.get("statusEndDate").asText()).isEqualTo("2027-12-31");
        JsonNode area = itemCoded(exported, "1");
        assertThat(area.get("abbreviatedStatement").asText()).isEqualTo("Compromiso");
        assertThat(area.get("alternativeLabel").asText()).isEqualTo("Professional engagement");
        assertThat(itemCoded(exported, "2").get("language").asText()).isEqualTo("en");
        assertThat(itemCoded(exported, "2.1.A.1").get("language").asText()).isEqualTo("ar");
        assertThat(itemCoded(exported, "1.1").get("fullStatement").asText()).endsWith("centro 🎓.");
        assertThat(exported.at("/CFDefinitions/CFItemTypes").findValuesAsText("typeCode"))
                .containsExactly("area", "competency", "achievement-indicator");
        assertThat(exported.at("/CFDefinitions/CFItemTypes").findValuesAsText("hierarchyCode"))
                .containsExactly("1", "1.1", "1.1.1");
        List<String> crosswalks = new ArrayList<>();
        for (JsonNode association : exported.get("CFAssociations")) {
            if (association.get("associationType").asText().equals("exactMatchOf")) {
                assertThat(association.at("/destinationNodeURI/title").asText()).isEqualTo("Destination");
                crosswalks.add(association.at("/destinationNodeURI/identifier").asText());
            }
        }
        assertThat(crosswalks).as("three outside nodes titled « Destination » stay three").hasSize(3)
                .doesNotHaveDuplicates();
    }

    @Test
    void itemsAreOrderedBySequenceNumberAndByListEnumerationOnlyWhereTheSequenceNumbersAreMissing() throws Exception {
        String code = importPackage(fixture("ordre"), null).get("code").asText();
        JsonNode items = json.readTree(mvc.perform(get("/api/v1/frameworks/" + code + "/items"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());

        // Under « 1 » the isChildOf sequence numbers (20, 10) win over the list enumerations (« b. », « a. »).
        assertThat(childrenInOrder(items, "1")).containsExactly("1.2", "1.1");
        // Under « 2 » there are none: « A » (an item without humanCodingScheme) comes before « B ».
        List<String> second = childrenInOrder(items, "2");
        assertThat(second).hasSize(2);
        assertThat(second.get(0)).matches("ITEM-[0-9A-F]{8}");
        assertThat(second.get(1)).isEqualTo("2.1-b-");
        assertThat(childrenInOrder(items, null)).containsExactly("1", "2");
    }

    @Test
    void anAdoptedPackageIsPublishedThroughTheAuditedPublicationByThePersonWhoImportsIt() throws Exception {
        JsonNode created = importPackage(fixture("adopte"), null);
        String code = created.get("code").asText();
        assertThat(created.get("status").asText()).isEqualTo("PUBLISHED");

        JsonNode version = json.readTree(mvc.perform(get("/api/v1/frameworks/" + code + "/versions")
                .with(httpBasic(ADMIN, PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()).get(0);
        assertThat(version.get("publishedBy").asText()).isEqualTo(ADMIN);
        assertThat(version.get("publishedAt").isNull()).isFalse();
        assertThat(version.get("validationDate").asText()).isEqualTo("2022-05-16");
        assertThat(version.get("validationNote").asText()).isEqualTo("Aprobado por la Conferencia Sectorial de Educación.");
        List<String> actions = audit.search(new AuditFilter(null, "FRAMEWORK", code, null, null), 0).entries().stream()
                .filter(entry -> code.equals(entry.getObjectId())).map(AuditEntry::getAction).toList();
        assertThat(actions).containsExactlyInAnyOrder("FRAMEWORK_IMPORTED", "FRAMEWORK_PUBLISHED");
    }

    @Test
    void aSecondImportOfAKnownDocumentIsANewDraftVersionOfTheSameReferentialThatKeepsTheIdentifiers() throws Exception {
        ObjectNode first = fixture("nouvelle-version");
        String code = importPackage(first, null).get("code").asText();
        ObjectNode second = first.deepCopy();
        ((ObjectNode) second.get("CFDocument")).put("version", "2023.1").put("title", TITLE + " nouvelle-version");
        ObjectNode changed = (ObjectNode) second.get("CFItems").get(1);
        changed.put("fullStatement", "Comunicación organizativa (revisada) 🎓");

        JsonNode created = importPackage(second, null);
        assertThat(created.get("code").asText()).isEqualTo(code);
        assertThat(created.get("version").asText()).isEqualTo("2023.1");
        assertThat(created.get("status").asText()).isEqualTo("DRAFT");
        JsonNode versions = json.readTree(mvc.perform(get("/api/v1/frameworks/" + code + "/versions")
                .with(httpBasic(ADMIN, PASSWORD))).andReturn().getResponse().getContentAsByteArray());
        assertThat(versions.findValuesAsText("version")).containsExactly("2023.1", "2022.1");

        JsonNode draft = export(code, "2023.1");
        assertThat(draft.at("/CFDocument/identifier")).isEqualTo(first.at("/CFDocument/identifier"));
        assertThat(draft.at("/CFDocument/adoptionStatus").asText()).isEqualTo("Draft");
        JsonNode revised = byIdentifier(draft.get("CFItems")).get(changed.get("identifier").asText());
        assertThat(revised.get("fullStatement").asText()).isEqualTo("Comunicación organizativa (revisada) 🎓");
        assertThat(revised.get("abbreviatedStatement").asText()).isEqualTo("Comunicación organizativa");
        assertThat(byIdentifier(draft.get("CFItems")).keySet())
                .isEqualTo(byIdentifier(first.get("CFItems")).keySet());

        // While that draft is open, a third import is refused in French and changes nothing.
        long nodes = caseNodes();
        ((ObjectNode) second.get("CFDocument")).put("version", "2024.1");
        post(second, null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("déjà une version brouillon « 2023.1 »")));
        assertThat(caseNodes()).isEqualTo(nodes);
    }

    @Test
    void theSameVersionImportedAgainGetsTheNextFreeVersionLabel() throws Exception {
        ObjectNode pkg = fixture("meme-version");
        String code = importPackage(pkg, null).get("code").asText();
        JsonNode again = importPackage(pkg, null);
        assertThat(again.get("code").asText()).isEqualTo(code);
        assertThat(again.get("version").asText()).isEqualTo("2022.1-2");
    }

    @Test
    void aCopyUnderAnotherCodeKeepsTheFieldsButGetsIdentifiersOfItsOwn() throws Exception {
        ObjectNode pkg = fixture("copie");
        importPackage(pkg, null);
        String copy = "COPIE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        importPackage(pkg, copy);

        JsonNode exported = export(copy, null);
        assertThat(exported.at("/CFDocument/identifier")).isNotEqualTo(pkg.at("/CFDocument/identifier"));
        assertThat(exported.at("/CFDocument/language").asText()).isEqualTo("es");
        assertThat(byIdentifier(exported.get("CFItems")).keySet())
                .doesNotContainAnyElementsOf(byIdentifier(pkg.get("CFItems")).keySet());
        assertThat(itemCoded(exported, "1").get("abbreviatedStatement").asText()).isEqualTo("Compromiso");
        assertThat(schemaViolations(exported)).isEmpty();
    }

    @Test
    void ourOwnExportReimportedUnderAnotherCodeKeepsDerivingItsIdentifiers() throws Exception {
        JsonNode seed = export("CQP-CONSEILLER-COMMERCIAL", null);
        String copy = "COPIE-CQP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long nodes = caseNodes();
        importPackage((ObjectNode) seed, copy);
        assertThat(caseNodes()).as("Referentia's own nodes are derived again, not stored").isEqualTo(nodes);
        JsonNode exported = export(copy, null);
        assertThat(exported.at("/CFItems/0/identifier").asText())
                .isEqualTo(CasePackage.itemId(copy, seed.at("/CFDocument/version").asText(),
                        seed.at("/CFItems/0/humanCodingScheme").asText()).toString());
    }

    @Test
    void aDraftOpenedByHandFromAnImportedVersionExportsTheSameIdentifiersTypesAndLanguages() throws Exception {
        ObjectNode pkg = fixture("brouillon");
        String code = importPackage(pkg, null).get("code").asText();
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/frameworks/" + code + "/versions")
                        .with(httpBasic(ADMIN, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": \"2026-01\"}"))
                .andExpect(status().isCreated());

        JsonNode draft = export(code, "2026-01");
        assertThat(schemaViolations(draft)).isEmpty();
        assertThat(draft.at("/CFDocument/identifier")).isEqualTo(pkg.at("/CFDocument/identifier"));
        assertThat(draft.at("/CFDocument/adoptionStatus").asText()).isEqualTo("Draft");
        Map<String, JsonNode> items = byIdentifier(draft.get("CFItems"));
        assertThat(items.keySet()).isEqualTo(byIdentifier(pkg.get("CFItems")).keySet());
        for (JsonNode item : pkg.get("CFItems")) {
            JsonNode exported = items.get(item.get("identifier").asText());
            assertThat(exported.get("CFItemType")).isEqualTo(item.get("CFItemType"));
            assertThat(exported.get("CFItemTypeURI")).isEqualTo(item.get("CFItemTypeURI"));
            assertThat(exported.get("language")).isEqualTo(item.get("language"));
            assertThat(exported.get("listEnumeration")).isEqualTo(item.get("listEnumeration"));
        }
    }

    @Test
    void anImportJobKeepsThePackageWholeAndPublishesAnAdoptedOneInTheNameOfItsOwner() throws Exception {
        ObjectNode pkg = fixture("travail");
        UUID id = importJobs.submitJson(ADMIN, bytes(pkg), "case", new FrameworkImport.Metadata(null, null, null, null));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        JobView job = importJobs.job(id, ADMIN);
        while (!job.ended() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            job = importJobs.job(id, ADMIN);
        }
        assertThat(job.state()).as(job.error()).isEqualTo(JobState.DONE);
        String code = job.resultUrl().split("/")[2];

        JsonNode exported = export(code, null);
        assertThat(exported.at("/CFDocument/identifier")).isEqualTo(pkg.at("/CFDocument/identifier"));
        assertThat(byIdentifier(exported.get("CFAssociations")).keySet())
                .isEqualTo(byIdentifier(pkg.get("CFAssociations")).keySet());
        JsonNode version = json.readTree(mvc.perform(get("/api/v1/frameworks/" + code + "/versions")
                .with(httpBasic(ADMIN, PASSWORD))).andReturn().getResponse().getContentAsByteArray()).get(0);
        assertThat(version.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(version.get("publishedBy").asText()).isEqualTo(ADMIN);
    }

    @Test
    void aLinkFromOneOfOurReferentialsToAnImportedItemNamesTheIdentifierThatItemKeeps() throws Exception {
        ObjectNode pkg = fixture("cible");
        String target = importPackage(pkg, null).get("code").asText();
        String code = "LIEN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ObjectNode file = json.valueToTree(AuthoringFixtures.small(code));
        ((ArrayNode) file.get("associations")).addObject().put("type", "VALIDATES").put("originCode", "C1")
                .put("destinationFramework", target).put("destinationCode", "1.1").putNull("destinationLabel");
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/frameworks/import").with(httpBasic(ADMIN, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(bytes(file))).andExpect(status().isCreated());

        JsonNode link = StreamSupport.stream(export(code, null).get("CFAssociations").spliterator(), false)
                .filter(a -> target.equals(a.at("/extensions/referentia/destinationFramework").asText(null)))
                .findFirst().orElseThrow();
        JsonNode item = itemCoded(pkg, "1.1");
        assertThat(link.at("/destinationNodeURI/identifier")).isEqualTo(item.get("identifier"));
        assertThat(link.at("/destinationNodeURI/uri")).isEqualTo(item.get("uri"));
    }

    // ---------------------------------------------------------------- bad packages change nothing

    @Test
    void malformedJsonIsRefusedInFrenchAndChangesNothing() throws Exception {
        refused("{\"CFDocument\": {\"identifier\": ".getBytes(StandardCharsets.UTF_8), "JSON illisible");
    }

    @Test
    void anItemOrAnAssociationEndWithoutIdentifierIsRefusedInFrenchAndChangesNothing() throws Exception {
        ObjectNode pkg = fixture("sans-identifiant");
        ((ObjectNode) pkg.get("CFItems").get(2)).remove("identifier");
        ((ObjectNode) pkg.get("CFAssociations").get(3).get("destinationNodeURI")).remove("identifier");
        refused(bytes(pkg), "identifier")
                .andExpect(jsonPath("$.errors", hasItem(containsString("/CFItems/2"))))
                .andExpect(jsonPath("$.errors", hasItem(containsString("/CFAssociations/3/destinationNodeURI"))));
    }

    @Test
    void aCycleOfIsChildOfIsRefusedInFrenchAndChangesNothing() throws Exception {
        ObjectNode pkg = fixture("cycle");
        ArrayNode associations = (ArrayNode) pkg.get("CFAssociations");
        String c11 = pkg.at("/CFItems/1/identifier").asText();
        String c12 = pkg.at("/CFItems/2/identifier").asText();
        associations.add(childOf(associations.get(2), c11, c12));
        associations.add(childOf(associations.get(2), c12, c11));
        refused(bytes(pkg), "Cycle dans les associations isChildOf");
    }

    @Test
    void anIsChildOfToANodeOutsideThePackageIsRefusedNamingItsTitle() throws Exception {
        ObjectNode pkg = fixture("parent-absent");
        ObjectNode link = (ObjectNode) pkg.get("CFAssociations").get(2).get("destinationNodeURI");
        link.put("identifier", UUID.randomUUID().toString()).put("title", "Parent d'un autre cadre");
        refused(bytes(pkg), "le parent « Parent d'un autre cadre »")
                .andExpect(jsonPath("$.errors", everyItem(not(containsString("n'a pas de titre")))));
    }

    @Test
    void anOversizedPackageIsRefusedInFrenchAndChangesNothing() throws Exception {
        byte[] huge = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        byte[] pkg = bytes(fixture("trop-gros"));
        System.arraycopy(pkg, 0, huge, 0, pkg.length);
        refused(huge, "taille maximale");
    }

    // ---------------------------------------------------------------- helpers

    /** The fixture with identifiers and title of its own, so that tests do not meet each other's imports. */
    private ObjectNode fixture(String salt) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("casenetwork-package.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher uuids = UUID_TEXT.matcher(text);
        Map<String, String> renamed = new HashMap<>();
        StringBuilder out = new StringBuilder();
        while (uuids.find()) {
            uuids.appendReplacement(out, renamed.computeIfAbsent(uuids.group(), id ->
                    UUID.nameUUIDFromBytes((salt + "/" + id + "/" + System.nanoTime()).getBytes(StandardCharsets.UTF_8))
                            .toString()));
        }
        uuids.appendTail(out);
        return (ObjectNode) json.readTree(out.toString().replace(TITLE, TITLE + " " + salt));
    }

    private JsonNode importPackage(ObjectNode pkg, String code) throws Exception {
        return json.readTree(post(pkg, code).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsByteArray());
    }

    private ResultActions post(ObjectNode pkg, String code) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/api/v1/frameworks/import")
                .with(httpBasic(ADMIN, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(bytes(pkg));
        if (code != null) {
            request.param("code", code);
        }
        return mvc.perform(request);
    }

    private ResultActions refused(byte[] body, String expected) throws Exception {
        long frameworks = jdbc.queryForObject("SELECT COUNT(*) FROM framework", Long.class);
        long nodes = caseNodes();
        ResultActions result = mvc.perform(MockMvcRequestBuilders.post("/api/v1/frameworks/import")
                        .with(httpBasic(ADMIN, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").isString())
                .andExpect(result1 -> assertThat(result1.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .contains(expected));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM framework", Long.class)).isEqualTo(frameworks);
        assertThat(caseNodes()).isEqualTo(nodes);
        return result;
    }

    private long caseNodes() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_node", Long.class);
    }

    private JsonNode export(String code, String version) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/frameworks/" + code + "/export").param("format", "case")
                .with(httpBasic(ADMIN, PASSWORD));
        if (version != null) {
            request.param("version", version);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray());
    }

    private List<String> schemaViolations(JsonNode pkg) throws IOException {
        try (InputStream schema = getClass().getResourceAsStream("/standards/case-v1p0-cfpackage-schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(pkg).stream()
                    .map(Object::toString).toList();
        }
    }

    private ObjectNode childOf(JsonNode model, String origin, String destination) {
        ObjectNode association = model.deepCopy();
        String id = UUID.randomUUID().toString();
        association.put("identifier", id).put("uri", "https://casenetwork.example.org/uri/" + id);
        association.remove("sequenceNumber");
        ((ObjectNode) association.get("originNodeURI")).put("identifier", origin);
        ((ObjectNode) association.get("destinationNodeURI")).put("identifier", destination);
        return association;
    }

    private static JsonNode withoutOurExtension(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        if (copy.path("extensions").isObject()) {
            ((ObjectNode) copy.get("extensions")).remove(CasePackage.EXTENSION);
            if (copy.get("extensions").isEmpty()) {
                copy.remove("extensions");
            }
        }
        return copy;
    }

    private static Map<String, JsonNode> byIdentifier(JsonNode nodes) {
        Map<String, JsonNode> byId = new HashMap<>();
        nodes.forEach(node -> byId.put(node.get("identifier").asText(), node));
        return byId;
    }

    private static JsonNode itemCoded(JsonNode pkg, String humanCode) {
        return StreamSupport.stream(pkg.get("CFItems").spliterator(), false)
                .filter(item -> humanCode.equals(item.path("humanCodingScheme").asText(null))).findFirst().orElseThrow();
    }

    private static List<String> childrenInOrder(JsonNode items, String parentCode) {
        return StreamSupport.stream(items.spliterator(), false)
                .filter(item -> java.util.Objects.equals(parentCode, item.path("parentCode").asText(null)))
                .sorted(java.util.Comparator.comparingInt(item -> item.get("position").asInt()))
                .map(item -> item.get("code").asText()).toList();
    }

    private byte[] bytes(JsonNode node) throws IOException {
        return json.writeValueAsBytes(node);
    }
}
