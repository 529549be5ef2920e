package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import fr.referentia.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;

/** « Mes sessions »: a person sees their open sessions and ends one of them, never another person's. */
@IntegrationTest
class SessionsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;


    private List<String> references(String email) throws Exception {
        String page = mvc.perform(get("/mon-compte/sessions").with(user(email).roles("EMPLOYEE")))
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(page).select("input[name=session]").eachAttr("value");
    }

    @Test
    void aPersonEndsOneOfTheirSessionsButNeitherAnUnknownOneNorAnotherPersons() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String camille = "sessions-camille-" + suffix + "@exemple.fr";
        String dominique = "sessions-dominique-" + suffix + "@exemple.fr";
        String office = StoredSessions.of(sessions, camille);
        String home = StoredSessions.of(sessions, camille);
        StoredSessions.of(sessions, dominique);

        List<String> shown = references(camille);
        assertThat(shown).hasSize(2).noneMatch(reference -> reference.equals(office) || reference.equals(home));

        mvc.perform(post("/mon-compte/sessions/fin").param("session", references(dominique).get(0))
                        .with(user(camille).roles("EMPLOYEE")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("n'existe pas")));
        assertThat(sessions.findByPrincipalName(dominique)).hasSize(1);

        mvc.perform(post("/mon-compte/sessions/fin").param("session", shown.get(0))
                        .with(user(camille).roles("EMPLOYEE")).with(csrf()))
                .andExpect(flash().attribute("success", containsString("La session est fermée")));
        assertThat(sessions.findByPrincipalName(camille)).hasSize(1);
        assertThat(references(camille)).containsExactly(shown.get(1));
    }
}
