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
}
