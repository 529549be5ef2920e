package fr.referentia.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import fr.referentia.framework.FrameworkImporter;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.authoring.AuthoringFixtures;
import fr.referentia.framework.authoring.DraftAuthoring;
import fr.referentia.framework.authoring.DraftAuthoring.Actor;
import fr.referentia.framework.authoring.DraftEdits.ItemChange;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 12's API for job profiles, teams, jobs and assessments: the paths and field names of the issue,
 * the authorisation (self, own team, own organisation, another organisation reads as unknown), and every
 * bad input answered with a French problem detail that changes nothing.
 */
@IntegrationTest
class WorkforceApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    WorkforceFixture fixture;

    @Autowired
    Workforce workforce;

    @Autowired
    FrameworkImporter importer;

    @Autowired
    FrameworkVersions versions;

    @Autowired
    DraftAuthoring authoring;

    WorkforceFixture.Org org;
    WorkforceFixture.Org other;

    @BeforeEach
    void twoOrganisations() {
        org = fixture.organisation();
        other = fixture.organisation();
    }

    private String base(UUID organisationId) {
        return "/api/v1/organisations/" + organisationId;
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String as, String body) throws Exception {
        return mvc.perform(request.with(user(as)).with(csrf()).accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions read(String path, String as) throws Exception {
        return mvc.perform(get(path).with(user(as)).accept(MediaType.APPLICATION_JSON));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private String assessment(String itemCode, Object level) {
        return "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"" + itemCode + "\", \"level\": "
                + level + ", \"comment\": \"Observé en séance\"}";
    }

    @Test
    void hrBuildsAJobProfileWhoseRequirementsCiteThePublishedVersionAndTheOrganisationsPeopleReadIt() throws Exception {
        JsonNode created = body(send(post(base(org.id()) + "/job-profiles"), org.hr(),
                "{\"title\": \"Assistant(e) de formation\", \"mission\": \"Organise les sessions.\", "
                        + "\"reportingLine\": \"Responsable formation\", \"requirements\": ["
                        + "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", \"level\": 3, "
                        + "\"importance\": \"ESSENTIAL\"},"
                        + "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"version\": \"1\", \"itemCode\": \"DOM1-A1-C2\", "
                        + "\"level\": 1, \"importance\": \"OPTIONAL\"}]}")
                .andExpect(status().isCreated()));
        assertThat(created.get("title").asText()).isEqualTo("Assistant(e) de formation");
        assertThat(created.at("/requirements/0/version").asText()).as("the latest published version").isEqualTo("1");
        assertThat(created.at("/requirements/0/level").asInt()).isEqualTo(3);
        assertThat(created.at("/requirements/0/levelLabel").asText()).isEqualTo("Maîtrise");
        assertThat(created.at("/requirements/1/importance").asText()).isEqualTo("OPTIONAL");
        String id = created.get("id").asText();

        read(base(org.id()) + "/job-profiles/" + id, org.employee()).andExpect(status().isOk())
                .andExpect(jsonPath("$.mission").value("Organise les sessions."));
        read(base(org.id()) + "/job-profiles", org.manager()).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].title").value("Assistant(e) de formation"));
        read(base(org.id()) + "/job-profiles/" + id, other.hr()).andExpect(status().isNotFound());
        read(base(other.id()) + "/job-profiles/" + id, other.hr()).andExpect(status().isNotFound());

        send(put(base(org.id()) + "/job-profiles/" + id), org.hr(), "{\"title\": \"Assistant(e) formation\", "
                + "\"requirements\": [{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C3\", "
                + "\"level\": 4, \"importance\": \"ESSENTIAL\"}]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.requirements.length()").value(1))
                .andExpect(jsonPath("$.requirements[0].itemCode").value("DOM1-A1-C3"));
        send(put(base(org.id()) + "/job-profiles/" + id), org.manager(), "{\"title\": \"Par le manager\"}")
                .andExpect(status().isForbidden());
        send(post(base(org.id()) + "/job-profiles"), org.employee(), "{\"title\": \"Par le salarié\"}")
                .andExpect(status().isForbidden());
        send(post(base(org.id()) + "/job-profiles"), other.hr(), "{\"title\": \"D'un autre organisme\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void aJobProfileCitingAnUnknownUnpublishedOrNonCompetencyItemOrALevelOutsideTheScaleIsRefusedAndNothingIsStored()
            throws Exception {
        String code = "GPEC-BAD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        importer.importFramework(AuthoringFixtures.small(code));
        versions.createDraft(code, "2099-01");
        int before = workforce.jobProfiles(org.id()).size();
        String[][] cases = {
                {"{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", \"level\": 5}",
                        "hors de l'échelle"},
                {"{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", \"level\": 0}",
                        "hors de l'échelle"},
                {"{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM9-A9-C9\", \"level\": 2}",
                        "n'a pas d'élément de code « DOM9-A9-C9 »"},
                {"{\"frameworkCode\": \"INCONNU\", \"itemCode\": \"C1\", \"level\": 2}", "INCONNU"},
                {"{\"frameworkCode\": \"" + code + "\", \"version\": \"2099-01\", \"itemCode\": \"C1\", \"level\": 2}",
                        "2099-01"},
                {"{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1\", \"level\": 2}",
                        "pas une compétence"},
                {"{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", \"level\": 2, "
                        + "\"importance\": \"VITAL\"}", "ESSENTIAL"}};
        for (String[] c : cases) {
            send(post(base(org.id()) + "/job-profiles"), org.hr(),
                    "{\"title\": \"Poste refusé\", \"requirements\": [" + c[0] + "]}")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail", containsString(c[1])));
        }
        send(post(base(org.id()) + "/job-profiles"), org.hr(), "{\"title\": \" \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("L'intitulé du poste est obligatoire."));
        send(post(base(org.id()) + "/job-profiles"), org.hr(), "{\"title\": \"Doublon\", \"requirements\": ["
                + "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", \"level\": 2},"
                + "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", \"level\": 3}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("déjà requise")));
        assertThat(workforce.jobProfiles(org.id())).hasSize(before);
    }

    @Test
    void aNewerPublishedVersionIsOfferedAsAMigrationThatHrPreviewsAndAccepts() throws Exception {
        String code = "GPEC-MIG-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        importer.importFramework(AuthoringFixtures.small(code));
        String id = body(send(post(base(org.id()) + "/job-profiles"), org.hr(), "{\"title\": \"Potier\", \"requirements\": ["
                + "{\"frameworkCode\": \"" + code + "\", \"itemCode\": \"C1\", \"level\": 3},"
                + "{\"frameworkCode\": \"" + code + "\", \"itemCode\": \"C2\", \"level\": 2},"
                + "{\"frameworkCode\": \"" + code + "\", \"itemCode\": \"C3\", \"level\": 4, \"importance\": \"OPTIONAL\"}]}")
                .andExpect(status().isCreated())).get("id").asText();
        Actor admin = new Actor(WorkforceFixture.ADMIN, "Administratrice");
        versions.createDraft(code, "2026-02");
        authoring.editItem(code, "2026-02", admin, "C2", new ItemChange("Émailler et décorer une pièce", null, null));
        authoring.deleteItem(code, "2026-02", admin, "C3");
        authoring.release(code, "2026-02", admin);
        versions.publish(code, "2026-02", LocalDate.of(2026, 2, 1), "Validé", WorkforceFixture.ADMIN);

        read(base(org.id()) + "/job-profiles/" + id, org.hr())
                .andExpect(jsonPath("$.outdatedReferentials[0]").value(code));
        JsonNode preview = body(read(base(org.id()) + "/job-profiles/" + id + "/migration?frameworkCode=" + code,
                org.hr()).andExpect(status().isOk()));
        assertThat(preview.get("toVersion").asText()).isEqualTo("2026-02");
        assertThat(preview.at("/lines/0/changes/0").asText()).isEqualTo("SAME");
        assertThat(preview.at("/lines/1/changes/0").asText()).isEqualTo("REWORDED");
        assertThat(preview.at("/lines/1/newText").asText()).isEqualTo("Émailler et décorer une pièce");
        assertThat(preview.at("/lines/2/changes/0").asText()).isEqualTo("REMOVED");

        send(post(base(org.id()) + "/job-profiles/" + id + "/migration"), org.hr(),
                "{\"frameworkCode\": \"" + code + "\", \"toVersion\": \"2025-12\"}").andExpect(status().isConflict());
        JsonNode migrated = body(send(post(base(org.id()) + "/job-profiles/" + id + "/migration"), org.hr(),
                "{\"frameworkCode\": \"" + code + "\", \"toVersion\": \"2026-02\"}").andExpect(status().isOk()));
        assertThat(migrated.get("requirements")).hasSize(2);
        assertThat(migrated.at("/requirements/0/version").asText()).isEqualTo("2026-02");
        assertThat(migrated.at("/requirements/1/level").asInt()).as("level kept").isEqualTo(2);
        assertThat(migrated.get("outdatedReferentials")).isEmpty();
    }

    @Test
    void hrCreatesTeamsWithAManagerOfTheOrganisationAndAssignsJobsWithTheirHistory() throws Exception {
        JsonNode team = body(send(post(base(org.id()) + "/teams"), org.hr(),
                "{\"name\": \"Accueil\", \"managerId\": \"" + org.managerId() + "\"}").andExpect(status().isCreated()));
        assertThat(team.get("managerId").asText()).isEqualTo(org.managerId().toString());
        send(post(base(org.id()) + "/teams"), org.hr(), "{\"name\": \"accueil\", \"managerId\": \"" + org.managerId() + "\"}")
                .andExpect(status().isConflict());
        send(post(base(org.id()) + "/teams"), org.hr(), "{\"name\": \"Hors organisme\", \"managerId\": \""
                + other.managerId() + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Le manager choisi n'est pas une personne de l'organisme."));
        send(post(base(org.id()) + "/teams"), org.hr(), "{\"name\": \"Sans manager\", \"managerId\": \""
                + org.employeeId() + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("n'a pas le rôle de manager")));
        send(post(base(org.id()) + "/teams"), org.manager(), "{\"name\": \"Par un manager\", \"managerId\": \""
                + org.managerId() + "\"}").andExpect(status().isForbidden());
        read(base(org.id()) + "/teams", org.manager()).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'Équipe commerciale')]").isEmpty())
                .andExpect(jsonPath("$[?(@.name == 'Équipe formation')].managerId").value(org.managerId().toString()));
        read(base(org.id()) + "/teams", org.employee()).andExpect(status().isForbidden());
        read(base(org.id()) + "/teams", other.hr()).andExpect(status().isNotFound());

        String job = base(org.id()) + "/people/" + org.employeeId() + "/job";
        String future = LocalDate.now().plusDays(40).toString();
        send(put(job), org.hr(), "{\"teamId\": \"" + team.get("id").asText() + "\", \"since\": \"" + future + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("dans le futur")));
        send(put(job), org.hr(), "{\"teamId\": \"" + team.get("id").asText() + "\", \"since\": \"2019-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("doit suivre")));
        send(put(job), org.hr(), "{\"teamId\": \"" + other.teamId() + "\", \"since\": \"2024-01-01\"}")
                .andExpect(status().isBadRequest());
        assertThat(workforce.factsOf(org.employeeId()).orElseThrow().teamId()).isEqualTo(org.teamId());

        send(put(job), org.hr(), "{\"teamId\": \"" + team.get("id").asText() + "\", \"jobProfileId\": \""
                + org.jobProfileId() + "\", \"since\": \"2024-09-02\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.since").value("2024-09-02"));
        read(job, org.employee()).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].since").value("2024-09-02"))
                .andExpect(jsonPath("$[0].until").doesNotExist())
                .andExpect(jsonPath("$[1].since").value("2020-03-02"))
                .andExpect(jsonPath("$[1].until").value("2024-09-01"));
        Workforce.EmployeeFacts facts = workforce.factsOf(org.employeeId()).orElseThrow();
        assertThat(facts.jobSince()).isEqualTo(LocalDate.of(2024, 9, 2));
        assertThat(facts.hiredOn()).isEqualTo(LocalDate.of(2020, 3, 2));
        assertThat(facts.managerId()).isEqualTo(org.managerId());
        assertThat(workforce.employeesOf(org.id())).as("everyone with a current job, as the heat map reads them")
                .extracting(f -> f.personId() + " " + f.hiredOn() + " " + f.jobSince())
                .containsExactlyInAnyOrder(org.employeeId() + " 2020-03-02 2024-09-02",
                        org.colleagueId() + " 2021-01-04 2021-01-04");
        send(put(job), other.hr(), "{\"teamId\": \"" + other.teamId() + "\", \"since\": \"2025-01-01\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void theEmployeeSelfAssessesTheManagerAssessesAndTheHistoryKeepsEveryAssessmentSideBySide() throws Exception {
        String path = base(org.id()) + "/people/" + org.employeeId() + "/assessments";
        send(post(path), org.employee(), assessment("DOM1-A1-C1", 2)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.source").value("SELF")).andExpect(jsonPath("$.version").value("1"));
        send(post(path), org.manager(), assessment("DOM1-A1-C1", 3)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.source").value("MANAGER"));
        send(post(path), org.employee(), "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", "
                + "\"notObserved\": true}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.notObserved").value(true)).andExpect(jsonPath("$.level").doesNotExist());
        // Another competency the employee wants to show, outside their profile.
        send(post(path), org.employee(), assessment("DOM2-A1-C1", 4)).andExpect(status().isCreated());

        JsonNode history = body(read(path, org.manager()).andExpect(status().isOk()));
        assertThat(history).hasSize(4);
        assertThat(history.get(0).get("itemCode").asText()).isEqualTo("DOM2-A1-C1");
        read(path, org.hr()).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(4));

        JsonNode portfolio = body(read(base(org.id()) + "/people/" + org.employeeId() + "/portfolio", org.employee())
                .andExpect(status().isOk()));
        JsonNode first = portfolio.at("/lines/0");
        assertThat(first.get("itemCode").asText()).isEqualTo("DOM1-A1-C1");
        assertThat(first.get("required").asInt()).isEqualTo(3);
        assertThat(first.at("/self/notObserved").asBoolean()).as("the latest self-assessment").isTrue();
        assertThat(first.at("/manager/level").asInt()).isEqualTo(3);
        assertThat(first.get("disagreement").asBoolean()).isTrue();
        assertThat(portfolio.get("lines")).hasSize(3);

        List<Workforce.AssessedCompetency> latest = workforce.latestAssessments(org.employeeId());
        assertThat(latest).extracting(a -> a.citation().itemCode() + "/" + a.source() + "/" + a.level())
                .containsExactlyInAnyOrder("DOM1-A1-C1/SELF/null", "DOM1-A1-C1/MANAGER/3", "DOM2-A1-C1/SELF/4");
        assertThat(workforce.latestAssessmentsIn(org.id())).containsOnlyKeys(org.employeeId())
                .hasEntrySatisfying(org.employeeId(), list -> assertThat(list).hasSize(3));
        // The manager may now assess what the employee has shown.
        send(post(path), org.manager(), assessment("DOM2-A1-C1", 3)).andExpect(status().isCreated());
    }

    @Test
    void assessmentsOutsideTheRulesAreRefusedInFrenchAndChangeNothing() throws Exception {
        String path = base(org.id()) + "/people/" + org.employeeId() + "/assessments";
        record Case(String as, String body, int status, String detail) {
        }
        List<Case> cases = List.of(
                new Case(org.employee(), assessment("DOM1-A1-C1", 5), 400, "hors de l'échelle"),
                new Case(org.employee(), assessment("DOM1-A1-C1", 0), 400, "hors de l'échelle"),
                new Case(org.employee(), "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\"}",
                        400, "Le niveau est obligatoire"),
                new Case(org.employee(), "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", "
                        + "\"level\": 2, \"notObserved\": true}", 400, "pas les deux"),
                new Case(org.employee(), assessment("DOM1-A1", 2), 400, "on n'évalue que des compétences"),
                new Case(org.employee(), assessment("DOM9-A9-C9", 2), 400, "DOM9-A9-C9"),
                new Case(org.employee(), "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"version\": \"0\", "
                        + "\"itemCode\": \"DOM1-A1-C1\", \"level\": 2}", 400, "« 0 »"),
                new Case(org.employee(), "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", "
                        + "\"level\": 2, \"observedOn\": \"" + LocalDate.now().plusDays(3) + "\"}", 400, "dans le futur"),
                new Case(org.employee(), "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", "
                        + "\"level\": 2, \"links\": [\"javascript:alert(1)\"]}", 400, "n'est pas une adresse web"),
                // Not in the person's profile and not shown by them.
                new Case(org.manager(), assessment("DOM3-A1-C1", 2), 400, "ni dans la fiche de poste"),
                new Case(org.hr(), assessment("DOM1-A1-C1", 2), 403, "n'évaluent pas"),
                // A manager outside the person's team, a colleague, another organisation: the person is unknown.
                new Case(org.otherManager(), assessment("DOM1-A1-C1", 2), 404, "Personne introuvable"),
                new Case(org.colleague(), assessment("DOM1-A1-C1", 2), 404, "Personne introuvable"),
                new Case(other.hr(), assessment("DOM1-A1-C1", 2), 404, "Organisme introuvable"),
                new Case(other.employee(), assessment("DOM1-A1-C1", 2), 404, "Organisme introuvable"));
        for (Case c : cases) {
            send(post(path), c.as(), c.body()).andExpect(status().is(c.status()))
                    .andExpect(jsonPath("$.detail", containsString(c.detail())));
        }
        assertThat(workforce.assessmentHistory(org.employeeId())).isEmpty();
        read(path, org.otherManager()).andExpect(status().isNotFound());
        read(path, org.colleague()).andExpect(status().isNotFound());
        read(base(other.id()) + "/people/" + org.employeeId() + "/assessments", other.hr()).andExpect(status().isNotFound());
    }

    @Test
    void evidenceIsAStoredFileOrALinkReadableByTheManagerAndRefusedWhenTooLargeOrOfARefusedType() throws Exception {
        String path = base(org.id()) + "/people/" + org.employeeId() + "/assessments";
        String id = body(send(post(path), org.employee(), assessment("DOM1-A1-C1", 3)).andExpect(status().isCreated()))
                .get("id").asText();
        String evidence = path + "/" + id + "/evidence";
        JsonNode file = body(mvc.perform(multipart(evidence).file(new MockMultipartFile("file", "bilan.txt",
                "text/plain", "Bilan de la session de janvier".getBytes())).with(user(org.employee())).with(csrf())
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isCreated()));
        String fileId = file.get("fileId").asText();
        mvc.perform(get("/api/v1/files/" + fileId).with(user(org.manager()))).andExpect(status().isOk())
                .andExpect(content().string("Bilan de la session de janvier"));
        mvc.perform(get("/api/v1/files/" + fileId).with(user(org.otherManager()))).andExpect(status().isNotFound());
        mvc.perform(multipart(evidence).param("link", "https://exemple.fr/bilan").with(user(org.employee()))
                .with(csrf()).accept(MediaType.APPLICATION_JSON)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.link").value("https://exemple.fr/bilan"));

        byte[] tooLarge = new byte[(int) AssessmentEvidencePurpose.MAX_FILE.toBytes() + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        mvc.perform(multipart(evidence).file(new MockMultipartFile("file", "gros.txt", "text/plain", tooLarge))
                .with(user(org.employee())).with(csrf()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("taille maximale")));
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        mvc.perform(multipart(evidence).file(new MockMultipartFile("file", "archive.pdf", "application/pdf", zip))
                .with(user(org.employee())).with(csrf()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest());
        // Only who made the assessment adds evidence to it.
        mvc.perform(multipart(evidence).param("link", "https://exemple.fr/autre").with(user(org.manager()))
                .with(csrf()).accept(MediaType.APPLICATION_JSON)).andExpect(status().isForbidden());
        read(path, org.employee()).andExpect(jsonPath("$[0].evidence.length()").value(2));
    }

    @Test
    void aJobProfileIsExportedAsPdfDocxAndOdtThatReadLikeAFicheDePoste() throws Exception {
        String base = base(org.id()) + "/job-profiles/" + org.jobProfileId() + "/export?format=";
        byte[] pdf = mvc.perform(get(base + "pdf").with(user(org.employee()))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        byte[] docx = mvc.perform(get(base + "docx").with(user(org.hr()))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("fiche-de-poste-formateur.docx")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(entry(docx, "word/document.xml")).contains("Fiche de poste — Formateur", "DOM1-A1-C1",
                "3 – Maîtrise", "Essentielle", "version 1");
        byte[] odt = mvc.perform(get(base + "odt").with(user(org.hr()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(entry(odt, "mimetype")).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(entry(odt, "content.xml")).contains("Fiche de poste — Formateur", "2 – Pratique", "Optionnelle");
        mvc.perform(get(base + "rtf").with(user(org.hr())).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest());
        mvc.perform(get(base + "pdf").with(user(other.hr()))).andExpect(status().isNotFound());
    }

    @Test
    void everyWorkforceRequestBodyInTheOpenApiDocumentCarriesAValidExample() throws Exception {
        JsonNode docs = json.readTree(mvc.perform(get("/api/docs").with(user(org.hr())))
                .andReturn().getResponse().getContentAsString());
        JsonNode schemas = docs.at("/components/schemas");
        for (String name : List.of("JobProfileBody", "MigrationBody", "ScaleBody", "TeamBody", "JobBody",
                "AssessmentBody")) {
            JsonNode example = schemas.path(name).path("example");
            assertThat(example.isObject()).as(name + " example: " + example).isTrue();
        }
        // The examples fill a request that passes the input checks (the ids are examples, hence 400 or 404 only there).
        String jobProfile = schemas.at("/JobProfileBody/example").toString();
        send(post(base(org.id()) + "/job-profiles"), org.hr(), jobProfile).andExpect(status().isCreated());
        String assessmentExample = schemas.at("/AssessmentBody/example").toString();
        send(post(base(org.id()) + "/people/" + org.employeeId() + "/assessments"), org.employee(), assessmentExample)
                .andExpect(status().isCreated());
    }

    @Test
    void hrSetsTheOrganisationsOwnScaleButNeverDropsALevelInUse() throws Exception {
        String scale = base(org.id()) + "/proficiency-scale";
        read(scale, org.employee()).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[2].label").value("Maîtrise"));
        send(put(scale), org.hr(), "{\"levels\": [{\"label\": \"Débutant\", \"description\": \"Découvre.\"}, "
                + "{\"label\": \"Confirmé\", \"description\": \"Autonome.\"}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("Le niveau 3 est utilisé")));
        send(put(scale), org.manager(), "{\"levels\": [{\"label\": \"A\"}, {\"label\": \"B\"}, {\"label\": \"C\"}]}")
                .andExpect(status().isForbidden());
        send(put(scale), org.hr(), "{\"levels\": [{\"label\": \"Débutant\", \"description\": \"Découvre.\"}, "
                + "{\"label\": \"Confirmé\", \"description\": \"Autonome.\"}, {\"label\": \"Expert\", "
                + "\"description\": \"Transmet.\"}]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));
        read(base(org.id()) + "/job-profiles/" + org.jobProfileId(), org.employee())
                .andExpect(jsonPath("$.requirements[0].levelLabel").value("Expert"));
        send(post(base(org.id()) + "/people/" + org.employeeId() + "/assessments"), org.employee(),
                assessment("DOM1-A1-C1", 4)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("un niveau de 1 à 3")));
        read(base(other.id()) + "/proficiency-scale", other.hr()).andExpect(jsonPath("$.length()").value(4));
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " absent");
    }
}
