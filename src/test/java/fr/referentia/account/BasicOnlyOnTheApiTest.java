package fr.referentia.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 10: HTTP Basic is accepted on the API only; pages need the form sign-in's session. */
@IntegrationTest
class BasicOnlyOnTheApiTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String PASSWORD = "referentia-demo";

    @Autowired
    MockMvc mvc;

    @Test
    void theApiAcceptsHttpBasic() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value(ADMIN));
    }

    @Test
    void aPageAskedWithHttpBasicIsRefusedInFrenchEvenWithTheRightPassword() throws Exception {
        for (String page : new String[] {"/mon-espace", "/admin/journal", "/mes-donnees", "/"}) {
            mvc.perform(get(page).with(httpBasic(ADMIN, PASSWORD)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("HTTP Basic ne vaut que pour l'API (/api/…) : pour les "
                            + "pages, connectez-vous par la page de connexion."));
        }
    }

    @Test
    void aPageFormPostedWithHttpBasicAndNoCsrfTokenChangesNothing() throws Exception {
        mvc.perform(post("/mes-donnees/effacement").param("confirm", "true").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic(ADMIN, PASSWORD))).andExpect(status().isOk());
    }
}
