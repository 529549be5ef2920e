package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Inputs that the outside tests of issue 10 saw answered with a 500: each now gets a French answer
 * of the right status and changes nothing.
 */
@IntegrationTest
class BadInputWithoutServerErrorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aJournalPageFarPastTheEndIsABadRequestNamingTheNumberOfPages() throws Exception {
        String page = mvc.perform(get("/admin/journal").param("page", "42949673")
                        .with(user("branch-admin@demo.referentia.fr").roles("BRANCH_ADMIN")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("main").text()).contains("La page 42949674 n'existe pas");
    }

    @Test
    void theErrorAddressTypedDirectlyIsThePageThatDoesNotExist() throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        mvc.perform(get("/error").with(user("branch-admin@demo.referentia.fr").roles("BRANCH_ADMIN")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aNulCharacterInAParameterIsRefusedBeforeReachingTheDatabase() throws Exception {
        mvc.perform(get("/api/v1/frameworks/CQP-CONSEILLER-COMMERCIAL/export").param("version", "a\u0000b"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("caractère nul")));
        mvc.perform(get("/recherche").param("q", "form\u0000ateur")).andExpect(status().isBadRequest());
    }

    @Test
    void jsonNestedDeeperThanAThousandLevelsIsRefusedAndImportsNothing() throws Exception {
        long frameworks = jdbc.queryForObject("select count(*) from framework", Long.class);
        String deep = "[".repeat(2_000) + "]".repeat(2_000);
        mvc.perform(post("/api/v1/frameworks/import").with(httpBasic("branch-admin@demo.referentia.fr",
                        "referentia-demo")).contentType(MediaType.APPLICATION_JSON).content(deep))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("imbrication de plus de 1 000 niveaux")));
        String deepObject = "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500);
        mvc.perform(post("/api/v1/frameworks/import").with(httpBasic("branch-admin@demo.referentia.fr",
                        "referentia-demo")).contentType(MediaType.APPLICATION_JSON).content(deepObject))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("rien n'a été importé")));
        assertThat(jdbc.queryForObject("select count(*) from framework", Long.class)).isEqualTo(frameworks);
    }

    @Test
    void aPdfOfATextAlreadyStoredWithCharactersXmlCannotCarryIsStillADocument() throws Exception {
        String code = "PDF-CTRL-" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String file = """
                {"format": "referentia/framework@1",
                 "framework": {"code": "%s", "kind": "CQP", "title": "Référentiel de contrôle", "version": "1",
                               "status": "PUBLISHED"},
                 "items": [{"code": "C1", "type": "COMPETENCY", "text": "Accueillir le public"}]}
                """.formatted(code);
        mvc.perform(post("/api/v1/frameworks/import").param("publish", "true").with(httpBasic("branch-admin@demo.referentia.fr",
                "referentia-demo")).contentType(MediaType.APPLICATION_JSON).content(file))
                .andExpect(status().isCreated());
        // As stored by an earlier version that did not check input (PostgreSQL itself refuses NUL).
        jdbc.update("update framework_item set text = ? where code = 'C1' and framework_id in "
                + "(select id from framework where code = ?)", "Accueillir\u0007 le\uFFFE public\u200B", code);

        byte[] pdf = mvc.perform(get("/api/v1/frameworks/" + code + "/export").param("format", "pdf"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Accueillir le public");
        }
    }
}
