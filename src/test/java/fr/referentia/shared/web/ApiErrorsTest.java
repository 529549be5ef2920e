package fr.referentia.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
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

    private RequestPostProcessor admin() {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(ADMIN));
    }

    @Test
    void aJsonTextHoldingANulOrAHalfSurrogateIsRefusedByNameInsteadOfReachingTheDatabase() throws Exception {
        // Was a 500: PostgreSQL « invalid byte sequence for encoding "UTF8": 0x00 ».
        long before = jdbc.queryForObject("select count(*) from cross_association", Long.class);
        for (String value : new String[] {"CQP\\u0000X", "CQP\\ud800"}) {
            mvc.perform(post("/api/v1/comparisons/decisions").with(admin()).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                            .content(("{\"originFramework\": \"" + value + "\", \"originCode\": \"B\", "
                                    + "\"destinationFramework\": \"CQP-GESTIONNAIRE-DISPOSITIFS\", \"destinationCode\": \"C\", "
                                    + "\"decision\": \"REJECTED\"}").getBytes(StandardCharsets.UTF_8)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.title").value("Requête mal formée"))
                    .andExpect(jsonPath("$.detail").value("Le champ « originFramework » contient un caractère refusé "
                            + "(caractère nul ou demi-caractère Unicode isolé)."));
        }
        assertThat(jdbc.queryForObject("select count(*) from cross_association", Long.class)).isEqualTo(before);
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
                .andExpect(jsonPath("$.title").value("Requête mal formée"))
                .andExpect(jsonPath("$.detail").value("La requête est mal formée : vérifiez les paramètres et le corps envoyé."))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.error").doesNotExist());
        // The same for a refusal by security that no handler wrote (sendError 401 or 403 on an API address).
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/organisations")
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isForbidden())
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
}
