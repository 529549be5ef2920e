package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 9: the API documentation is French, leads back to the site, and only it may apply Swagger UI's style. */
@IntegrationTest
class ApiDocsPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theApiDocumentationIsFrenchAndLeadsBackToTheSite() throws Exception {
        // A static file: the browser reads its <meta charset="UTF-8">.
        String page = mvc.perform(get("/api/docs/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<html lang=\"fr\">", "<meta charset=\"UTF-8\">",
                "<a href=\"/\">← Retour aux référentiels</a>", "./swagger-initializer.js");
    }

    @Test
    void onlyTheApiDocumentationMayApplySwaggerUisStyleByItsHash() throws Exception {
        mvc.perform(get("/api/docs/swagger-ui/index.html"))
                .andExpect(header().string("Content-Security-Policy", allOf(
                        containsString("style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';"),
                        containsString("script-src 'self';"), not(containsString("unsafe-inline")))));
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", allOf(containsString("style-src 'self';"),
                        not(containsString("sha256")))));
    }

    @Test
    void theFooterLinksTheApiDocumentation() throws Exception {
        mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/api/docs/ui\"")));
    }
}
