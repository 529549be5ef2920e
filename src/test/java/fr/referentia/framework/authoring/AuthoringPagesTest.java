package fr.referentia.framework.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.FrameworkExporter;
import fr.referentia.framework.FrameworkImporter;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.authoring.DraftAuthoring.Actor;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The editor page and its forms, without JavaScript: plain POSTs with the CSRF token, redirected back. */
@IntegrationTest
class AuthoringPagesTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";

    @Autowired
    MockMvc mvc;

    @Autowired
    FrameworkImporter importer;

    @Autowired
    FrameworkVersions versions;

    @Autowired
    FrameworkExporter exporter;

    @Autowired
    DraftAuthoring authoring;

    @Autowired
    UserDetailsService users;

    String code;
    String editor;

    @BeforeEach
    void openADraftOfACopyOfSeed004() throws Exception {
        code = "PAGES-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        importer.importFramework(AuthoringFixtures.small(code));
        versions.createDraft(code, "2026-01");
        editor = "/referentiels/" + code + "/versions/2026-01/edition";
    }

    MockHttpServletRequestBuilder as(String email, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(email))).with(csrf());
    }

    CanonicalFramework draft() {
        return exporter.toCanonical(code, "2026-01", true);
    }

    @Test
    void withoutScriptEachItemKeepsItsSaveButtonAndOpeningTheEditorLocksNoOneOut() throws Exception {
        String page = mvc.perform(as(ADMIN, get(editor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"save-item\">Enregistrer C1</button>")
                .contains("Ouvrir cette page ne réserve pas le brouillon")
                .doesNotContain("Annuler : null", "(R7)", "(R14)", ">validates<", "exactMatchOf");
        // Someone else opened it first and changed nothing: the administrator still edits, through the form.
        mvc.perform(as("observer@demo.referentia.fr", get(editor))).andExpect(status().isForbidden());
        authoring.open(code, "2026-01", new Actor("autre@demo.referentia.fr", "Camille Autre"));
        mvc.perform(as(ADMIN, post(editor + "/elements/C1").param("text", "Tourner un bol")))
                .andExpect(status().is3xxRedirection());
        assertThat(DraftEdits.find(draft(), "C1").text()).isEqualTo("Tourner un bol");
        // Now the administrator holds the lock: the other author reads only.
        assertThat(authoring.open(code, "2026-01", new Actor("autre@demo.referentia.fr", "Camille Autre"))
                .lock().editable()).isFalse();
        authoring.release(code, "2026-01", new Actor(ADMIN, ADMIN));
    }

    @Test
    void theEditorListsTheItemsWithTheirFormsForBranchAdministratorsOnly() throws Exception {
        mvc.perform(as(ADMIN, get(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"text-C1\"")))
                .andExpect(content().string(containsString("Rattacher au précédent")))
                .andExpect(content().string(containsString("Terminer l'édition")))
                .andExpect(content().string(containsString("Incontournable (")));
        mvc.perform(as("observer@demo.referentia.fr", get(editor))).andExpect(status().isForbidden());
        mvc.perform(get(editor).accept(org.springframework.http.MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/connexion"));
        mvc.perform(as("observer@demo.referentia.fr", post(editor + "/elements/C1").param("text", "x")))
                .andExpect(status().isForbidden());
        mvc.perform(as(ADMIN, get("/referentiels/" + code + "/versions/2026-01")))
                .andExpect(content().string(containsString(editor)));
        String published = AuthoringFixtures.PUBLISHED;
        mvc.perform(as(ADMIN, get("/referentiels/" + code + "/versions/" + published + "/edition")))
                .andExpect(status().isConflict());
    }

    @Test
    void hostileTextIsStoredAsTextAndRenderedEscaped() throws Exception {
        String hostile = "<script>alert('x')</script> Prospecter";
        mvc.perform(as(ADMIN, post(editor + "/elements/C1").param("text", hostile)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(editor + "#item-C1"))
                .andExpect(flash().attribute("message", containsString("Texte de C1 modifié")));
        assertThat(DraftEdits.find(draft(), "C1").text()).isEqualTo(hostile);
        mvc.perform(as(ADMIN, get(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Prospecter")))
                .andExpect(content().string(not(containsString("<script>alert"))));
        mvc.perform(as(ADMIN, get("/referentiels/" + code + "/versions/2026-01/elements/C1")))
                .andExpect(content().string(not(containsString("<script>alert"))));
    }

    @Test
    void formsMoveMarkAddDeleteAfterConfirmationAndUndo() throws Exception {
        String element = draft().items().stream().filter(i -> i.essential() != null).findFirst().orElseThrow().code();
        mvc.perform(as(ADMIN, post(editor + "/elements/" + element).param("essentialShown", "true")
                        .param("essential", "true")))
                .andExpect(flash().attribute("message", containsString(element + " marqué incontournable")));
        assertThat(DraftEdits.find(draft(), element).essential()).isTrue();
        mvc.perform(as(ADMIN, post(editor + "/elements/C1").param("essentialShown", "true").param("essential", "true")))
                .andExpect(flash().attribute("error", containsString("Seul un élément de compétence peut être incontournable")));

        mvc.perform(as(ADMIN, post(editor + "/elements/C1/deplacement").param("direction", "DOWN")))
                .andExpect(flash().attribute("message", containsString("C1 descendu")));
        assertThat(draft().items().stream().filter(i -> i.parentCode() == null).map(i -> i.code()).toList())
                .startsWith("C2", "C1");

        mvc.perform(as(ADMIN, post(editor + "/elements/C1.E3/deplacement").param("parentCode", "C2")
                        .param("position", "1")))
                .andExpect(flash().attribute("message", containsString("C1.E3 déplacé")));
        assertThat(DraftEdits.find(draft(), "C1.E3")).extracting(i -> i.parentCode(), i -> i.position())
                .containsExactly("C2", 1);
        mvc.perform(as(ADMIN, post(editor + "/elements/C1/deplacement").param("parentCode", "C1.G1")
                        .param("position", "1")))
                .andExpect(flash().attribute("error", containsString("propre sous-élément")));

        mvc.perform(as(ADMIN, post(editor + "/elements").param("parentCode", "C2").param("itemCode", "C2.NEW")
                .param("type", "CRITERION").param("text", "Nouveau critère")))
                .andExpect(flash().attribute("message", containsString("Élément C2.NEW ajouté")));
        mvc.perform(as(ADMIN, get(editor + "/elements/C2.NEW/suppression"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Supprimer C2.NEW")));
        assertThat(DraftEdits.find(draft(), "C2.NEW")).isNotNull();
        mvc.perform(as(ADMIN, post(editor + "/elements/C2.NEW/suppression")))
                .andExpect(flash().attribute("message", containsString("C2.NEW supprimé")));
        assertThat(DraftEdits.find(draft(), "C2.NEW")).isNull();

        mvc.perform(as(ADMIN, get(editor))).andExpect(content().string(containsString("Annuler : C2.NEW supprimé")));
        mvc.perform(as(ADMIN, post(editor + "/annulation")))
                .andExpect(flash().attribute("message", containsString("Annulé : C2.NEW supprimé")));
        assertThat(DraftEdits.find(draft(), "C2.NEW")).isNotNull();

        mvc.perform(as(ADMIN, post(editor + "/en-tete").param("title", "Titre révisé").param("masteryTolerance", "-1")))
                .andExpect(flash().attribute("error", containsString("tolérance")));
        mvc.perform(as(ADMIN, post(editor + "/epreuves").param("examCode", "EPX").param("title", "Entretien")
                .param("parts", "Préparation ; 15\nEntretien ; 30").param("itemCodes", "C1, C2")))
                .andExpect(flash().attribute("message", containsString("Épreuve EPX ajoutée")));
        assertThat(draft().exams().stream().filter(e -> e.code().equals("EPX")).findFirst().orElseThrow().parts())
                .hasSize(2);
        mvc.perform(as(ADMIN, post(editor + "/liens").param("type", "VALIDATES").param("originCode", "C2.NEW")
                .param("destinationFramework", "CQP-GESTIONNAIRE-DISPOSITIFS").param("destinationCode", "C1")))
                .andExpect(flash().attribute("message", containsString("Lien ajouté")));
        mvc.perform(as(ADMIN, get("/referentiels/" + code + "/versions/2026-01/elements/C2.NEW")))
                .andExpect(content().string(containsString("/referentiels/CQP-GESTIONNAIRE-DISPOSITIFS/elements/C1")));
    }

    @Test
    void anItemCodeTypedWithALineBreakIsRefusedAndTheRedirectStaysOneHeaderLine() throws Exception {
        String location = mvc.perform(as(ADMIN, post(editor + "/elements").param("parentCode", "C2")
                        .param("itemCode", "C2.X\r\nSet-Cookie: x=y").param("type", "CRITERION").param("text", "Critère")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("C2.X")))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).doesNotContain("\r", "\n").endsWith("#item-C2.X%0D%0ASet-Cookie:%20x=y");
        assertThat(draft().items()).noneMatch(item -> item.code().startsWith("C2.X"));
    }

    @Test
    void anotherAuthorSeesAReadOnlyEditorWithTheHolderAndTheirFormsAreRefused() throws Exception {
        authoring.renew(code, "2026-01", new Actor("autre@demo.referentia.fr", "Camille Autre"));
        mvc.perform(as(ADMIN, get(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ce brouillon est en cours de modification par Camille Autre depuis")))
                .andExpect(content().string(not(containsString("id=\"text-C1\""))));
        mvc.perform(as(ADMIN, post(editor + "/elements/C1").param("text", "Texte")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Ce brouillon est en cours de modification par Camille Autre")));
        assertThat(DraftEdits.find(draft(), "C1").text()).isEqualTo("Tourner une pièce de poterie");
    }

    @Test
    void aNewReferentialIsCreatedFromItsFormAndOpenedInTheEditor() throws Exception {
        String fresh = "NEUF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(as(ADMIN, get("/admin/referentiels/nouveau"))).andExpect(status().isOk());
        mvc.perform(as(ADMIN, post("/admin/referentiels").param("code", fresh).param("title", "CQP Neuf")
                        .param("kind", "CQP").param("version", "v1")))
                .andExpect(redirectedUrl("/referentiels/" + fresh + "/versions/v1/edition"));
        mvc.perform(as(ADMIN, get("/"))).andExpect(content().string(containsString("CQP Neuf")));
        mvc.perform(get("/")).andExpect(content().string(not(containsString("CQP Neuf"))));
        mvc.perform(as(ADMIN, get("/referentiels/" + fresh))).andExpect(redirectedUrl("/referentiels/" + fresh + "/versions/v1"));
        mvc.perform(as("observer@demo.referentia.fr", get("/referentiels/" + fresh))).andExpect(status().isNotFound());
        mvc.perform(as(ADMIN, post("/admin/referentiels").param("code", fresh).param("title", "Doublon")
                        .param("kind", "CQP").param("version", "v1")))
                .andExpect(content().string(containsString("a déjà le code")));
    }

    @Test
    void theRarelyUsedActionsOfAnItemAreOnItsOwnPage() throws Exception {
        String actions = editor + "/elements/C2";
        mvc.perform(as(ADMIN, get(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"" + actions + "\"")))
                .andExpect(content().string(containsString("Plus d'actions")))
                .andExpect(content().string(not(containsString("Ajouter sous C2"))))
                .andExpect(content().string(not(containsString("Déplacer C2"))));
        mvc.perform(as(ADMIN, get(actions))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ajouter sous C2")))
                .andExpect(content().string(containsString("Déplacer C2")))
                .andExpect(content().string(containsString("href=\"" + editor + "/elements/C2/suppression\"")))
                .andExpect(content().string(containsString("href=\"" + editor + "#item-C2\"")));
        mvc.perform(as("observer@demo.referentia.fr", get(actions))).andExpect(status().isForbidden());
        mvc.perform(as(ADMIN, get(editor + "/elements/NOPE"))).andExpect(status().isNotFound());
    }

    @Test
    void aBigDraftIsEditedOneTopLevelBranchAtATime() throws Exception {
        String big = "PAGES-BIG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        importer.importFramework(AuthoringFixtures.synthetic(big, 3, 10, 14));
        versions.createDraft(big, "2026-01");
        String bigEditor = "/referentiels/" + big + "/versions/2026-01/edition";

        mvc.perform(as(ADMIN, get(bigEditor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("453 éléments")))
                .andExpect(content().string(containsString("href=\"" + bigEditor + "?branche=D3\"")))
                .andExpect(content().string(containsString("id=\"text-D1-A10-C14\"")))
                .andExpect(content().string(not(containsString("id=\"text-D2-A1-C1\""))));
        mvc.perform(as(ADMIN, get(bigEditor).param("branche", "D2"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"text-D2-A1-C1\"")))
                .andExpect(content().string(containsString("name=\"branche\" value=\"D2\"")))
                .andExpect(content().string(not(containsString("id=\"text-D1-A1-C1\""))));

        // Every form sends the branch shown, to come back to it.
        mvc.perform(as(ADMIN, post(bigEditor + "/elements/D2-A1-C1/deplacement").param("direction", "DOWN")
                        .param("branche", "D2")))
                .andExpect(redirectedUrl(bigEditor + "?branche=D2#item-D2-A1-C1"));
        assertThat(DraftEdits.find(exporter.toCanonical(big, "2026-01", true), "D2-A1-C1").position()).isEqualTo(2);
        mvc.perform(as(ADMIN, get(bigEditor + "/elements/D2-A1-C1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"" + bigEditor + "?branche=D2#item-D2-A1-C1\"")));
    }

    @Test
    void aTopLevelBranchTooBigToShowWholeShowsItsChildrenFolded() throws Exception {
        String big = "PAGES-DEEP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        importer.importFramework(AuthoringFixtures.synthetic(big, 1, 30, 14));
        versions.createDraft(big, "2026-01");
        String bigEditor = "/referentiels/" + big + "/versions/2026-01/edition";

        mvc.perform(as(ADMIN, get(bigEditor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"text-D1-A30\"")))
                .andExpect(content().string(containsString("Ouvrir la branche D1-A2 (14 sous-éléments)")))
                .andExpect(content().string(not(containsString("id=\"text-D1-A2-C1\""))));
        mvc.perform(as(ADMIN, get(bigEditor).param("branche", "D1-A2"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"text-D1-A2-C14\"")))
                .andExpect(content().string(containsString("Branche affichée")))
                .andExpect(content().string(not(containsString("id=\"text-D1-A3\""))));
        mvc.perform(as(ADMIN, get(bigEditor + "/elements/D1-A2-C3"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"" + bigEditor + "?branche=D1-A2#item-D1-A2-C3\"")));
    }
}
