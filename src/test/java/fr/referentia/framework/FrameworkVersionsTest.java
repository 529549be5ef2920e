package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.referentia.IntegrationTest;
import fr.referentia.account.AuditEntry;
import fr.referentia.account.AuditFilter;
import fr.referentia.account.AuditTrail;
import fr.referentia.framework.authoring.DraftAuthoring;
import fr.referentia.framework.authoring.DraftAuthoring.Actor;
import fr.referentia.framework.authoring.DraftEdits.ItemChange;
import fr.referentia.search.FrameworkSearch;
import fr.referentia.search.SearchQuery;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Versions of a referential, on a copy of the seed 002 under a fresh code (the seeds themselves stay
 * as other tests expect them): draft, change, publication, diff, old versions by URL, search.
 */
@IntegrationTest
class FrameworkVersionsTest {

    static final String ADMIN = FrameworkApiTest.ADMIN;
    static final String PASSWORD = FrameworkApiTest.PASSWORD;
    static final String SEED_VERSION = "2024-10";
    static final String C1 = "Accueillir les différents publics, de façon multimodale en mobilisant";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    FrameworkImporter importer;

    @Autowired
    FrameworkVersions versions;

    @Autowired
    DraftAuthoring authoring;

    static final Actor EDITOR = new Actor(ADMIN, ADMIN);

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    FrameworkSearch search;

    @Autowired
    AuditTrail audit;

    @Autowired
    UserDetailsService users;

    String code;

    @BeforeEach
    void importACopyOfTheSeed() throws Exception {
        code = SeedCopies.importCopy(json, importer, "002-CQP-GESTIONNAIRE-DISPOSITIFS.json", "VERSIONS");
    }

