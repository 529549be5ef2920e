package fr.referentia.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A request body that cannot be read (a word where a number is due, an unknown value, a bad date, broken JSON) gets a
 * French problem detail that names the field to correct, and nothing is recorded.
 */
@IntegrationTest
class MalformedBodyMessagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkforceFixture fixture;

    WorkforceFixture.Org org;

    @BeforeEach
    void organisation() {
        org = fixture.organisation();
    }

    private String profiles() {
        return "/api/v1/organisations/" + org.id() + "/job-profiles";
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(user(org.hr())).with(csrf()).accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void aWordWhereTheLevelIsDueNamesTheRequirementAndTheExpectedNumber() throws Exception {
        String before = mvc.perform(get(profiles()).with(user(org.hr())).accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(json(post(profiles()), """
                {"title": "Assistant(e)", "requirements": [
                  {"frameworkCode": "RAC-METIERS-FORMATION", "itemCode": "DOM1-A1-C1", "level": 2, "importance": "ESSENTIAL"},
                  {"frameworkCode": "RAC-METIERS-FORMATION", "itemCode": "DOM1-A1-C2", "level": "deux", "importance": "ESSENTIAL"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Requête mal formée"))
                .andExpect(jsonPath("$.detail").value("Le champ « requirements[2].level » attend un nombre entier."))
                .andExpect(jsonPath("$.errors[0]").value("Le champ « requirements[2].level » attend un nombre entier."));
        assertThat(mvc.perform(get(profiles()).with(user(org.hr())).accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString()).isEqualTo(before);
    }

    @Test
    void anIdentifierThatIsNoUuidOrBrokenJsonIsNamedInFrench() throws Exception {
        String team = mvc.perform(json(post("/api/v1/organisations/" + org.id() + "/teams"),
                        "{\"name\": \"Accueil\", \"managerId\": \"" + org.managerId() + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String teamId = team.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        mvc.perform(json(put("/api/v1/organisations/" + org.id() + "/people/" + org.employeeId() + "/job"),
                        "{\"teamId\": \"" + teamId + "\", \"since\": \"2024-01-02\", \"jobProfileId\": 12}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Le champ « jobProfileId » attend un identifiant (UUID)."));
        mvc.perform(json(put("/api/v1/organisations/" + org.id() + "/people/" + org.employeeId() + "/job"),
                        "{\"teamId\": \"pas-un-identifiant\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Le champ « teamId » attend un identifiant (UUID)."));
        String broken = mvc.perform(json(post(profiles()), "{\"title\": \"Poste\",\n \"mission\": }"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(broken).contains("n'est pas un JSON lisible (ligne 2");
    }
}
