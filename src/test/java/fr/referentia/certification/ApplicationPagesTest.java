package fr.referentia.certification;

import static fr.referentia.certification.ApplicationFixtures.CQP;
import static fr.referentia.certification.ApplicationFixtures.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The pages of the catalogue and of an application: the same journey as the API, signed in as a person. */
@IntegrationTest
class ApplicationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationFixtures fixtures;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    AccountDirectory directory;

    @Autowired
    ApplicationRepository applications;

    RequestPostProcessor as(String email) {
        return user(userDetails.loadUserByUsername(email));
    }

    RequestPostProcessor asPerson(String email) {
        return user(email).roles("CANDIDATE");
    }

    @Test
    void theCataloguePagesArePublicAndShowTheJourneyAndTheThreshold() throws Exception {
        mvc.perform(get("/certifications")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/certifications/" + CQP)));
        mvc.perform(get("/certifications/" + CQP)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Les étapes du parcours")))
                .andExpect(content().string(containsString("au moins 3 ans")))
                .andExpect(content().string(containsString("Connectez-vous")))
                .andExpect(content().string(not(containsString("Programmer une session"))));
        mvc.perform(get("/certifications/" + CQP).with(as(OFFICE)))
                .andExpect(content().string(containsString("Programmer une session")));
    }

    @Test
    void aCandidateAppliesFillsTheFormOnThePageAndTheOfficeDecidesFromTheQueue() throws Exception {
        String candidate = fixtures.person("page", Role.CANDIDATE, null);
        String location = mvc.perform(post("/candidatures").with(asPerson(candidate)).with(csrf())
                        .param("certificationCode", CQP).param("route", "VAE"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/candidatures/");
        String id = location.substring("/candidatures/".length());
        mvc.perform(get(location).with(asPerson(candidate))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dossier de recevabilité : présentation du candidat")))
                .andExpect(content().string(containsString("Les pièces d'identité sont supprimées")))
                .andExpect(content().string(containsString(candidate)));

        mvc.perform(post(location + "/formulaire").with(asPerson(candidate)).with(csrf())
                        .param("civility", "MADAME").param("lastName", "Page").param("firstName", "Camille")
                        .param("address", "1 rue de la Loire, Nantes").param("mobilePhone", "06 12 34 56 78")
                        .param("email", candidate).param("birthDate", "1985-05-20").param("birthPlace", "Angers")
                        .param("totalExperienceYears", "15").param("fieldExperienceYears", "4.5")
                        .param("otherRelatedActivities", "false")
                        .param("currentJob.title", "Conseillère commerciale").param("currentJob.employer", "OF Loire")
                        .param("currentJob.from", "2021-01-04")
                        .param("currentJob.activities.prospecting", "Prospection des entreprises du territoire.")
                        .param("lastClassAttended", "FINAL_YEAR")
                        .param("diplomaLevel", "LEVEL_IV_BACCALAUREATE").param("titre-LEVEL_IV_BACCALAUREATE", "Bac STMG")
                        .param("swornStatement", "true").param("signedAt", "Nantes").param("signedOn", "2026-11-02"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", containsString("enregistré")));
        mvc.perform(get("/api/v1/applications/" + id + "/admissibility-form").with(asPerson(candidate)))
                .andExpect(jsonPath("$.diplomas[0].level").value("LEVEL_IV_BACCALAUREATE"))
                .andExpect(jsonPath("$.diplomas[0].title").value("Bac STMG"))
                .andExpect(jsonPath("$.currentJob.activities.prospecting").value(containsString("Prospection")))
                .andExpect(jsonPath("$.fieldExperienceYears").value(4.5));
        mvc.perform(multipart(location + "/justificatifs")
                        .file(new MockMultipartFile("file", "bulletin.pdf", "application/pdf", ApplicationFixtures.pdf()))
                        .param("kind", "PAY_SLIP").with(asPerson(candidate)).with(csrf()))
                .andExpect(flash().attribute("success", "Justificatif joint."));
        mvc.perform(post(location + "/depot").with(asPerson(candidate)).with(csrf()))
                .andExpect(flash().attribute("success", containsString("déposée")));
        assertThat(applications.findById(UUID.fromString(id)).orElseThrow().getState())
                .isEqualTo(ApplicationState.SUBMITTED);

        mvc.perform(get("/candidatures").param("etat", "SUBMITTED").param("page", "1000000").with(as(OFFICE))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Camille Page")));
        mvc.perform(get(location).with(as(OFFICE)))
                .andExpect(content().string(containsString("Pré-contrôle de l&#39;expérience")))
                .andExpect(content().string(containsString("4,5 ans")));
        mvc.perform(post(location + "/decision").with(as(OFFICE)).with(csrf()).param("decision", "FAVOURABLE"))
                .andExpect(flash().attribute("success", containsString("Décision enregistrée")));
        mvc.perform(get(location).with(asPerson(candidate)))
                .andExpect(content().string(containsString("Recevable")))
                .andExpect(content().string(containsString("Renseignez votre dossier VAE")));
        mvc.perform(get("/mon-espace").with(asPerson(candidate)))
                .andExpect(content().string(not(containsString("Demandes de recevabilité"))));
    }

    @Test
    void theWorkspaceTilesGiveTheOfficeItsQueueAndACandidateTheNextStep() throws Exception {
        mvc.perform(get("/mon-espace").with(as(OFFICE))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Demandes de recevabilité")));
        mvc.perform(get("/mon-espace").with(as("candidate@demo.referentia.fr"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mes candidatures")))
                .andExpect(content().string(containsString("aucune candidature en cours")));
        mvc.perform(get("/mon-espace").with(as("org-hr@demo.referentia.fr"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Candidatures de l&#39;organisme")));
    }

    @Test
    void aStrangerGetsAnUnknownApplicationPage() throws Exception {
        String candidate = fixtures.person("secret", Role.CANDIDATE, null);
        String other = fixtures.person("curieux", Role.CANDIDATE, null);
        String location = mvc.perform(post("/candidatures").with(asPerson(candidate)).with(csrf())
                        .param("certificationCode", CQP).param("route", "TRAINING"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(asPerson(other))).andExpect(status().isNotFound());
        mvc.perform(get(location).with(as("assessor@demo.referentia.fr"))).andExpect(status().isNotFound());
    }

    @Autowired
    MatrixApplications drafts;

    @Test
    void theListShowsFiftyRowsAPageWithPageXOfYAndTheStateFilterKeptInTheLinks() throws Exception {
        String candidate = fixtures.person("pagine", Role.CANDIDATE, null);
        for (int i = 0; i < 51; i++) {
            drafts.draftOf(candidate);
        }
        String first = mvc.perform(get("/candidatures").with(asPerson(candidate))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first.split("href=\"/candidatures/[0-9a-f-]{36}\"", -1)).hasSize(51);
        assertThat(first).contains("Page 1 sur 2 (candidatures 1 à 50 sur 51)").contains("Page suivante")
                .doesNotContain("Page précédente");
        String second = mvc.perform(get("/candidatures").param("page", "1").with(asPerson(candidate)))
                .andReturn().getResponse().getContentAsString();
        assertThat(second.split("href=\"/candidatures/[0-9a-f-]{36}\"", -1)).hasSize(2);
        assertThat(second).contains("Page 2 sur 2 (candidatures 51 à 51 sur 51)").contains("Page précédente");

        mvc.perform(get("/candidatures").param("etat", "DRAFT").with(as(OFFICE))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/candidatures?etat=DRAFT&amp;page=1")));
        mvc.perform(get("/candidatures").param("etat", "DRAFT").param("page", "1").with(as(OFFICE)))
                .andExpect(content().string(containsString("/candidatures?etat=DRAFT&amp;page=0")))
                .andExpect(content().string(containsString("Page 2 sur")));
        mvc.perform(get("/candidatures").param("page", "-1").with(asPerson(candidate)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("La page « -1 » est hors des limites")));
    }
}
