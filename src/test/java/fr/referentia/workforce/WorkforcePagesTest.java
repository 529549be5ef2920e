package fr.referentia.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.shared.personaldata.PersonalDataContributor;
import fr.referentia.shared.files.FileStorage;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The competency pages: HR builds a job profile by searching and by ticking an activity, sets levels,
 * downloads it; the employee self-assesses with a file; the manager sees both side by side; the person's
 * data reaches « Mes données » and is erased.
 */
@IntegrationTest
class WorkforcePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkforceFixture fixture;

    @Autowired
    Workforce workforce;

    @Autowired
    WorkforcePersonalData personalData;

    @Autowired
    FileStorage files;

    @Autowired
    AssessmentRetention retention;

    @Autowired
    fr.referentia.framework.FrameworkImporter importer;

    @Autowired
    fr.referentia.framework.FrameworkVersions versions;

    @Autowired
    fr.referentia.framework.authoring.DraftAuthoring authoring;

    @Autowired
    JobProfiles profiles;

    @Autowired
    AssessmentRepository assessmentRepository;

    @Autowired
    java.time.Clock clock;

    WorkforceFixture.Org org;

    @BeforeEach
    void anOrganisation() {
        org = fixture.organisation();
    }

    private Document page(String path, String as) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(as))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void hrBuildsAJobProfileFromTheSearchAndByTickingAnActivityThenSetsALevel() throws Exception {
        String base = "/gpec/organismes/" + org.id() + "/fiches-de-poste";
        String location = mvc.perform(post(base).param("title", "Assistant(e) logistique").with(user(org.hr()))
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        Document found = page(base + "/" + id + "?q=logistique&referentiel=RAC-METIERS-FORMATION", org.hr());
        assertThat(found.select("input[name=picked]")).isNotEmpty();
        assertThat(found.select("input[id^=found-][value=RAC-METIERS-FORMATION::DOM6-A1]")).as("found by the search")
                .hasSize(1);
        assertThat(found.select("input[id^=group-][value=RAC-METIERS-FORMATION::DOM6-A1]")).as("among the activities")
                .hasSize(1);
        assertThat(found.text()).contains("Organisation et logistique des prestations de formation");

        mvc.perform(post(base + "/" + id + "/ajout").param("picked", "RAC-METIERS-FORMATION::DOM6-A1",
                        "RAC-METIERS-FORMATION::DOM1-A1-C1").param("level", "3").param("importance", "ESSENTIAL")
                        .with(user(org.hr())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "Compétences ajoutées à la fiche."));
        List<Workforce.RequiredCompetency> required = workforce.jobProfile(org.id(), id).orElseThrow().requirements();
        assertThat(required).extracting(r -> r.citation().itemCode()).contains("DOM6-A1-C1", "DOM1-A1-C1")
                .allMatch(code -> code.startsWith("DOM6-A1-C") || code.equals("DOM1-A1-C1"));
        assertThat(required).allMatch(r -> r.level() == 3);

        mvc.perform(post(base + "/" + id + "/exigences").param("key", "RAC-METIERS-FORMATION::DOM1-A1-C1")
                .param("level", "4").param("importance", "OPTIONAL").param("remove", "RAC-METIERS-FORMATION::DOM6-A1-C1")
                .with(user(org.hr())).with(csrf())).andExpect(status().is3xxRedirection());
        List<Workforce.RequiredCompetency> changed = workforce.jobProfile(org.id(), id).orElseThrow().requirements();
        assertThat(changed).extracting(r -> r.citation().itemCode()).doesNotContain("DOM6-A1-C1");
        assertThat(changed).filteredOn(r -> r.citation().itemCode().equals("DOM1-A1-C1"))
                .singleElement().satisfies(r -> {
                    assertThat(r.level()).isEqualTo(4);
                    assertThat(r.importance()).isEqualTo(Importance.OPTIONAL);
                });

        mvc.perform(post(base + "/" + id + "/exigences").param("key", "RAC-METIERS-FORMATION::DOM1-A1-C1")
                .param("level", "7").param("importance", "OPTIONAL").with(user(org.hr())).with(csrf()))
                .andExpect(flash().attribute("error", containsString("hors de l'échelle")));
        assertThat(workforce.jobProfile(org.id(), id).orElseThrow().requirements()).isEqualTo(changed);

        mvc.perform(post(base + "/" + id + "/ajout").param("picked", "RAC-METIERS-FORMATION::DOM1-A1-C2")
                .param("level", "2").with(user(org.manager())).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get(base + "/" + id + "/document").param("format", "pdf").with(user(org.employee())))
                .andExpect(status().isOk());
        Document list = page(base, org.hr());
        assertThat(list.text()).contains("Assistant(e) logistique", "Modèles de la branche", "Assistant(e) de formation");
    }

    @Test
    void theEmployeeSelfAssessesWithAFileAndTheManagerSeesBothSideBySide() throws Exception {
        mvc.perform(get("/gpec/mes-competences").with(user(org.employee())))
                .andExpect(redirectedUrl("/gpec/organismes/" + org.id() + "/personnes/" + org.employeeId()));
        String person = "/gpec/organismes/" + org.id() + "/personnes/" + org.employeeId();
        Document mine = page(person, org.employee());
        assertThat(mine.select("h1").text()).isEqualTo("Mes compétences");
        assertThat(mine.text()).contains("DOM1-A1-C1", "Poste : Formateur");

        mvc.perform(multipart(person + "/evaluations").file(new MockMultipartFile("file", "preuve.txt", "text/plain",
                        "Déroulé de séance".getBytes())).param("frameworkCode", "RAC-METIERS-FORMATION")
                        .param("itemCode", "DOM1-A1-C1").param("level", "2").param("comment", "Je prépare seule")
                        .with(user(org.employee())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "Évaluation de « DOM1-A1-C1 » enregistrée (Pratique)."));
        mvc.perform(post(person + "/evaluations").param("frameworkCode", "RAC-METIERS-FORMATION")
                        .param("itemCode", "DOM1-A1-C1").param("level", "non-observe")
                        .with(user(org.manager())).with(csrf())).andExpect(status().is3xxRedirection());

        Document seen = page(person, org.manager());
        assertThat(seen.select("h1").text()).startsWith("Compétences de ");
        String row = seen.select("tr:contains(DOM1-A1-C1)").first().text();
        assertThat(row).contains("Pratique", "Pas eu l'occasion de le montrer", "Désaccord");
        assertThat(seen.select("a[href^=/fichiers/]").text()).isEqualTo("preuve.txt");
        mvc.perform(get(person).with(user(org.otherManager()))).andExpect(status().isNotFound());

        mvc.perform(get("/gpec/mon-equipe").with(user(org.manager()))).andExpect(status().isOk());
        assertThat(page("/gpec/mon-equipe", org.manager()).text()).contains("Salarié ").doesNotContain("Collègue ");
    }

    @Test
    void assessmentsReachMesDonneesAndAreErasedWithTheirEvidence() throws Exception {
        String person = "/gpec/organismes/" + org.id() + "/personnes/" + org.employeeId();
        mvc.perform(multipart(person + "/evaluations").file(new MockMultipartFile("file", "preuve.txt", "text/plain",
                        "Preuve".getBytes())).param("frameworkCode", "RAC-METIERS-FORMATION")
                        .param("itemCode", "DOM1-A1-C1").param("level", "3")
                        .with(user(org.employee())).with(csrf())).andExpect(status().is3xxRedirection());
        UUID fileId = workforce.assessmentHistory(org.employeeId()).isEmpty() ? null
                : files.filesOf(org.employee()).get(0).id();
        var subject = new PersonalDataContributor.Subject(org.employeeId(), org.employee(), "Salarié");
        var sections = personalData.sections(subject);
        assertThat(sections).extracting(PersonalDataContributor.Section::key)
                .containsExactly("postes", "evaluations-de-competences");
        assertThat(sections.get(1).rows()).singleElement()
                .satisfies(row -> assertThat(row).contains("RAC-METIERS-FORMATION (1) · DOM1-A1-C1", "3", "preuve.txt"));

        personalData.erase(subject);
        assertThat(workforce.assessmentHistory(org.employeeId())).isEmpty();
        assertThat(workforce.factsOf(org.employeeId())).isEmpty();
        assertThat(files.find(fileId)).isEmpty();
        assertThat(personalData.sections(subject)).isEmpty();
    }

    @Test
    void anAssessmentIsKeptSixYearsAfterItWasRecordedThenPurged() {
        var citation = new fr.referentia.framework.ItemCitation("RAC-METIERS-FORMATION", "1", "DOM1-A1-C1");
        java.time.Instant now = clock.instant();
        Assessment old = assessmentRepository.save(new Assessment(org.id(), org.employeeId(), citation, 2, null,
                AssessmentSource.SELF, org.employeeId(), java.time.LocalDate.of(2019, 1, 7),
                now.minus(java.time.Duration.ofDays(6 * 366))));
        Assessment recent = assessmentRepository.save(new Assessment(org.id(), org.employeeId(), citation, 3, null,
                AssessmentSource.SELF, org.employeeId(), java.time.LocalDate.of(2026, 1, 7),
                now.minus(java.time.Duration.ofDays(5 * 365))));

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        assertThat(workforce.assessmentHistory(org.employeeId())).extracting(Workforce.AssessedCompetency::assessmentId)
                .containsExactly(recent.getId()).doesNotContain(old.getId());
    }

    @Test
    void theMigrationPageShowsRewordingWordByWordAndRemovalsAndHrAcceptsIt() throws Exception {
        String code = "GPEC-PAGE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        importer.importFramework(fr.referentia.framework.authoring.AuthoringFixtures.small(code));
        UUID id = profiles.create(org.hr(), org.id(), new JobProfiles.JobProfileInput("Céramiste", null, null, null,
                List.of(new JobProfiles.RequirementInput(code, null, "C2", 2, "ESSENTIAL"),
                        new JobProfiles.RequirementInput(code, null, "C3", 3, "OPTIONAL")))).id();
        var admin = new fr.referentia.framework.authoring.DraftAuthoring.Actor(WorkforceFixture.ADMIN, "Admin");
        versions.createDraft(code, "2026-03");
        authoring.editItem(code, "2026-03", admin, "C2",
                new fr.referentia.framework.authoring.DraftEdits.ItemChange("Émailler et décorer une pièce", null, null));
        authoring.deleteItem(code, "2026-03", admin, "C3");
        authoring.release(code, "2026-03", admin);
        versions.publish(code, "2026-03", java.time.LocalDate.of(2026, 3, 1), "Validé", WorkforceFixture.ADMIN);

        String base = "/gpec/organismes/" + org.id() + "/fiches-de-poste/" + id;
        assertThat(page(base, org.hr()).select("a[href*=migration]").text()).contains(code);
        Document preview = page(base + "/migration?referentiel=" + code, org.hr());
        assertThat(preview.select("ins").text()).contains("et décorer");
        assertThat(preview.text()).contains("Supprimée", "Reformulée");
        mvc.perform(post(base + "/migration").param("referentiel", code).param("version", "2026-03")
                .with(user(org.hr())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(workforce.jobProfile(org.id(), id).orElseThrow().requirements())
                .extracting(r -> r.citation().toString()).containsExactly(code + " (2026-03) · C2");
    }
}
