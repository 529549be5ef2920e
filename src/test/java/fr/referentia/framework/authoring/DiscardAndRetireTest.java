package fr.referentia.framework.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import fr.referentia.account.AuditEntry;
import fr.referentia.account.AuditFilter;
import fr.referentia.account.AuditTrail;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkImporter;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.FrameworkViews.VersionRow;
import fr.referentia.framework.authoring.DraftAuthoring.Actor;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 9, part 6: a branch administrator discards a draft and retires a published referential, on a
 * page that asks them to type the referential's code, or through the API. Another role is refused, a
 * missing or wrong confirmation is refused, and a refusal changes nothing; both actions are audited.
 */
@IntegrationTest
class DiscardAndRetireTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String PASSWORD = "referentia-demo";
    static final String DRAFT = "2026-01";

    @Autowired
    MockMvc mvc;

    @Autowired
    FrameworkImporter importer;

    @Autowired
    FrameworkVersions versions;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    DraftAuthoring authoring;

    @Autowired
    AuditTrail audit;

    @Autowired
    UserDetailsService users;

    @Autowired
    ObjectMapper json;

    String code;

    @BeforeEach
    void aPublishedReferentialWithADraft() {
        code = "RETRAIT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        importer.importFramework(AuthoringFixtures.small(code));
        versions.createDraft(code, DRAFT);
    }

    MockHttpServletRequestBuilder as(String email, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(email))).with(csrf());
    }

    List<String> versionLabels() {
        return catalog.versions(code, true).stream().map(VersionRow::version).toList();
    }

    List<AuditEntry> entries(String action) {
        return audit.search(new AuditFilter(null, "FRAMEWORK", code, null, null), 0).entries().stream()
                .filter(entry -> code.equals(entry.getObjectId()) && action.equals(entry.getAction())).toList();
    }

    // ------------------------------------------------------------------ discarding a draft

    @Test
    void theDiscardPageSaysWhatGoesAndAsksForTheCode() throws Exception {
        mvc.perform(as(ADMIN, get("/referentiels/" + code + "/versions/" + DRAFT + "/abandon")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Abandonner ce brouillon ?")))
                .andExpect(content().string(containsString("Pour confirmer, saisissez le code du référentiel")));
        // The draft's page leads to it.
        mvc.perform(as(ADMIN, get("/referentiels/" + code + "/versions/" + DRAFT)))
                .andExpect(content().string(containsString("/referentiels/" + code + "/versions/" + DRAFT + "/abandon")));
    }

    @Test
    void anotherRoleMayNeitherSeeNorDiscardADraft() throws Exception {
        for (String other : List.of("certification-office@demo.referentia.fr", "org-hr@demo.referentia.fr",
                "observer@demo.referentia.fr")) {
            mvc.perform(as(other, get("/referentiels/" + code + "/versions/" + DRAFT + "/abandon")))
                    .andExpect(status().isForbidden());
            mvc.perform(as(other, post("/referentiels/" + code + "/versions/" + DRAFT + "/abandon")
                    .param("confirmation", code))).andExpect(status().isForbidden());
            mvc.perform(delete("/api/v1/frameworks/" + code + "/versions/" + DRAFT).param("confirmation", code)
                    .with(httpBasic(other, PASSWORD))).andExpect(status().isForbidden());
        }
        assertThat(versionLabels()).containsExactly(DRAFT, AuthoringFixtures.PUBLISHED);
        assertThat(entries("FRAMEWORK_DRAFT_DISCARDED")).isEmpty();
    }

    @Test
    void aDraftIsDiscardedOnlyWithItsCodeTypedAgain() throws Exception {
        String page = "/referentiels/" + code + "/versions/" + DRAFT + "/abandon";
        mvc.perform(as(ADMIN, post(page))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Pour confirmer, saisissez exactement le code du référentiel")));
        mvc.perform(as(ADMIN, post(page).param("confirmation", code.toLowerCase()))).andExpect(status().isBadRequest());
        mvc.perform(delete("/api/v1/frameworks/" + code + "/versions/" + DRAFT).with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("saisissez exactement le code")));
        assertThat(versionLabels()).containsExactly(DRAFT, AuthoringFixtures.PUBLISHED);
        assertThat(entries("FRAMEWORK_DRAFT_DISCARDED")).isEmpty();

        mvc.perform(as(ADMIN, post(page).param("confirmation", " " + code + " ")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));

        assertThat(versionLabels()).containsExactly(AuthoringFixtures.PUBLISHED);
        mvc.perform(as(ADMIN, get("/referentiels/" + code + "/versions/" + DRAFT))).andExpect(status().isNotFound());
        AuditEntry entry = entries("FRAMEWORK_DRAFT_DISCARDED").get(0);
        assertThat(entry.getActorEmail()).isEqualTo(ADMIN);
        JsonNode before = json.readTree(entry.getBeforeJson());
        assertThat(before.get("version").asText()).isEqualTo(DRAFT);
        assertThat(before.get("items").asInt()).isEqualTo(9);
        assertThat(entry.getAfterJson()).isNull();
        // The published version is untouched, and a new draft may be opened again.
        assertThat(catalog.outline(code).summary().counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(9);
        versions.createDraft(code, DRAFT);
    }

    @Test
    void theApiDiscardsADraftWithItsConfirmation() throws Exception {
        mvc.perform(delete("/api/v1/frameworks/" + code + "/versions/" + DRAFT).param("confirmation", code)
                        .with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isNoContent());
        assertThat(versionLabels()).containsExactly(AuthoringFixtures.PUBLISHED);
        assertThat(entries("FRAMEWORK_DRAFT_DISCARDED")).hasSize(1);
    }

    @Test
    void aPublishedVersionIsNeverDiscarded() throws Exception {
        mvc.perform(delete("/api/v1/frameworks/" + code + "/versions/" + AuthoringFixtures.PUBLISHED)
                        .param("confirmation", code).with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("Seule une version brouillon peut être abandonnée")));
        mvc.perform(as(ADMIN, get("/referentiels/" + code + "/versions/" + AuthoringFixtures.PUBLISHED + "/abandon")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Seule une version brouillon peut être abandonnée")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"confirmation\""))));
        assertThat(versionLabels()).containsExactly(DRAFT, AuthoringFixtures.PUBLISHED);
        assertThat(entries("FRAMEWORK_DRAFT_DISCARDED")).isEmpty();
    }

    @Test
    void aDraftSomeoneElseIsEditingIsNotDiscardedUnderThem() throws Exception {
        authoring.renew(code, DRAFT, new Actor("autre@demo.referentia.fr", "Camille Autre"));
        mvc.perform(as(ADMIN, post("/referentiels/" + code + "/versions/" + DRAFT + "/abandon")
                        .param("confirmation", code)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("en cours de modification par Camille Autre")));
        assertThat(versionLabels()).containsExactly(DRAFT, AuthoringFixtures.PUBLISHED);
        assertThat(entries("FRAMEWORK_DRAFT_DISCARDED")).isEmpty();
    }

    // ------------------------------------------------------------------ retiring a referential

    @Test
    void anotherRoleMayNotRetireAReferential() throws Exception {
        for (String other : List.of("certification-office@demo.referentia.fr", "org-hr@demo.referentia.fr",
                "observer@demo.referentia.fr")) {
            mvc.perform(as(other, get("/referentiels/" + code + "/retrait"))).andExpect(status().isForbidden());
            mvc.perform(as(other, post("/referentiels/" + code + "/retrait").param("confirmation", code)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/frameworks/" + code + "/retirement").with(httpBasic(other, PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"confirmation\": \"" + code + "\"}"))
                    .andExpect(status().isForbidden());
        }
        assertThat(catalog.currentVersionLabels()).containsKey(code);
        assertThat(entries("FRAMEWORK_RETIRED")).isEmpty();
    }

    @Test
    void aReferentialIsRetiredOnlyWithItsCodeTypedAgain() throws Exception {
        mvc.perform(as(ADMIN, post("/referentiels/" + code + "/retrait").param("confirmation", "AUTRE")
                        .param("reason", "Remplacé")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("saisissez exactement le code du référentiel")))
                .andExpect(content().string(containsString(">Remplacé</textarea>")));
        mvc.perform(post("/api/v1/frameworks/" + code + "/retirement").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        assertThat(catalog.currentVersionLabels()).containsKey(code);
        assertThat(entries("FRAMEWORK_RETIRED")).isEmpty();
    }

    @Test
    void aRetiredReferentialLeavesTheListAndSearchButStaysReadableAtItsAddress() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "poterie").param("framework", code))
                .andExpect(jsonPath("$.total", org.hamcrest.Matchers.greaterThan(0)));
        mvc.perform(as(ADMIN, get("/referentiels/" + code + "/retrait")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Retirer ce référentiel ?")));

        mvc.perform(as(ADMIN, post("/referentiels/" + code + "/retrait").param("confirmation", code)
                        .param("reason", "Remplacé par le CQP de céramiste")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/referentiels/" + code + "/versions/" + AuthoringFixtures.PUBLISHED));

        assertThat(catalog.currentVersionLabels()).doesNotContainKey(code);
        mvc.perform(get("/")).andExpect(content().string(org.hamcrest.Matchers.not(containsString(code))));
        mvc.perform(get("/api/v1/frameworks")).andExpect(content().string(org.hamcrest.Matchers.not(containsString(code))));
        mvc.perform(get("/api/v1/search").param("q", "poterie").param("framework", code))
                .andExpect(jsonPath("$.total", is(0)));
        // Still citable: the version's page, its API, and the referential's own address.
        mvc.perform(get("/referentiels/" + code + "/versions/" + AuthoringFixtures.PUBLISHED))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ce référentiel est retiré")))
                .andExpect(content().string(containsString("Tourner une pièce de poterie")));
        mvc.perform(get("/referentiels/" + code)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/frameworks/" + code + "/versions/" + AuthoringFixtures.PUBLISHED))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("RETIRED")));
        // The draft in progress is left as it was.
        assertThat(catalog.versions(code, true)).extracting(VersionRow::status)
                .containsExactly(FrameworkStatus.DRAFT, FrameworkStatus.RETIRED);

        AuditEntry entry = entries("FRAMEWORK_RETIRED").get(0);
        assertThat(entry.getActorEmail()).isEqualTo(ADMIN);
        assertThat(json.readTree(entry.getBeforeJson()).at("/versions/0/status").asText()).isEqualTo("PUBLISHED");
        JsonNode after = json.readTree(entry.getAfterJson());
        assertThat(after.at("/versions/0/status").asText()).isEqualTo("RETIRED");
        assertThat(after.get("reason").asText()).isEqualTo("Remplacé par le CQP de céramiste");

        // Not twice.
        mvc.perform(post("/api/v1/frameworks/" + code + "/retirement").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"confirmation\": \"" + code + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", is("Le référentiel « " + code + " » est déjà retiré.")));
        assertThat(entries("FRAMEWORK_RETIRED")).hasSize(1);
    }

    @Test
    void theApiRetiresAReferentialAndAnUnpublishedOneIsRefused() throws Exception {
        mvc.perform(post("/api/v1/frameworks/" + code + "/retirement").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"confirmation\": \"" + code + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version", is(AuthoringFixtures.PUBLISHED)))
                .andExpect(jsonPath("$[0].status", is("RETIRED")));

        String fresh = "NEUF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        versions.createFramework(fresh, "Jamais publié", fr.referentia.framework.FrameworkKind.CQP, "1");
        mvc.perform(post("/api/v1/frameworks/" + fresh + "/retirement").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"confirmation\": \"" + fresh + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("n'a aucune version publiée")));
        assertThat(catalog.versions(fresh, true)).extracting(VersionRow::status).containsExactly(FrameworkStatus.DRAFT);
    }
}
