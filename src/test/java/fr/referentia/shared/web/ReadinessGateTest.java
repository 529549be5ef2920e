package fr.referentia.shared.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * While the application refuses traffic (as during the seed loading at start), pages and API
 * answer 503 with a French message and the readiness probe says so; once it accepts traffic,
 * everything answers again.
 */
@IntegrationTest
class ReadinessGateTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void acceptTrafficAgain() {
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void onceStartedThePagesTheApiAndTheProbesAnswer() throws Exception {
        mvc.perform(get("/api/v1/frameworks")).andExpect(status().isOk());
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("UP")));
    }

    @Test
    void whileRefusingTrafficPagesAndApiAnswer503InFrenchAndTheProbeSaysOutOfService() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

        mvc.perform(get("/api/v1/frameworks").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status", is(503)))
                .andExpect(jsonPath("$.detail", containsString("en cours de chargement")));
        mvc.perform(get("/referentiels/CQP-CONSEILLER-COMMERCIAL").accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Referentia démarre")));
        // No login page in between: the gate answers before security.
        mvc.perform(get("/connexion").accept(MediaType.TEXT_HTML)).andExpect(status().isServiceUnavailable());

        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status", is("OUT_OF_SERVICE")));
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("UP")));
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());

        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        mvc.perform(get("/api/v1/frameworks")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(jsonPath("$.status", is("UP")));
    }
}
