package fr.referentia.certification;

import static fr.referentia.certification.ApplicationFixtures.CQP;
import static fr.referentia.certification.ApplicationFixtures.GESTIONNAIRE;
import static fr.referentia.certification.ApplicationFixtures.OFFICE;
import static fr.referentia.certification.ApplicationFixtures.TITRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.referentia.IntegrationTest;
import fr.referentia.TestMailServer;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.Role;
import fr.referentia.shared.files.FileStorage;
import fr.referentia.workforce.JobProfiles;
import fr.referentia.workforce.Staffing;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Applications through the API, from the request to the admissibility decision, and every refusal of the issue. */
@IntegrationTest
class ApplicationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationFixtures fixtures;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    AccountDirectory directory;

    @Autowired
    FileStorage files;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    StateChangeRepository changes;

    @Autowired
    JobProfiles jobProfiles;

    @Autowired
    Staffing staffing;

    @Autowired
    Clock clock;

    RequestPostProcessor as(String email) {
        return user(userDetails.loadUserByUsername(email));
    }

    /** People made for the test have no password: signed in by name, their roles read from the accounts. */
    RequestPostProcessor asPerson(String email) {
        return user(email).roles("CANDIDATE");
    }

    ResultActions postJson(String path, String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(path).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)
                .accept(MediaType.APPLICATION_JSON));
    }

    ResultActions putForm(String id, String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(put("/api/v1/applications/" + id + "/admissibility-form").with(who).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body).accept(MediaType.APPLICATION_JSON));
    }

    ResultActions attach(String id, String kind, byte[] content, String name, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(multipart("/api/v1/applications/" + id + "/documents")
                .file(new MockMultipartFile("file", name, "application/pdf", content)).param("kind", kind)
                .with(who).with(csrf()).accept(MediaType.APPLICATION_JSON));
    }

    String apply(String certification, String route, RequestPostProcessor who) throws Exception {
        String body = postJson("/api/v1/applications",
                "{\"certificationCode\": \"" + certification + "\", \"route\": \"" + route + "\"}", who)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state", is("DRAFT")))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asText();
    }

    /** A request ready for the office: complete form, a pay slip, submitted. */
    String submitted(String candidate) throws Exception {
        String id = apply(CQP, "VAE", asPerson(candidate));
        putForm(id, ApplicationFixtures.completeForm(), asPerson(candidate)).andExpect(status().isOk());
        attach(id, "PAY_SLIP", ApplicationFixtures.pdf(), "bulletin.pdf", asPerson(candidate))
                .andExpect(status().isCreated());
        postJson("/api/v1/applications/" + id + "/submission", "", asPerson(candidate))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state", is("SUBMITTED")));
        return id;
    }

    String formWith(String field, Object value) throws Exception {
        ObjectNode form = (ObjectNode) json.readTree(ApplicationFixtures.completeForm());
        form.set(field, json.valueToTree(value));
        return json.writeValueAsString(form);
    }

    JsonNode read(String id, RequestPostProcessor who) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/applications/" + id).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void theCatalogueListsTheSeedCertificationsWithTheirVersionRoutesAndThreshold() throws Exception {
        mvc.perform(get("/api/v1/certifications"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '" + CQP + "')].frameworkCode", hasItem(CQP)))
                .andExpect(jsonPath("$[?(@.code == '" + CQP + "')].minimumExperienceYears", hasItem(3)))
                .andExpect(jsonPath("$[?(@.code == '" + TITRE + "')].title", hasItem(containsString("Pilotage"))))
                .andExpect(jsonPath("$[?(@.code == 'RAC-METIERS-FORMATION')]").isEmpty());
        mvc.perform(get("/api/v1/certifications/" + CQP))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.frameworkVersion").isNotEmpty())
                .andExpect(jsonPath("$.routes", hasItem("VAE")))
                .andExpect(jsonPath("$.journey[1].title", is("Recevabilité")))
                .andExpect(jsonPath("$.admissibilityConditions", containsString("au moins 3 ans")));
        mvc.perform(get("/api/v1/certifications/INCONNUE")).andExpect(status().isNotFound());
    }

    @Test
    void everyRequestBodyOfTheseApisCarriesAnAdmissibleExampleInTheOpenApiDocument() throws Exception {
        JsonNode docs = json.readTree(mvc.perform(get("/api/docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        JsonNode schemas = docs.path("components").path("schemas");
        for (String schema : new String[] {"AdmissibilityForm", "NewApplicationRequest", "AdmissibilityDecisionRequest",
                "ReasonRequest", "NewSession"}) {
            assertThat(schemas.path(schema).path("example").isObject()).as(schema + " example").isTrue();
        }
        // The form's example is the one the policies find complete and admissible (AdmissibilityPoliciesTest).
        assertThat(schemas.path("AdmissibilityForm").path("example").path("fieldExperienceYears").asInt()).isEqualTo(4);
        assertThat(schemas.path("NewApplicationRequest").path("example").path("certificationCode").asText())
                .isEqualTo(CQP);
    }

    @Test
    void theOfficeSchedulesASessionThatTheCataloguePublishesAndACandidateCannot() throws Exception {
        String candidate = fixtures.person("session", Role.CANDIDATE, null);
        String session = "{\"startsOn\": \"2099-03-15\", \"endsOn\": \"2099-03-19\", \"place\": \"Lyon\", "
                + "\"remote\": false, \"capacity\": 12}";
        postJson("/api/v1/certifications/" + GESTIONNAIRE + "/sessions", session, asPerson(candidate))
                .andExpect(status().isForbidden());
        postJson("/api/v1/certifications/" + GESTIONNAIRE + "/sessions", session, as(OFFICE))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.capacity", is(12)));
        mvc.perform(get("/api/v1/certifications/" + GESTIONNAIRE + "/sessions"))
                .andExpect(jsonPath("$[?(@.startsOn == '2099-03-15')].place", hasItem("Lyon")));
        postJson("/api/v1/certifications/" + GESTIONNAIRE + "/sessions",
                "{\"startsOn\": \"2099-03-19\", \"endsOn\": \"2099-03-15\", \"place\": \"Lyon\", \"capacity\": 12}",
                as(OFFICE)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("avant de commencer")));
        // Found by ApiBadInputSweepTest: PostgreSQL refused the date, and the API answered 500.
        postJson("/api/v1/certifications/" + GESTIONNAIRE + "/sessions",
                "{\"startsOn\": \"2099-03-19\", \"endsOn\": \"+999999999-12-31\", \"place\": \"Lyon\", \"capacity\": 12}",
                as(OFFICE)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("31 décembre 9999")));
    }

    @Test
    void aCandidateAppliesFillsTheFormAttachesAPaySlipSubmitsAndTheOfficeFindsItAdmissible() throws Exception {
        String candidate = fixtures.person("parcours", Role.CANDIDATE, null);
        String id = apply(CQP, "VAE", asPerson(candidate));
        // Pre-filled from the account.
        mvc.perform(get("/api/v1/applications/" + id + "/admissibility-form").with(asPerson(candidate)))
                .andExpect(jsonPath("$.email", is(candidate)));
        postJson("/api/v1/applications/" + id + "/submission", "", asPerson(candidate))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("date de naissance")))
                .andExpect(jsonPath("$.detail", containsString("justificatif")));
        putForm(id, ApplicationFixtures.completeForm(), asPerson(candidate)).andExpect(status().isOk())
                .andExpect(jsonPath("$.missing[0]", containsString("justificatif")));
        String paySlip = json.readTree(attach(id, "PAY_SLIP", ApplicationFixtures.pdf(), "bulletin.pdf",
                asPerson(candidate)).andExpect(status().isCreated()).andExpect(jsonPath("$.kind", is("PAY_SLIP")))
                .andReturn().getResponse().getContentAsString()).get("fileId").asText();
        // Served as an attachment to those who may read the application, unknown to anyone else.
        mvc.perform(get("/api/v1/files/" + paySlip).with(as(OFFICE))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/files/" + paySlip).with(asPerson(candidate))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/files/" + paySlip).with(as("assessor@demo.referentia.fr")))
                .andExpect(status().isNotFound());
        String identityFile = json.readTree(attach(id, "IDENTITY", ApplicationFixtures.pdf(), "cni.pdf",
                asPerson(candidate)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("fileId").asText();
        postJson("/api/v1/applications/" + id + "/submission", "", asPerson(candidate))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state", is("SUBMITTED")))
                .andExpect(jsonPath("$.deadline").isNotEmpty());

        mvc.perform(get("/api/v1/applications").param("state", "SUBMITTED").param("page", "1000000").with(as(OFFICE)))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].experienceCheck.met", hasItem(true)));
        postJson("/api/v1/applications/" + id + "/admissibility-decision",
                "{\"decision\": \"FAVOURABLE\", \"reason\": \"Quatre ans de conseil en formation.\"}", as(OFFICE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state", is("ADMISSIBLE")));

        JsonNode history = json.readTree(mvc.perform(get("/api/v1/applications/" + id + "/history")
                .with(asPerson(candidate))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("from").isNull()).isTrue();
        assertThat(history.get(0).get("to").asText()).isEqualTo("DRAFT");
        assertThat(history.get(1).get("to").asText()).isEqualTo("SUBMITTED");
        assertThat(history.get(2).get("from").asText()).isEqualTo("SUBMITTED");
        assertThat(history.get(2).get("to").asText()).isEqualTo("ADMISSIBLE");
        assertThat(history.get(2).get("by").asText())
                .isEqualTo(directory.findByEmail(OFFICE).orElseThrow().id().toString());
        assertThat(history.get(2).get("reason").asText()).contains("Quatre ans");
        assertThat(history.get(2).get("at").asText()).isNotBlank();

        // R12: the identity document is deleted once the decision is final; the pay slip stays.
        assertThat(files.find(UUID.fromString(identityFile))).isEmpty();
        JsonNode documents = read(id, asPerson(candidate)).get("documents");
        assertThat(documents.findValuesAsText("kind")).containsExactly("PAY_SLIP", "IDENTITY");
        assertThat(documents.get(1).get("deleted").asBoolean()).isTrue();
        assertThat(documents.get(0).get("deleted").asBoolean()).isFalse();

        assertThat(TestMailServer.text(TestMailServer.awaitMessagesTo(candidate, 2).get(1)))
                .contains("recevable", "/candidatures/" + id);
    }

    @Test
    void theFormIsPrefilledWithTheJobThatGpecKnows() throws Exception {
        UUID organisation = fixtures.organisation("Organisme GPEC");
        String hr = fixtures.person("rh-gpec", Role.ORG_HR, organisation);
        String employee = fixtures.person("gpec", Role.EMPLOYEE, organisation);
        UUID profile = jobProfiles.create(hr, organisation, new JobProfiles.JobProfileInput(
                "Conseillère commerciale en formation", null, null, null, List.of())).id();
        String since = LocalDate.now(clock).minusYears(4).minusMonths(7).toString();
        staffing.assign(hr, organisation, directory.findByEmail(employee).orElseThrow().id(), null, profile, since);
        String id = apply(CQP, "VAE", asPerson(employee));
        mvc.perform(get("/api/v1/applications/" + id + "/admissibility-form").with(asPerson(employee)))
                .andExpect(jsonPath("$.currentJob.title", is("Conseillère commerciale en formation")))
                .andExpect(jsonPath("$.currentJob.employer", containsString("Organisme GPEC")))
                .andExpect(jsonPath("$.currentJob.from", is(since)))
                .andExpect(jsonPath("$.fieldExperienceYears", is(4.5)))
                .andExpect(jsonPath("$.email", is(employee)));
    }

    @Test
    void aBirthDateInTheFutureIsRefusedAndTheFormIsUnchanged() throws Exception {
        String candidate = fixtures.person("futur", Role.CANDIDATE, null);
        String id = apply(CQP, "VAE", asPerson(candidate));
        putForm(id, formWith("birthDate", "2999-01-01"), asPerson(candidate))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("dans le futur")));
        mvc.perform(get("/api/v1/applications/" + id + "/admissibility-form").with(asPerson(candidate)))
                .andExpect(jsonPath("$.birthDate").doesNotExist());
    }

    @Test
    void aSignatureDateBefore1900OrMoreThanAYearAheadIsRefusedWhenTheDraftIsSavedAndTheFormIsUnchanged()
            throws Exception {
        // A draft took any year (« +999999999-12-31 ») and only its confirmation judged it.
        String candidate = fixtures.person("signature", Role.CANDIDATE, null);
        String id = apply(CQP, "VAE", asPerson(candidate));
        LocalDate latest = LocalDate.now(clock).plusYears(1);
        for (String day : new String[] {"1899-12-31", latest.plusDays(1).toString(), "+999999999-12-31",
                "-999999999-01-01"}) {
            putForm(id, formWith("signedOn", day), asPerson(candidate))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail", containsString("La date de signature (")))
                    .andExpect(jsonPath("$.detail", containsString("est invraisemblable : elle va du 01/01/1900 au "
                            + AccreditationValidity.french(latest) + ".")));
        }
        mvc.perform(get("/api/v1/applications/" + id + "/admissibility-form").with(asPerson(candidate)))
                .andExpect(jsonPath("$.signedOn").doesNotExist());
        for (String day : new String[] {"1900-01-01", latest.toString()}) {
            putForm(id, formWith("signedOn", day), asPerson(candidate)).andExpect(status().isOk());
            mvc.perform(get("/api/v1/applications/" + id + "/admissibility-form").with(asPerson(candidate)))
                    .andExpect(jsonPath("$.signedOn", is(day)));
        }
    }

    @Test
    void moreExperienceThanTheAgeAllowsIsRefused() throws Exception {
        String candidate = fixtures.person("age", Role.CANDIDATE, null);
        String id = apply(CQP, "VAE", asPerson(candidate));
        ObjectNode form = (ObjectNode) json.readTree(formWith("birthDate", "2004-01-01"));
        form.put("totalExperienceYears", 15);
        form.put("fieldExperienceYears", 4);
        putForm(id, json.writeValueAsString(form), asPerson(candidate))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("impossible à 22 ans")));
        putForm(id, formWith("fieldExperienceYears", 20), asPerson(candidate))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("ne peut pas dépasser")));
        mvc.perform(get("/api/v1/applications/" + id + "/admissibility-form").with(asPerson(candidate)))
                .andExpect(jsonPath("$.totalExperienceYears").doesNotExist());
    }

    @Test
    void aSecondRequestForTheSameCertificationIsRefused() throws Exception {
        String candidate = fixtures.person("double", Role.CANDIDATE, null);
        apply(CQP, "VAE", asPerson(candidate));
        postJson("/api/v1/applications", "{\"certificationCode\": \"" + CQP + "\", \"route\": \"TRAINING\"}",
                asPerson(candidate))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("Une seule demande par certification")));
        assertThat(applications.findByCandidateIdOrderByCreatedAtDesc(
                directory.findByEmail(candidate).orElseThrow().id())).hasSize(1);
    }

    @Test
    void aFourthVaeRequestInTheYearIsRefusedNamingTheThreeEarlierOnes() throws Exception {
        String candidate = fixtures.person("quatre", Role.CANDIDATE, null);
        String fourth = fixtures.extraCertification();
        apply(CQP, "VAE", asPerson(candidate));
        apply(GESTIONNAIRE, "VAE", asPerson(candidate));
        apply(TITRE, "MIXED", asPerson(candidate));
        postJson("/api/v1/applications", "{\"certificationCode\": \"" + fourth + "\", \"route\": \"VAE\"}",
                asPerson(candidate))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("Pas plus de trois demandes de VAE")))
                .andExpect(jsonPath("$.detail", containsString(CQP)))
                .andExpect(jsonPath("$.detail", containsString(GESTIONNAIRE)))
                .andExpect(jsonPath("$.detail", containsString(TITRE)));
        // Training is not a VAE request: allowed.
        apply(fourth, "TRAINING", asPerson(candidate));
    }

    @Test
    void aDecisionOnAnApplicationThatIsNotSubmittedIsRefusedAndChangesNothing() throws Exception {
        String candidate = fixtures.person("brouillon", Role.CANDIDATE, null);
        String id = apply(CQP, "VAE", asPerson(candidate));
        postJson("/api/v1/applications/" + id + "/admissibility-decision",
                "{\"decision\": \"FAVOURABLE\", \"reason\": \"\"}", as(OFFICE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("demande déposée")));
        assertThat(read(id, as(OFFICE)).get("state").asText()).isEqualTo("DRAFT");
        assertThat(changes.countByApplicationId(UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void onlyTheOfficeDecides() throws Exception {
        String candidate = fixtures.person("seul", Role.CANDIDATE, null);
        String id = submitted(candidate);
        postJson("/api/v1/applications/" + id + "/admissibility-decision",
                "{\"decision\": \"FAVOURABLE\", \"reason\": \"\"}", asPerson(candidate))
                .andExpect(status().isForbidden());
        postJson("/api/v1/applications/" + id + "/admissibility-decision",
                "{\"decision\": \"UNFAVOURABLE\", \"reason\": \"\"}", as(OFFICE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("motif")));
        assertThat(read(id, asPerson(candidate)).get("state").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void aRevokedDecisionGoesBackToTheQueueWithItsReasonInTheHistory() throws Exception {
        String candidate = fixtures.person("revoque", Role.CANDIDATE, null);
        String id = submitted(candidate);
        postJson("/api/v1/applications/" + id + "/admissibility-decision",
                "{\"decision\": \"UNFAVOURABLE\", \"reason\": \"Métier sans lien avec le CQP.\"}", as(OFFICE))
                .andExpect(jsonPath("$.state", is("NOT_ADMISSIBLE")));
        postJson("/api/v1/applications/" + id + "/admissibility-decision/revocation", "{\"reason\": \"\"}",
                as(OFFICE)).andExpect(status().isBadRequest());
        postJson("/api/v1/applications/" + id + "/admissibility-decision/revocation",
                "{\"reason\": \"Attestation reçue : le métier est bien en lien.\"}", as(OFFICE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state", is("SUBMITTED")))
                .andExpect(jsonPath("$.decision").doesNotExist());
        mvc.perform(get("/api/v1/applications/" + id + "/history").with(asPerson(candidate)))
                .andExpect(jsonPath("$[3].from", is("NOT_ADMISSIBLE")))
                .andExpect(jsonPath("$[3].to", is("SUBMITTED")))
                .andExpect(jsonPath("$[3].reason", containsString("Attestation reçue")));
        postJson("/api/v1/applications/" + id + "/admissibility-decision",
                "{\"decision\": \"INCOMPLETE\", \"reason\": \"Il manque un second bulletin.\"}", as(OFFICE))
                .andExpect(jsonPath("$.state", is("INCOMPLETE")));
        // The candidate completes and submits again.
        attach(id, "PAY_SLIP", ApplicationFixtures.pdf(), "bulletin-2.pdf", asPerson(candidate))
                .andExpect(status().isCreated());
        postJson("/api/v1/applications/" + id + "/submission", "", asPerson(candidate))
                .andExpect(jsonPath("$.state", is("SUBMITTED")));
    }

    @Test
    void anAssessorAnotherCandidateAndAnotherOrganisationsHrCannotReadAnApplication() throws Exception {
        UUID organisation = fixtures.organisation("Organisme des candidatures");
        UUID otherOrganisation = fixtures.organisation("Autre organisme");
        String employee = fixtures.person("salarie", Role.EMPLOYEE, organisation);
        String hr = fixtures.person("rh", Role.ORG_HR, organisation);
        String otherHr = fixtures.person("autre-rh", Role.ORG_HR, otherOrganisation);
        String otherCandidate = fixtures.person("autre", Role.CANDIDATE, null);
        String id = apply(CQP, "VAE", asPerson(employee));
        for (RequestPostProcessor stranger : new RequestPostProcessor[] {as("assessor@demo.referentia.fr"),
                asPerson(otherCandidate), asPerson(otherHr)}) {
            mvc.perform(get("/api/v1/applications/" + id).with(stranger)).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail", containsString("seuls le candidat")));
            mvc.perform(get("/api/v1/applications/" + id + "/history").with(stranger))
                    .andExpect(status().isNotFound());
            putForm(id, ApplicationFixtures.completeForm(), stranger).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/applications").with(stranger))
                    .andExpect(jsonPath("$[*].id", not(hasItem(id))));
        }
        mvc.perform(get("/api/v1/applications/" + id + "/admissibility-form").with(asPerson(employee)))
                .andExpect(jsonPath("$.birthDate").doesNotExist());
        mvc.perform(get("/api/v1/applications/" + id).with(asPerson(hr))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/applications").with(asPerson(hr))).andExpect(jsonPath("$[*].id", hasItem(id)));
    }

    @Test
    void hrAppliesForAnEmployeeWhoMustConfirmBeforeSubmission() throws Exception {
        UUID organisation = fixtures.organisation("Organisme RH");
        String employee = fixtures.person("employe", Role.EMPLOYEE, organisation);
        String hr = fixtures.person("rh-pour", Role.ORG_HR, organisation);
        String outsider = fixtures.person("dehors", Role.CANDIDATE, null);
        UUID employeeId = directory.findByEmail(employee).orElseThrow().id();
        postJson("/api/v1/applications", "{\"certificationCode\": \"" + CQP + "\", \"route\": \"VAE\", "
                + "\"candidateId\": \"" + directory.findByEmail(outsider).orElseThrow().id() + "\"}", asPerson(hr))
                .andExpect(status().isNotFound());
        String body = postJson("/api/v1/applications", "{\"certificationCode\": \"" + CQP + "\", \"route\": \"VAE\", "
                + "\"candidateId\": \"" + employeeId + "\"}", asPerson(hr))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.onBehalf", is(true)))
                .andExpect(jsonPath("$.candidateConfirmed", is(false)))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        putForm(id, ApplicationFixtures.completeForm(), asPerson(hr)).andExpect(status().isOk());
        attach(id, "EMPLOYER_ATTESTATION", ApplicationFixtures.pdf(), "attestation.pdf", asPerson(hr))
                .andExpect(status().isCreated());
        postJson("/api/v1/applications/" + id + "/submission", "", asPerson(hr))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("confirmer")));
        postJson("/api/v1/applications/" + id + "/confirmation", "", asPerson(hr)).andExpect(status().isForbidden());
        postJson("/api/v1/applications/" + id + "/confirmation", "", asPerson(employee))
                .andExpect(status().isOk()).andExpect(jsonPath("$.candidateConfirmed", is(true)));
        postJson("/api/v1/applications/" + id + "/submission", "", asPerson(employee))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state", is("SUBMITTED")));
        assertThat(TestMailServer.text(TestMailServer.awaitMessagesTo(employee, 2).get(1))).contains("confirmez");
    }

    @Test
    void aPasswordProtectedOrUnknownKindOfDocumentIsRefused() throws Exception {
        String candidate = fixtures.person("pieces", Role.CANDIDATE, null);
        String id = apply(CQP, "VAE", asPerson(candidate));
        attach(id, "BULLETIN", ApplicationFixtures.pdf(), "b.pdf", asPerson(candidate))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("PAY_SLIP")));
        attach(id, "PAY_SLIP", "pas un PDF".getBytes(), "b.pdf", asPerson(candidate))
                .andExpect(status().isBadRequest());
        assertThat(read(id, asPerson(candidate)).get("documents")).isEmpty();
    }

    @Test
    void anOutdatedVersionOfTheFormIsRefusedSoThatNoUpdateIsLost() throws Exception {
        String candidate = fixtures.person("onglets", Role.CANDIDATE, null);
        String id = apply(CQP, "VAE", asPerson(candidate));
        long version = read(id, asPerson(candidate)).get("rowVersion").asLong();
        mvc.perform(put("/api/v1/applications/" + id + "/admissibility-form").with(asPerson(candidate)).with(csrf())
                .header("If-Match", String.valueOf(version)).contentType(MediaType.APPLICATION_JSON)
                .content(formWith("birthPlace", "Rennes"))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/applications/" + id + "/admissibility-form").with(asPerson(candidate)).with(csrf())
                .header("If-Match", String.valueOf(version)).contentType(MediaType.APPLICATION_JSON)
                .content(formWith("birthPlace", "Brest"))).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/applications/" + id + "/admissibility-form").with(asPerson(candidate)))
                .andExpect(jsonPath("$.birthPlace", is("Rennes")));
    }

    @Autowired
    MatrixApplications drafts;

    /** A new candidate with {@code count} draft applications, made directly (R3 would refuse the second). */
    String candidateWithDrafts(String prefix, int count) {
        String candidate = fixtures.person(prefix, Role.CANDIDATE, null);
        for (int i = 0; i < count; i++) {
            drafts.draftOf(candidate);
        }
        return candidate;
    }

    /** One page of the list: the plain list as {@code applications}, and the paging headers read as fields. */
    JsonNode page(RequestPostProcessor who, String... params) throws Exception {
        var request = get("/api/v1/applications").with(who);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        var page = json.createObjectNode();
        page.set("applications", json.readTree(response.getContentAsString()));
        page.put("page", Integer.parseInt(response.getHeader("X-Page")));
        page.put("size", Integer.parseInt(response.getHeader("X-Page-Size")));
        page.put("pageCount", Integer.parseInt(response.getHeader("X-Page-Count")));
        page.put("total", Long.parseLong(response.getHeader("X-Total-Count")));
        page.put("link", response.getHeader("Link"));
        return page;
    }

    @Test
    void theListComesInPagesOfFiftyWithTheTotalAndAPageBeyondTheLastGivesTheLast() throws Exception {
        String candidate = candidateWithDrafts("pages", 51);

        JsonNode first = page(asPerson(candidate));
        assertThat(first.get("applications")).hasSize(50);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(50);
        assertThat(first.get("pageCount").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(51);
        assertThat(first.get("link").asText()).contains("page=1&size=50>; rel=\"next\"")
                .contains("page=1&size=50>; rel=\"last\"").doesNotContain("rel=\"prev\"");

        JsonNode second = page(asPerson(candidate), "page", "1");
        assertThat(second.get("applications")).hasSize(1);
        assertThat(second.get("applications").get(0).get("id").asText())
                .isNotIn(first.get("applications").findValuesAsText("id"));
        assertThat(page(asPerson(candidate), "page", "7").get("page").asInt()).isEqualTo(1);
        assertThat(page(asPerson(candidate), "size", "200").get("applications")).hasSize(51);
        assertThat(page(asPerson(candidate), "size", "20", "page", "2").get("applications")).hasSize(11);
    }

    @Test
    void theOfficeQueueReadPageByPageHoldsEveryRequestOnceAndKeepsTheStateFilter() throws Exception {
        String candidate = candidateWithDrafts("file", 3);
        List<String> mine = page(asPerson(candidate)).get("applications").findValuesAsText("id");

        JsonNode first = page(as(OFFICE), "state", "DRAFT", "size", "2");
        long total = first.get("total").asLong();
        assertThat(first.get("pageCount").asLong()).isEqualTo((total + 1) / 2);
        List<String> seen = new java.util.ArrayList<>();
        for (int p = 0; p < first.get("pageCount").asInt(); p++) {
            JsonNode onePage = page(as(OFFICE), "state", "DRAFT", "size", "2", "page", String.valueOf(p));
            assertThat(onePage.get("page").asInt()).isEqualTo(p);
            assertThat(onePage.get("applications").findValuesAsText("state")).containsOnly("DRAFT");
            seen.addAll(onePage.get("applications").findValuesAsText("id"));
        }
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates().containsAll(mine);
    }

    @Test
    void aNegativePageAHugeSizeOrASizeThatIsNotANumberIsRefusedInFrench() throws Exception {
        String candidate = candidateWithDrafts("bornes", 1);
        String[][] refused = {{"page", "-1", "La page « -1 » est hors des limites"},
                {"size", "100000", "La taille de page « 100000 » est hors des limites : un entier de 1 à 200"},
                {"size", "0", "La taille de page « 0 » est hors des limites"},
                {"size", "abc", "La taille de page « abc » n'est pas un nombre"},
                {"page", "99999999999999999999", "La page « 99999999999999999999 » est hors des limites"}};
        for (String[] bad : refused) {
            mvc.perform(get("/api/v1/applications").param(bad[0], bad[1]).with(asPerson(candidate)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail", containsString(bad[2])));
        }
        mvc.perform(get("/api/v1/applications").param("size", "abc").with(as(OFFICE)))
                .andExpect(status().isBadRequest());
    }

    @Autowired
    Applications service;

    @Test
    void theOfficesQueueTileSumsUpTheWholeQueueWithoutReadingIt() throws Exception {
        String candidate = fixtures.person("tuile", Role.CANDIDATE, null);
        submitted(candidate);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.queueSummary(candidate))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        List<Applications.ApplicationView> queue = service.list(OFFICE, ApplicationState.SUBMITTED);
        Applications.QueueSummary summary = service.queueSummary(OFFICE);

        assertThat(summary.waiting()).isEqualTo(queue.size()).isPositive();
        assertThat(summary.oldest().id()).isEqualTo(queue.get(0).id());
        assertThat(summary.nearestDeadline()).isEqualTo(queue.stream().map(Applications.ApplicationView::deadline)
                .filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder()).orElseThrow());
        mvc.perform(get("/mon-espace").with(as(OFFICE))).andExpect(status().isOk())
                .andExpect(content().string(containsString(summary.waiting() + " demande")))
                .andExpect(content().string(containsString("prochaine échéance le "
                        + summary.nearestDeadline().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")))));
    }
}
