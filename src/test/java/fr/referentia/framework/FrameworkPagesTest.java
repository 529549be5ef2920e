package fr.referentia.framework;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class FrameworkPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void homeListsTheReferentialsWithASearchBox() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Conseiller(ère) commercial(e) en formation"),
                        containsString("Gestionnaire des dispositifs de formation H/F"),
                        containsString("Référentiel activités et compétences des métiers de la formation professionnelle"),
                        containsString("id=\"recherche-q\""),
                        containsString("7 Domaines"))));
    }

    @Test
    void publicPagesAnswerHeadRequestsToo() throws Exception {
        mvc.perform(head("/referentiels/RAC-METIERS-FORMATION")).andExpect(status().isOk());
        mvc.perform(head("/admin/organismes")).andExpect(status().isUnauthorized());
    }

    @Test
    void referentialPageShowsTheTree() throws Exception {
        mvc.perform(get("/referentiels/RAC-METIERS-FORMATION"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("/referentiels/RAC-METIERS-FORMATION/elements/DOM5-A2-C11"),
                        containsString("Animation de parcours et/ou séquence de formation"),
                        containsString("Dans le cas de parcours d&#39;insertion :"))));
    }

    @Test
    void itemPageShowsBreadcrumbsTextExamsAndCriteria() throws Exception {
        mvc.perform(get("/referentiels/CQP-GESTIONNAIRE-DISPOSITIFS/elements/C1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("aria-label=\"Fil d&#39;Ariane\""),
                        containsString("/referentiels/CQP-GESTIONNAIRE-DISPOSITIFS/elements/DA1-A1"),
                        containsString("Accueillir les différents publics"),
                        containsString("Épreuve 1.1"),
                        containsString("Préparation : 15 min"),
                        containsString("Critères d&#39;évaluation"))));
    }

    @Test
    void searchPageHighlightsAndHandlesEmptyAndBadQueries() throws Exception {
        mvc.perform(get("/recherche").param("q", "l'apprenant"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<mark>apprenants</mark>")));
        mvc.perform(get("/recherche"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saisissez un ou plusieurs mots")));
        mvc.perform(get("/recherche").param("q", "x".repeat(600)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("limitée à 500 caractères")));
    }

    @Test
    void unknownReferentialIsAFrench404Page() throws Exception {
        mvc.perform(get("/referentiels/INCONNU"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Aucun référentiel n&#39;a le code « INCONNU »")));
    }

    @Test
    void anOversizedUploadGetsAFrenchErrorPage() throws Exception {
        // What the servlet container forwards to when a multipart request exceeds the configured limit.
        mvc.perform(get("/error").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 413)
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("dépasse la taille maximale acceptée (20 Mo)")));
    }

    @Test
    void hostileTextIsStoredAsTextAndRenderedEscaped() throws Exception {
        String body = """
                {"format": "referentia/framework@1",
                 "framework": {"code": "XSS-TEST", "kind": "CQP", "title": "<b>Titre</b>", "version": "1", "status": "PUBLISHED"},
                 "items": [{"code": "C1", "type": "COMPETENCY", "text": "<script>alert('x')</script> Accueillir"}]}
                """;
        mvc.perform(post("/api/v1/frameworks/import").param("publish", "true")
                        .with(httpBasic(FrameworkApiTest.ADMIN, FrameworkApiTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        mvc.perform(get("/referentiels/XSS-TEST/elements/C1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Accueillir"),
                        not(containsString("<script>alert")))));
    }

    @Test
    void pagesCarryASecurityPolicyAndFormsACsrfToken() throws Exception {
        mvc.perform(get("/connexion"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(post("/connexion").param("username", FrameworkApiTest.ADMIN).param("password", "faux"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/connexion").with(csrf()).param("username", FrameworkApiTest.ADMIN)
                        .param("password", "faux"))
                .andExpect(redirectedUrl("/connexion?erreur"));
        mvc.perform(post("/connexion").with(csrf()).param("username", FrameworkApiTest.ADMIN)
                        .param("password", FrameworkApiTest.PASSWORD))
                .andExpect(redirectedUrl("/mon-espace"));
    }
}
