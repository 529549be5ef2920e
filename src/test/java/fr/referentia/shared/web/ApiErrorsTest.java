package fr.referentia.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The API's refusals that {@code ApiBadInputSweepTest} found answered with a 500 or in English, each answered
 * as a French problem detail and changing nothing.
 */
@IntegrationTest
class ApiErrorsTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ObjectMapper json;

    private RequestPostProcessor admin() {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(ADMIN));
    }

    @Test
    void aJsonTextHoldingANulOrAHalfSurrogateIsRefusedByNameInsteadOfReachingTheDatabase() throws Exception {
        // Was a 500: PostgreSQL « invalid byte sequence for encoding "UTF8": 0x00 ».
        long before = jdbc.queryForObject("select count(*) from cross_association", Long.class);
        Map<String, String> refusals = Map.of("CQP\\u0000X", "contient un caractère nul (U+0000, position 4)",
                "CQP\\ud800", "contient un demi-caractère isolé (substitut UTF-16) (U+D800, position 4)");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            String value = refusal.getKey();
            mvc.perform(post("/api/v1/comparisons/decisions").with(admin()).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                            .content(("{\"originFramework\": \"" + value + "\", \"originCode\": \"B\", "
                                    + "\"destinationFramework\": \"CQP-GESTIONNAIRE-DISPOSITIFS\", \"destinationCode\": \"C\", "
                                    + "\"decision\": \"REJECTED\"}").getBytes(StandardCharsets.UTF_8)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.title").value("Requête mal formée"))
                    .andExpect(jsonPath("$.detail").value("Le champ « originFramework » " + refusal.getValue() + "."));
        }
        assertThat(jdbc.queryForObject("select count(*) from cross_association", Long.class)).isEqualTo(before);
    }

    @Test
    void invisibleCharactersInAnyTextOfARequestBodyAreRefusedNamingTheFieldTheCharacterAndItsPlace() throws Exception {
        // Were accepted and stored: a zero-width space, a right-to-left override, a byte order mark, a C1 control.
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("B\u200B", "contient un caractère invisible de mise en forme (U+200B, position 2)");
        refusals.put("\u202EB", "contient un caractère invisible de mise en forme (U+202E, position 1)");
        refusals.put("B\uFEFFC", "contient un caractère invisible de mise en forme (U+FEFF, position 2)");
        refusals.put("BC\u0085", "contient un caractère de contrôle (U+0085, position 3)");
        long decisions = jdbc.queryForObject("select count(*) from cross_association", Long.class);
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            String body = json.writeValueAsString(Map.of("originFramework", "CQP-CONSEILLER-COMMERCIAL",
                    "originCode", refusal.getKey(), "destinationFramework", "CQP-GESTIONNAIRE-DISPOSITIFS",
                    "destinationCode", "C", "decision", "REJECTED"));
            mvc.perform(post("/api/v1/comparisons/decisions").with(admin()).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                            .content(body.getBytes(StandardCharsets.UTF_8)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Requête mal formée"))
                    .andExpect(jsonPath("$.detail").value("Le champ « originCode » " + refusal.getValue() + "."));
        }
        assertThat(jdbc.queryForObject("select count(*) from cross_association", Long.class)).isEqualTo(decisions);

        // A text deep in the body is named with its place: the second requirement of a job profile.
        String hr = "org-hr@demo.referentia.fr";
        UUID organisation = jdbc.queryForObject("select id from organisation where siret = '12345678200002'", UUID.class);
        long profiles = jdbc.queryForObject("select count(*) from job_profile", Long.class);
        String profile = json.writeValueAsString(Map.of("title", "Poste invisible", "requirements", List.of(
                Map.of("frameworkCode", "RAC-METIERS-FORMATION", "itemCode", "DOM1-A1-C1", "level", 2),
                Map.of("frameworkCode", "RAC-METIERS-FORMATION", "itemCode", "DOM1-A1\u200B-C2", "level", 2))));
        mvc.perform(post("/api/v1/organisations/" + organisation + "/job-profiles")
                        .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(hr))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(profile))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Le champ « requirements[2].itemCode » contient un caractère "
                        + "invisible de mise en forme (U+200B, position 8)."));
        assertThat(jdbc.queryForObject("select count(*) from job_profile", Long.class)).isEqualTo(profiles);
    }

    @Test
    void textsWithLineBreaksTabsFrenchSpacesAccentsAndEmojiAreStillAccepted() throws Exception {
        String code = "ESSAI-TEXTES-ORDINAIRES";
        mvc.perform(post("/api/v1/frameworks").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("code", code,
                                "title", "Référentiel d'essai\u00A0: « textes »", "kind", "CQP", "version", "1"))))
                .andExpect(status().isCreated());
        String text = "Accueillir le public\n\t– en face à face\u202F;\r\n– au téléphone \uD83D\uDCDE, cafe\u0301";
        mvc.perform(post("/api/v1/frameworks/" + code + "/versions/1/items").with(admin()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("code", "C1", "type", "COMPETENCY", "text", text))))
                .andExpect(status().isCreated());
        assertThat(jdbc.queryForObject("select text from framework_item where code = 'C1' and framework_id in "
                + "(select id from framework where code = ?)", String.class, code))
                .contains("public\n\t– en face à face\u202F;").contains("au téléphone \uD83D\uDCDE");
    }

    @Test
    void anImportedReferentialWithAnInvisibleCharacterIsRefusedNamingItsElementWhetherSentAsTheBodyOrUploaded()
            throws Exception {
        // The canonical JSON (and CASE) import reads its stream itself, sent as the body or uploaded; the referential's
        // own rule (WellFormedFramework, the same PlainText rule) refuses what the request-body rule would.
        for (boolean upload : new boolean[] {false, true}) {
            String code = "IMPORT-INVISIBLE-" + (upload ? "FICHIER" : "CORPS");
            byte[] file = """
                    {"format": "referentia/framework@1",
                     "framework": {"code": "%s", "kind": "CQP", "title": "Référentiel importé", "version": "1"},
                     "items": [{"code": "C1", "type": "COMPETENCY", "text": "Accueillir\u200B le public"}]}
                    """.formatted(code).getBytes(StandardCharsets.UTF_8);
            var request = upload
                    ? multipart("/api/v1/frameworks/import").file(new org.springframework.mock.web.MockMultipartFile(
                            "file", "referentiel.json", MediaType.APPLICATION_JSON_VALUE, file)).param("format", "json")
                    : post("/api/v1/frameworks/import").contentType(MediaType.APPLICATION_JSON).content(file);
            mvc.perform(request.with(admin()).with(csrf()).accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Élément n° 1 (C1) : le texte "
                            + "contient un caractère invisible de mise en forme (U+200B, position 11).")));
            assertThat(jdbc.queryForObject("select count(*) from framework where code = ?", Long.class, code))
                    .as(code).isZero();
        }
    }

    @Test
    void aNumberWhereADateIsDueIsRefusedRatherThanReadAsDaysSince1970() throws Exception {
        // Found by ApiBadInputSweepTest: {"validationDate": 12345} published a referential on 2003-10-18.
        long before = jdbc.queryForObject("select count(*) from certification_session", Long.class);
        mvc.perform(post("/api/v1/certifications/CQP-CONSEILLER-COMMERCIAL/sessions").with(admin()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                        .content("{\"startsOn\": 47000, \"endsOn\": \"2099-01-12\", \"place\": \"Lyon\", \"capacity\": 5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Le champ « startsOn » attend une date au format AAAA-MM-JJ."));
        assertThat(jdbc.queryForObject("select count(*) from certification_session", Long.class)).isEqualTo(before);
    }

    @Test
    void aBodyOfTheWrongTypeAndAMissingUploadAreRefusedInFrench() throws Exception {
        // Were « Unsupported Media Type » / « Content-Type 'text/plain' is not supported. » and « Bad Request ».
        mvc.perform(post("/api/v1/frameworks").with(admin()).with(csrf()).contentType(MediaType.TEXT_PLAIN)
                        .content("{}").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.title").value("Type de contenu refusé"))
                .andExpect(jsonPath("$.detail").value("Ce type de contenu n'est pas accepté."));
        mvc.perform(multipart("/api/v1/frameworks/import").param("format", "csv").with(admin()).with(csrf())
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Requête mal formée"))
                .andExpect(jsonPath("$.detail", not(containsString("Required"))));
    }

    @Test
    void aMethodTheAddressDoesNotOfferIsRefusedInFrenchWithTheMethodsItOffers() throws Exception {
        mvc.perform(patch("/api/v1/me").with(admin()).with(csrf()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("GET")))
                .andExpect(jsonPath("$.title").value("Méthode refusée"))
                .andExpect(jsonPath("$.detail").value("Cette méthode HTTP n'est pas acceptée à cette adresse."));
    }

    @Test
    void anApiAddressRefusedBeforeTheDispatcherGetsAFrenchProblemDetailFromTheErrorDispatch() throws Exception {
        // What the container forwards to after Spring Security's firewall refuses « %00 » in an API address: it
        // answered {"error": "Bad Request"} in English.
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/frameworks/a%00b")
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Requête mal formée"))
                .andExpect(jsonPath("$.detail").value("La requête est mal formée : vérifiez les paramètres et le corps envoyé."))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.error").doesNotExist());
        // The same for a refusal by security that no handler wrote (sendError 401 or 403 on an API address).
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/organisations")
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Accès refusé"))
                .andExpect(jsonPath("$.detail").value("Vous n'avez pas accès à cette adresse."));
    }

    @Test
    void aHugeValueIsQuotedBackShortened() throws Exception {
        // The detail quoted all 100,000 characters of a malformed identifier.
        String answer = mvc.perform(get("/api/v1/organisations/" + "a".repeat(100_000) + "/people").with(admin())
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("« organisationId »")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer);
        assertThat(problem.get("detail").asText()).hasSizeLessThan(200).contains("…");
        assertThat(problem.get("errors").get(0).asText()).hasSizeLessThan(200);
    }

    @Test
    void aProblemDetailsInstanceIsTheAddressWithEachSegmentCutAndItsInvisibleCharactersShownAsSpaces() throws Exception {
        // The instance echoed the whole path: 100,000 characters, and invisible ones as they came.
        assertThat(instance(mvc.perform(get("/api/v1/organisations/" + "a".repeat(100_000) + "/people").with(admin())
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())))
                .isEqualTo("/api/v1/organisations/" + "a".repeat(60) + "…/people");
        assertThat(instance(mvc.perform(get("/api/v1/frameworks/{code}", "CQP\u200B\u202Ex").with(admin())
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())))
                .isEqualTo("/api/v1/frameworks/CQP%20%20x");
        // Written by a filter (a NUL refused before any controller) and by the error dispatch: the same cut.
        assertThat(instance(mvc.perform(get("/api/v1/frameworks/{code}/export", "c".repeat(100_000))
                        .param("version", "a\u0000b").with(admin()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())))
                .isEqualTo("/api/v1/frameworks/" + "c".repeat(60) + "…/export");
        assertThat(instance(mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/frameworks/" + "b".repeat(100_000)
                                + "%E2%80%8B;x")
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())))
                .isEqualTo("/api/v1/frameworks/" + "b".repeat(60) + "…");
        // An ordinary address is its own instance.
        assertThat(instance(mvc.perform(get("/api/v1/frameworks/{code}", "INCONNU-2026").with(admin())
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())))
                .isEqualTo("/api/v1/frameworks/INCONNU-2026");
    }

    /** The instance of a problem detail, once its content type is checked. */
    private String instance(org.springframework.test.web.servlet.ResultActions answer) throws Exception {
        String body = answer.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body).get("instance").asText();
    }
}