    @Test
    void aDraftIsChangedPublishedAndComparedWordByWordWhileTheOldVersionStaysReadable() throws Exception {
        mvc.perform(asAdmin(post("/api/v1/frameworks/" + code + "/versions"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": \"2026-01\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("DRAFT")))
                .andExpect(jsonPath("$.validationDate", nullValue()));
        // A deep copy: items, exams with their parts and items, associations.
        mvc.perform(asAdmin(get("/api/v1/frameworks/" + code + "/versions/2026-01")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version", is("2026-01")))
                .andExpect(jsonPath("$.counts.COMPETENCY", is(21)))
                .andExpect(jsonPath("$.counts.CRITERION", is(96)))
                .andExpect(jsonPath("$.exams[0].parts[0].label", is("Préparation")))
                .andExpect(jsonPath("$.exams[0].itemCodes", hasSize(
                        catalog.outline(code).exams().get(0).itemCodes().size())));
        // One open draft per referential.
        mvc.perform(asAdmin(post("/api/v1/frameworks/" + code + "/versions"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": \"2026-02\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("brouillon")));

        String newText = catalog.item(code, "C1").item().text().replace("multimodale", "zorglubienne");
        authoring.editItem(code, "2026-01", EDITOR, "C1", new ItemChange(newText, null, null));
        authoring.editItem(code, "2026-01", EDITOR, "C2", new ItemChange("<script>alert('x')</script> Informer", null, null));
        assertThatThrownBy(() -> authoring.editItem(code, SEED_VERSION, EDITOR, "C1", new ItemChange("Autre texte", null, null)))
                .isInstanceOf(FrameworkVersionFrozenException.class);
        assertThat(catalog.item(code, "C1").item().text()).startsWith(C1);

        // The draft is for administrators only; the current version is still the published one.
        mvc.perform(get("/api/v1/frameworks/" + code + "/versions/2026-01")).andExpect(status().isNotFound());
        mvc.perform(get("/referentiels/" + code + "/versions/2026-01")).andExpect(status().isNotFound());
        mvc.perform(get("/referentiels/" + code + "/versions/2026-01/elements/C1")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/frameworks/" + code + "/versions")).andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(asAdmin(get("/api/v1/frameworks/" + code + "/versions"))).andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get("/api/v1/frameworks/" + code)).andExpect(jsonPath("$.version", is(SEED_VERSION)));
        assertThat(search("zorglubienne", null).total()).isZero();
        assertThat(search("zorglubienne", "2026-01").total()).isZero();

        // Publishing: wrong input changes nothing, then the draft is frozen and current.
        mvc.perform(asAdmin(post("/api/v1/frameworks/" + code + "/versions/2026-01/publication"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"validationNote\": \"Validé\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("date de validation")));
        // Found by ApiUnderRandomInputTest: PostgreSQL refused this date and the API answered 500.
        mvc.perform(asAdmin(post("/api/v1/frameworks/" + code + "/versions/2026-01/publication"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"validationDate\": \"-999999999-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("antérieure à 1900")));
        mvc.perform(get("/api/v1/frameworks/" + code)).andExpect(jsonPath("$.version", is(SEED_VERSION)));
        mvc.perform(post("/api/v1/frameworks/" + code + "/versions/2026-01/publication")
                        .with(httpBasic("observer@demo.referentia.fr", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"validationDate\": \"2026-01-15\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(asAdmin(post("/api/v1/frameworks/" + code + "/versions/2026-01/publication"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validationDate\": \"2026-01-15\", \"validationNote\": \"Validé en CPNEF du 15-01-2026\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("PUBLISHED")))
                .andExpect(jsonPath("$.publishedBy", is(ADMIN)));
        mvc.perform(asAdmin(post("/api/v1/frameworks/" + code + "/versions/2026-01/publication"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"validationDate\": \"2026-01-16\"}"))
                .andExpect(status().isConflict());
        assertThatThrownBy(() -> authoring.editItem(code, "2026-01", EDITOR, "C1", new ItemChange("Autre texte", null, null)))
                .isInstanceOf(FrameworkVersionFrozenException.class);

        mvc.perform(get("/api/v1/frameworks/" + code))
                .andExpect(jsonPath("$.version", is("2026-01")))
                .andExpect(jsonPath("$.validationDate", is("2026-01-15")))
                .andExpect(jsonPath("$.validationNote", is("Validé en CPNEF du 15-01-2026")));
        mvc.perform(get("/api/v1/frameworks/" + code + "/versions"))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].version", is("2026-01")))
                .andExpect(jsonPath("$[0].status", is("PUBLISHED")))
                .andExpect(jsonPath("$[0].publishedBy", is(ADMIN)))
                .andExpect(jsonPath("$[0].publishedAt", notNullValue()))
                .andExpect(jsonPath("$[0].current", is(true)))
                .andExpect(jsonPath("$[1].version", is(SEED_VERSION)))
                .andExpect(jsonPath("$[1].validationDate", is("2024-10-02")))
                .andExpect(jsonPath("$[1].current", is(false)));

        // The earlier version stays readable and citable by URL.
        mvc.perform(get("/api/v1/frameworks/" + code + "/versions/" + SEED_VERSION))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version", is(SEED_VERSION)));
        mvc.perform(get("/referentiels/" + code + "/versions/" + SEED_VERSION + "/elements/C1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("de façon multimodale")))
                .andExpect(content().string(not(containsString("zorglubienne"))));
        mvc.perform(get("/referentiels/" + code + "/elements/C1"))
                .andExpect(content().string(containsString("de façon zorglubienne")));

        // The diff, as data and as a page, word by word and escaped.
        mvc.perform(get("/api/v1/frameworks/" + code + "/versions/2026-01/diff").param("with", SEED_VERSION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added", hasSize(0)))
                .andExpect(jsonPath("$.removed", hasSize(0)))
                .andExpect(jsonPath("$.moved", hasSize(0)))
                .andExpect(jsonPath("$.changed", hasSize(2)))
                .andExpect(jsonPath("$.changed[0].code", is("C1")))
                .andExpect(jsonPath("$.changed[0].after", is(newText)))
                .andExpect(jsonPath("$.changed[0].words[1].op", is("DELETE")))
                .andExpect(jsonPath("$.changed[0].words[1].text", is("multimodale")))
                .andExpect(jsonPath("$.changed[0].words[2].op", is("INSERT")))
                .andExpect(jsonPath("$.changed[0].words[2].text", is("zorglubienne")));
        mvc.perform(get("/referentiels/" + code + "/versions/2026-01/diff").param("avec", SEED_VERSION))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<del>multimodale</del><ins>zorglubienne</ins>")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))));

        // Search: the current version by default, an earlier published one when asked.
        assertThat(search("zorglubienne", null).hits()).extracting(h -> h.frameworkCode() + "/" + h.itemCode())
                .containsExactly(code + "/C1");
        assertThat(search("multimodale", null).hits()).noneMatch(h -> h.frameworkCode().equals(code));
        assertThat(search("multimodale", SEED_VERSION).hits()).extracting(h -> h.itemCode()).contains("C1");
        // Items were re-indexed with their version's new status: the published version is searchable by name.
        assertThat(search("zorglubienne", "2026-01").hits()).extracting(h -> h.itemCode()).containsExactly("C1");

        List<AuditEntry> entries = audit.search(new AuditFilter(null, "FRAMEWORK", code, null, null), 0).entries();
        AuditEntry publication = entries.stream().filter(e -> e.getAction().equals("FRAMEWORK_PUBLISHED"))
                .findFirst().orElseThrow();
        assertThat(publication.getActorEmail()).isEqualTo(ADMIN);
        assertThat(json.readTree(publication.getBeforeJson()).get("status").asText()).isEqualTo("DRAFT");
        assertThat(json.readTree(publication.getAfterJson()).get("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void theImporterCannotOverwriteAPublishedVersion() throws Exception {
        try (InputStream in = new ClassPathResource("seeds/002-CQP-GESTIONNAIRE-DISPOSITIFS.json").getInputStream()) {
            ObjectNode file = (ObjectNode) json.readTree(in);
            ((ObjectNode) file.get("framework")).put("code", code).put("title", "Titre remplacé");
            file.withArray("items").forEach(item -> ((ObjectNode) item).put("text", "Texte remplacé"));
            CanonicalFramework replacement = json.treeToValue(file, CanonicalFramework.class);
            assertThatThrownBy(() -> importer.importFramework(replacement))
                    .isInstanceOf(FrameworkAlreadyExistsException.class);
        }
        assertThat(catalog.summary(code).title()).isNotEqualTo("Titre remplacé");
        assertThat(catalog.item(code, "C1").item().text()).startsWith(C1);
        assertThat(catalog.versions(code, true)).hasSize(1);
    }

    @Test
    void theReferentialPageOffersAdministratorsANewVersionAndRefusesOthers() throws Exception {
        mvc.perform(get("/referentiels/" + code).with(user(users.loadUserByUsername(ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Créer une version brouillon")));
        mvc.perform(get("/referentiels/" + code))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Créer une version brouillon"))));
        mvc.perform(post("/referentiels/" + code + "/versions").param("version", "2026-03").with(csrf())
                        .with(user(users.loadUserByUsername("org-hr@demo.referentia.fr"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/referentiels/" + code + "/versions").param("version", "mauvais libellé").with(csrf())
                        .with(user(users.loadUserByUsername(ADMIN))))
                .andExpect(status().isBadRequest());
        assertThat(catalog.versions(code, true)).hasSize(1);

        mvc.perform(post("/referentiels/" + code + "/versions").param("version", "2026-03").with(csrf())
                        .with(user(users.loadUserByUsername(ADMIN))))
                .andExpect(redirectedUrl("/referentiels/" + code + "/versions/2026-03"));
        mvc.perform(get("/referentiels/" + code + "/versions/2026-03").with(user(users.loadUserByUsername(ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Publier cette version")))
                .andExpect(content().string(not(containsString("Créer une version brouillon"))));
        mvc.perform(post("/referentiels/" + code + "/versions/2026-03/publication").with(csrf())
                        .param("validationDate", LocalDate.of(2026, 3, 1).toString())
                        .param("validationNote", "Validé en CPNEF du 1-03-2026")
                        .with(user(users.loadUserByUsername(ADMIN))))
                .andExpect(redirectedUrl("/referentiels/" + code + "/versions/2026-03"));
        assertThat(catalog.summary(code).version()).isEqualTo("2026-03");
    }

    private fr.referentia.search.SearchResults search(String words, String version) {
        return search.search(new SearchQuery(words, version == null ? null : code, version, null, 0, 50));
    }

    private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(ADMIN, PASSWORD));
    }
}
