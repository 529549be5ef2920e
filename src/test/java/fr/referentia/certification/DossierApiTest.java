package fr.referentia.certification;

import static fr.referentia.certification.ApplicationFixtures.CQP;
import static fr.referentia.certification.ApplicationFixtures.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.referentia.IntegrationTest;
import fr.referentia.account.Role;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The VAE dossier through the API: filling, locking, completeness, written piece, versions, PDF, readers, R13. */
@IntegrationTest
class DossierApiTest {

    static final String API = "/api/v1/applications/";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationFixtures fixtures;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    DossierFileRepository dossierFiles;

    static RequestPostProcessor asPerson(String email, String role) {
        return user(email).roles(role);
    }

    static RequestPostProcessor candidate(String email) {
        return asPerson(email, "CANDIDATE");
    }

    RequestPostProcessor office() {
        return user(userDetails.loadUserByUsername(OFFICE));
    }

    ResultActions send(String method, String path, String body, RequestPostProcessor who) throws Exception {
        var request = switch (method) {
            case "PUT" -> put(path);
            case "POST" -> post(path);
            default -> get(path);
        };
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(who).with(csrf()).accept(MediaType.APPLICATION_JSON));
    }

    JsonNode read(String path, RequestPostProcessor who) throws Exception {
        return json.readTree(send("GET", path, null, who).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    ResultActions upload(String id, String kind, String itemCode, byte[] content, String name, String type,
            RequestPostProcessor who) throws Exception {
        var request = multipart(API + id + "/dossier/files").file(new MockMultipartFile("file", name, type, content))
                .param("kind", kind);
        if (itemCode != null) {
            request.param("itemCode", itemCode);
        }
        return mvc.perform(request.with(who).with(csrf()).accept(MediaType.APPLICATION_JSON));
    }

    /** A new candidate's request, submitted with a complete form and a pay slip; its id. */
    String submitted(String candidate) throws Exception {
        String body = send("POST", "/api/v1/applications", "{\"certificationCode\": \"" + CQP
                + "\", \"route\": \"VAE\"}", candidate(candidate)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        send("PUT", API + id + "/admissibility-form", ApplicationFixtures.completeForm(), candidate(candidate))
                .andExpect(status().isOk());
        mvc.perform(multipart(API + id + "/documents").file(new MockMultipartFile("file", "bulletin.pdf",
                "application/pdf", ApplicationFixtures.pdf())).param("kind", "PAY_SLIP").with(candidate(candidate))
                .with(csrf())).andExpect(status().isCreated());
        send("POST", API + id + "/submission", null, candidate(candidate)).andExpect(status().isOk());
        return id;
    }

    /** A request the office has declared admissible; its id. */
    String admissible(String candidate) throws Exception {
        String id = submitted(candidate);
        send("POST", API + id + "/admissibility-decision", "{\"decision\": \"FAVOURABLE\", \"reason\": \"Expérience "
                + "justifiée.\"}", office()).andExpect(status().isOk()).andExpect(jsonPath("$.state", is("ADMISSIBLE")));
        return id;
    }

    String newCandidate() {
        return fixtures.person("candidat", Role.CANDIDATE, null);
    }

    /** Every activity done with an example, every text question answered, for one competency view. */
    String complete(JsonNode competency, String example, String proofId) {
        ObjectNode body = json.createObjectNode();
        ArrayNode activities = body.putArray("activities");
        for (JsonNode activity : competency.get("activities")) {
            ObjectNode a = activities.addObject().put("code", activity.get("code").asText()).put("done", true)
                    .put("examples", example).put("tools", "CRM de l'organisme, tableur de suivi");
            if (proofId != null) {
                a.putArray("proofIds").add(proofId);
            }
        }
        ArrayNode answers = body.putArray("answers");
        for (JsonNode question : competency.get("questions")) {
            if (question.get("minPages").isNull()) {
                answers.addObject().put("code", question.get("code").asText()).put("text", "Réponse détaillée : "
                        + example);
            }
        }
        body.put("version", competency.get("version").asLong());
        return body.toString();
    }

    /** Fills every competency (with a proof cited under C1) and attaches a 6-page written piece. */
    void fillEverything(String id, String candidate, String example) throws Exception {
        String proof = json.readTree(upload(id, "PROOF", null, ApplicationFixtures.pdf(1), "plan-actions.pdf", "application/pdf",
                candidate(candidate)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("id").asText();
        for (JsonNode c : read(API + id + "/dossier", candidate(candidate)).get("competencies")) {
            String code = c.get("code").asText();
            JsonNode view = read(API + id + "/dossier/competencies/" + code, candidate(candidate));
            send("PUT", API + id + "/dossier/competencies/" + code, complete(view, example,
                    code.equals("C1") ? proof : null), candidate(candidate)).andExpect(status().isOk());
        }
        upload(id, "WRITTEN_PIECE", "C3.Q1", ApplicationFixtures.pdf(6), "offre.pdf", "application/pdf", candidate(candidate))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.pages", is(6)));
    }

    @Test
    void theDossierOpensOnlyAfterAFavourableAdmissibilityDecision() throws Exception {
        String candidate = newCandidate();
        String id = submitted(candidate);
        send("PUT", API + id + "/dossier/competencies/C1", "{\"activities\": [{\"code\": \"C1.ACT1\", \"done\": true, "
                + "\"examples\": \"Veille\"}]}", candidate(candidate))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("après une décision de recevabilité favorable")));
        assertThat(read(API + id, candidate(candidate)).get("state").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void theFirstSaveOpensTheDossierAndTheAnswersAreKept() throws Exception {
        String candidate = newCandidate();
        String id = admissible(candidate);
        JsonNode dossier = read(API + id + "/dossier", candidate(candidate));
        assertThat(dossier.get("competencies")).hasSize(6);
        assertThat(dossier.get("complete").asBoolean()).isFalse();

        send("PUT", API + id + "/dossier/competencies/C1", "{\"activities\": [{\"code\": \"C1.ACT1\", \"done\": true, "
                + "\"examples\": \"Veille mensuelle sur les entreprises du secteur\"}, {\"code\": \"C1.ACT2\", "
                + "\"done\": false}], \"version\": 0}", candidate(candidate))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version", is(1)));

        JsonNode c1 = read(API + id + "/dossier/competencies/C1", candidate(candidate));
        assertThat(c1.get("activities").get(0).get("done").asBoolean()).isTrue();
        assertThat(c1.get("activities").get(0).get("examples").asText()).contains("Veille mensuelle");
        assertThat(c1.get("activities").get(1).get("done").asBoolean()).isFalse();
        assertThat(c1.get("activities").get(2).get("done").isNull()).isTrue();
        assertThat(read(API + id, candidate(candidate)).get("state").asText()).isEqualTo("DOSSIER_IN_PROGRESS");
        JsonNode history = read(API + id + "/history", candidate(candidate));
        assertThat(history.get(history.size() - 1).get("to").asText()).isEqualTo("DOSSIER_IN_PROGRESS");
        assertThat(history.get(history.size() - 1).get("from").asText()).isEqualTo("ADMISSIBLE");
    }

    @Test
    void aSaveFromAStaleVersionIsRefusedWithTheSavedVersionShownAndNothingLost() throws Exception {
        String candidate = newCandidate();
        String id = admissible(candidate);
        String first = "{\"activities\": [{\"code\": \"C2.ACT1\", \"done\": true, \"examples\": \"Onglet un\"}], "
                + "\"version\": 0}";
        String second = "{\"activities\": [{\"code\": \"C2.ACT1\", \"done\": false}], \"version\": 0}";
        send("PUT", API + id + "/dossier/competencies/C2", first, candidate(candidate)).andExpect(status().isOk());
        send("PUT", API + id + "/dossier/competencies/C2", second, candidate(candidate))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("enregistrée entre-temps")))
                .andExpect(jsonPath("$.current.version", is(1)))
                .andExpect(jsonPath("$.current.activities[0].examples", is("Onglet un")));
        JsonNode saved = read(API + id + "/dossier/competencies/C2", candidate(candidate));
        assertThat(saved.get("activities").get(0).get("done").asBoolean()).isTrue();
        assertThat(saved.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void submissionIsRefusedWhileTheDossierIsIncompleteAndEveryMissingPartIsNamed() throws Exception {
        String candidate = newCandidate();
        String id = admissible(candidate);
        JsonNode completeness = read(API + id + "/dossier/completeness", candidate(candidate));
        assertThat(completeness.get("complete").asBoolean()).isFalse();
        assertThat(completeness.get("missing").toString()).contains("Compétence C3 — le document écrit de 5 à 10 pages")
                .contains("Compétence C1 — l'activité");
        send("POST", API + id + "/dossier/submission", null, candidate(candidate))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Le dossier est incomplet")))
                .andExpect(jsonPath("$.errors", hasSize(completeness.get("missing").size())));
        assertThat(read(API + id, candidate(candidate)).get("state").asText()).isEqualTo("ADMISSIBLE");
        assertThat(read(API + id + "/dossier/versions", candidate(candidate))).isEmpty();
    }

    @Test
    void theWrittenPieceMustHaveThePagesTheReferentialAsksAndARefusedFileChangesNothing() throws Exception {
        String candidate = newCandidate();
        String id = admissible(candidate);
        upload(id, "WRITTEN_PIECE", "C3.Q1", ApplicationFixtures.pdf(3), "trop-court.pdf", "application/pdf", candidate(candidate))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("compte 3 pages")))
                .andExpect(jsonPath("$.detail", containsString("de 5 à 10")));
        upload(id, "WRITTEN_PIECE", "C3.Q1", ApplicationFixtures.pdf(11), "trop-long.pdf", "application/pdf", candidate(candidate))
                .andExpect(status().isBadRequest());
        upload(id, "WRITTEN_PIECE", "C3.Q1", "du texte".getBytes(), "offre.txt", "text/plain", candidate(candidate))
                .andExpect(status().isBadRequest());
        upload(id, "WRITTEN_PIECE", "C1.Q1", ApplicationFixtures.pdf(6), "offre.pdf", "application/pdf", candidate(candidate))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("ne demande pas de document écrit")));
        assertThat(dossierFiles.findByApplicationIdOrderByUploadedAtAsc(UUID.fromString(id))).isEmpty();
        assertThat(read(API + id, candidate(candidate)).get("state").asText()).isEqualTo("ADMISSIBLE");

        upload(id, "WRITTEN_PIECE", "C3.Q1", ApplicationFixtures.pdf(7), "offre.pdf", "application/pdf", candidate(candidate))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.pages", is(7)));
        JsonNode c3 = read(API + id + "/dossier/competencies/C3", candidate(candidate));
        assertThat(c3.get("missing").toString()).doesNotContain("document écrit");
    }

    @Test
    void answersNamingUnknownActivitiesProofsOrADocumentQuestionAreRefused() throws Exception {
        String candidate = newCandidate();
        String id = admissible(candidate);
        send("PUT", API + id + "/dossier/competencies/C1", "{\"activities\": [{\"code\": \"C9.ACT1\", \"done\": true}]}",
                candidate(candidate)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Activité inconnue")));
        send("PUT", API + id + "/dossier/competencies/C1", "{\"activities\": [{\"code\": \"C1.ACT1\", \"done\": true, "
                + "\"examples\": \"x\", \"proofIds\": [\"" + UUID.randomUUID() + "\"]}]}", candidate(candidate))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("Preuve inconnue")));
        send("PUT", API + id + "/dossier/competencies/C3", "{\"answers\": [{\"code\": \"C3.Q1\", \"text\": \"Mon plan\"}]}",
                candidate(candidate)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("demande un document écrit")));
        send("PUT", API + id + "/dossier/competencies/C1", "{\"activities\": [{\"code\": \"C1.ACT1\", \"done\": true, "
                + "\"examples\": \"a\\u0007b\"}]}", candidate(candidate)).andExpect(status().isBadRequest());
        send("PUT", API + id + "/dossier/competencies/C99", "{}", candidate(candidate)).andExpect(status().isNotFound());
        assertThat(read(API + id + "/dossier/competencies/C1", candidate(candidate)).get("version").asLong())
                .isZero();
        assertThat(read(API + id, candidate(candidate)).get("state").asText()).isEqualTo("ADMISSIBLE");
    }

    @Test
    void aCompleteDossierIsSubmittedFrozenReopenedInANewVersionComparedAndPrinted() throws Exception {
        String candidate = newCandidate();
        String id = admissible(candidate);
        fillEverything(id, candidate, "Veille mensuelle sur les entreprises du secteur sanitaire");
        assertThat(read(API + id + "/dossier/completeness", candidate(candidate)).get("complete").asBoolean()).isTrue();

        send("POST", API + id + "/dossier/submission", null, candidate(candidate)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state", is("DOSSIER_SUBMITTED")))
                .andExpect(jsonPath("$.versions", hasSize(1)));
        send("POST", API + id + "/dossier/submission", null, candidate(candidate)).andExpect(status().isConflict());

        JsonNode c2 = read(API + id + "/dossier/competencies/C2", candidate(candidate));
        ((ObjectNode) c2.get("activities").get(0)).put("examples", "Analyse des besoins d'un hôpital");
        ObjectNode change = json.createObjectNode();
        change.set("activities", c2.get("activities"));
        change.set("answers", json.createArrayNode());
        for (JsonNode q : c2.get("questions")) {
            ((ArrayNode) change.get("answers")).addObject().put("code", q.get("code").asText())
                    .put("text", q.get("answer").asText());
        }
        change.put("version", c2.get("version").asLong());
        send("PUT", API + id + "/dossier/competencies/C2", change.toString(), candidate(candidate))
                .andExpect(status().isOk());
        assertThat(read(API + id, candidate(candidate)).get("state").asText()).isEqualTo("DOSSIER_IN_PROGRESS");
        send("POST", API + id + "/dossier/submission", null, candidate(candidate)).andExpect(status().isOk())
                .andExpect(jsonPath("$.versions", hasSize(2)));

        JsonNode diff = read(API + id + "/dossier/diff?from=1&to=2", candidate(candidate));
        assertThat(diff).hasSize(1);
        assertThat(diff.get(0).get("itemCode").asText()).isEqualTo("C2.ACT1");
        assertThat(diff.get(0).get("before").asText()).contains("Veille mensuelle");
        assertThat(diff.get(0).get("after").asText()).isEqualTo("Analyse des besoins d'un hôpital");
        send("GET", API + id + "/dossier/diff?from=1&to=3", null, candidate(candidate))
                .andExpect(status().isBadRequest());

        byte[] pdf = mvc.perform(get(API + id + "/dossier/export?format=pdf").with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Dossier de validation des acquis").contains("Analyse des besoins d'un hôpital")
                    .contains("plan-actions.pdf").contains("offre.pdf (6 pages)")
                    .contains("déclare conformes et sincères");
        }
        byte[] first = mvc.perform(get(API + id + "/dossier/export?format=pdf&version=1").with(candidate(candidate)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(first)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Version déposée n° 1").doesNotContain("Analyse des besoins d'un hôpital");
        }
    }

    @Test
    void onlyTheCandidateTheOfficeAndTheAccompanyingOrganisationReadTheDossier() throws Exception {
        String candidate = newCandidate();
        String id = admissible(candidate);
        UUID employer = fixtures.organisation("Employeur");
        UUID trainer = fixtures.organisation("Organisme accompagnateur");
        String otherCandidate = newCandidate();
        String hrOfTrainer = fixtures.person("rh", Role.ORG_HR, trainer);
        String hrElsewhere = fixtures.person("rh", Role.ORG_HR, employer);
        String assessor = fixtures.person("evaluateur", Role.ASSESSOR, null);

        send("GET", API + id + "/dossier", null, office()).andExpect(status().isOk());
        for (RequestPostProcessor outsider : new RequestPostProcessor[] {candidate(otherCandidate),
                asPerson(hrOfTrainer, "ORG_HR"), asPerson(hrElsewhere, "ORG_HR"), asPerson(assessor, "ASSESSOR")}) {
            send("GET", API + id + "/dossier", null, outsider).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail", containsString("Dossier introuvable")));
            send("GET", API + id + "/dossier/export?format=pdf", null, outsider).andExpect(status().isNotFound());
        }
        send("PUT", API + id + "/dossier/accompaniment", "{\"organisationId\": \"" + UUID.randomUUID() + "\"}",
                candidate(candidate)).andExpect(status().isBadRequest());
        send("PUT", API + id + "/dossier/accompaniment", "{\"organisationId\": \"" + trainer + "\"}",
                candidate(candidate)).andExpect(status().isOk());

        send("GET", API + id + "/dossier", null, asPerson(hrOfTrainer, "ORG_HR")).andExpect(status().isOk());
        send("PUT", API + id + "/dossier/competencies/C1", "{}", asPerson(hrOfTrainer, "ORG_HR"))
                .andExpect(status().isForbidden());
        send("PUT", API + id + "/dossier/competencies/C1", "{}", office()).andExpect(status().isForbidden());
        send("GET", API + id + "/dossier", null, asPerson(hrElsewhere, "ORG_HR")).andExpect(status().isNotFound());
        assertThat(read(API + id, candidate(candidate)).get("state").asText()).isEqualTo("ADMISSIBLE");
    }

    @Test
    void accommodationNeedsNeedConsentAndReachOnlyTheCandidateAndTheOffice() throws Exception {
        String candidate = newCandidate();
        String id = submitted(candidate);
        UUID trainer = fixtures.organisation("Organisme");
        String hr = fixtures.person("rh", Role.ORG_HR, trainer);

        send("PUT", API + id + "/accommodation", "{\"needs\": [\"EXTRA_TIME\"]}", candidate(candidate))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("accord")));
        send("PUT", API + id + "/accommodation", "{\"needs\": [\"OTHER\"], \"consent\": true}", candidate(candidate))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("autre besoin")));
        send("PUT", API + id + "/accommodation", "{\"needs\": [\"TELEPORTATION\"], \"consent\": true}",
                candidate(candidate)).andExpect(status().isBadRequest());
        assertThat(read(API + id + "/accommodation", candidate(candidate)).get("needs")).isEmpty();

        send("PUT", API + id + "/accommodation", "{\"needs\": [\"EXTRA_TIME\", \"ACCESSIBLE_ROOM\"], \"details\": "
                + "\"Un tiers-temps.\", \"consent\": true}", candidate(candidate)).andExpect(status().isOk());
        JsonNode seen = read(API + id + "/accommodation", office());
        assertThat(seen.get("needs").toString()).contains("EXTRA_TIME").contains("ACCESSIBLE_ROOM");
        assertThat(seen.get("consentAt").isNull()).isFalse();
        send("GET", API + id + "/accommodation", null, asPerson(hr, "ORG_HR")).andExpect(status().isNotFound());
        send("GET", API + id + "/accommodation", null, user(userDetails.loadUserByUsername(
                ApplicationFixtures.ADMIN))).andExpect(status().isNotFound());
        send("PUT", API + id + "/accommodation", "{\"needs\": []}", office()).andExpect(status().isForbidden());
        assertThat(read(API + id + "/accommodation", candidate(candidate)).get("needs")).hasSize(2);
    }

    @Test
    void theCandidateFindsTheAccompanyingOrganisationByNameWithAtMostTwentyAnswersAndOnlyTheCandidateMaySearch()
            throws Exception {
        String candidate = newCandidate();
        String id = admissible(candidate);
        String mark = ApplicationFixtures.suffix();
        UUID quartz = fixtures.organisation("Atelier Quartz " + mark);
        for (int i = 0; i < 21; i++) {
            fixtures.organisation("Lot " + mark + " n" + i);
        }
        String search = API + id + "/dossier/accompaniment/organisations?q=";

        JsonNode found = read(search + "ATELIER QUARTZ " + mark.toUpperCase(java.util.Locale.ROOT),
                candidate(candidate));
        assertThat(found.findValuesAsText("id")).containsExactly(quartz.toString());
        assertThat(found.get(0).get("address").asText()).isEqualTo("Nantes");
        JsonNode lot = read(search + "lot " + mark, candidate(candidate));
        assertThat(lot).hasSize(20);
        assertThat(lot.findValuesAsText("name")).isSorted();
        assertThat(read(search + "%25_", candidate(candidate))).isEmpty();

        for (String tooShort : new String[] {"", "a", " b "}) {
            send("GET", search + tooShort, null, candidate(candidate)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", containsString("Tapez de 2 à 100 caractères")));
        }
        send("GET", search + "x".repeat(101), null, candidate(candidate)).andExpect(status().isBadRequest());
        send("GET", search + mark, null, candidate(newCandidate())).andExpect(status().isNotFound());
        send("GET", search + mark, null, office()).andExpect(status().isForbidden());
    }

    @Test
    void withoutJavaScriptThePageSearchesByAPlainGetAndTheChosenOrganisationIsSaved() throws Exception {
        String candidate = newCandidate();
        String id = admissible(candidate);
        String mark = ApplicationFixtures.suffix();
        UUID quartz = fixtures.organisation("Atelier Quartz " + mark);
        String page = "/candidatures/" + id + "/dossier";

        String before = mvc.perform(get(page).with(candidate(candidate))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(before).contains("<label for=\"organisme\">Rechercher l'organisme de formation par son nom")
                .contains("aria-describedby=\"organisme-aide\"").doesNotContain("<select id=\"organisationId\"");
        String results = mvc.perform(get(page).param("organisme", "quartz " + mark).with(candidate(candidate)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(results).contains("value=\"" + quartz + "\"").contains("1 organisme(s) trouvé(s).");
        assertThat(mvc.perform(get(page).param("organisme", "q").with(candidate(candidate))).andReturn().getResponse()
                .getContentAsString()).contains("Tapez de 2 à 100 caractères").contains("aria-invalid=\"true\"");

        mvc.perform(post(page + "/accompagnement").param("organisationId", quartz.toString())
                .with(candidate(candidate)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(read(API + id + "/dossier", candidate(candidate)).get("accompanyingOrganisationId").asText())
                .isEqualTo(quartz.toString());
        assertThat(mvc.perform(get(page).with(candidate(candidate))).andReturn().getResponse().getContentAsString())
                .contains("Organisme actuel : Atelier Quartz " + mark)
                .contains("id=\"organisme-actuel\" value=\"" + quartz + "\" checked");
    }
}
