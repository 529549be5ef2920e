package fr.referentia.search.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ComparisonTest {

    static final String CQP = "CQP-CONSEILLER-COMMERCIAL";
    static final String RAC = "RAC-METIERS-FORMATION";
    static final String GESTIONNAIRE = "CQP-GESTIONNAIRE-DISPOSITIFS";
    static final String PASSWORD = "referentia-demo";
    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String OBSERVER = "observer@demo.referentia.fr";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Comparisons comparisons;

    @Test
    void proposalsOfTheCommercialCqpFindTheirCounterpartsInTheBranchFramework() throws Exception {
        JsonNode body = json.readTree(mvc.perform(get("/api/v1/comparisons")
                        .param("frameworks", CQP + "," + RAC).with(httpBasic(OBSERVER, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Map<String, List<String>> top = new HashMap<>();
        for (JsonNode item : body.get("items")) {
            assertThat(item.get("framework").asText()).isEqualTo(CQP);
            List<String> codes = new ArrayList<>();
            double previous = Double.MAX_VALUE;
            for (JsonNode proposal : item.get("proposals")) {
                assertThat(proposal.get("framework").asText()).isEqualTo(RAC);
                assertThat(proposal.get("score").asDouble()).isPositive().isLessThanOrEqualTo(previous);
                previous = proposal.get("score").asDouble();
                codes.add(proposal.get("code").asText());
            }
            top.put(item.get("code").asText(), codes);
        }
        assertThat(top).hasSize(6 + 41);
        assertThat(top.get("C2.E4")).first().isEqualTo("DOM4-A3-C1");
        assertThat(top.get("C1.E6")).first().isEqualTo("DOM4-A2-C3");
        assertThat(top.get("C4.E5")).first().isEqualTo("DOM4-A4-C5");
        assertThat(top.get("C1.E9")).first().isEqualTo("DOM4-A5-C2");
        assertThat(top.get("C3.E5")).contains("DOM4-A4-C1");
        // Every competency element of the commercial CQP is closest to the branch's commercial domain.
        long inDomain4 = top.entrySet().stream().filter(e -> e.getKey().contains(".E"))
                .filter(e -> e.getValue().get(0).startsWith("DOM4-")).count();
        assertThat(inDomain4).isGreaterThanOrEqualTo(30);
    }

    @Test
    void precisionOnTheHandLabelledPairs() throws Exception {
        Map<String, Map<String, Boolean>> labels = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("labelled-pairs.csv"), StandardCharsets.UTF_8))) {
            in.lines().skip(1).map(line -> line.split(";")).forEach(cells -> labels
                    .computeIfAbsent(cells[0], k -> new HashMap<>()).put(cells[1], Boolean.parseBoolean(cells[2])));
        }
        Map<String, List<String>> proposed = new HashMap<>();
        comparisons.proposals(List.of(CQP, RAC), 3).items().forEach(item -> proposed.put(item.code(),
                item.proposals().stream().map(Comparisons.Proposal::code).toList()));
        double p1 = 0;
        double p3 = 0;
        double hit3 = 0;
        int pairs = 0;
        for (var entry : labels.entrySet()) {
            List<String> ranked = proposed.get(entry.getKey());
            assertThat(ranked).as(entry.getKey()).isNotEmpty();
            long relevantIn3 = ranked.stream().filter(code -> entry.getValue().getOrDefault(code, false)).count();
            p1 += entry.getValue().getOrDefault(ranked.get(0), false) ? 1 : 0;
            p3 += relevantIn3 / 3.0;
            hit3 += relevantIn3 > 0 ? 1 : 0;
            pairs += entry.getValue().size();
            // A pair labelled false is never the first proposal.
            entry.getValue().forEach((code, relevant) -> {
                if (!relevant) {
                    assertThat(ranked.get(0)).as(entry.getKey()).isNotEqualTo(code);
                }
            });
        }
        int origins = labels.size();
        p1 /= origins;
        p3 /= origins;
        hit3 /= origins;
        System.out.printf("Comparison quality on %d labelled pairs (%d origins): P@1 = %.3f, P@3 = %.3f, "
                + "success@3 = %.3f%n", pairs, origins, p1, p3, hit3);
        assertThat(p1).isGreaterThanOrEqualTo(P1_FLOOR);
        assertThat(p3).isGreaterThanOrEqualTo(P3_FLOOR);
        assertThat(hit3).isGreaterThanOrEqualTo(HIT3_FLOOR);
    }

    // Measured on the seeds: P@1 = 0.962, P@3 = 0.333, success@3 = 0.962 (issue 11; was 0.885 / 0.333 / 0.962,
    // docs/performance.md). The pairs judged for issue 11 have their own floors: judged.JudgedSetsTest.
    static final double P1_FLOOR = 0.92;
    static final double P3_FLOOR = 0.30;
    static final double HIT3_FLOOR = 0.92;

    @Test
    void confirmingAndRejectingPersistAndTheMatrixFollows() throws Exception {
        String gestionnaireCompetency = comparisons.proposals(List.of(CQP, GESTIONNAIRE), 1).items().stream()
                .filter(item -> item.code().equals("C6.E3")).findFirst().orElseThrow().proposals().get(0).code();
        decide("C6.E3", gestionnaireCompetency, "CONFIRMED", "IS_RELATED_TO", ADMIN).andExpect(status().isOk());
        decide("C6.E4", gestionnaireCompetency, "REJECTED", null, ADMIN).andExpect(status().isOk());

        var comparison = comparisons.proposals(List.of(CQP, GESTIONNAIRE), 1);
        assertThat(comparison.decisions()).anySatisfy(d -> {
            assertThat(d.origin()).isEqualTo(new ItemRef(CQP, "C6.E3"));
            assertThat(d.decision()).isEqualTo(Decision.CONFIRMED);
            assertThat(d.type()).hasToString("IS_RELATED_TO");
            assertThat(d.decidedBy()).isEqualTo(ADMIN);
        }).anySatisfy(d -> {
            assertThat(d.origin()).isEqualTo(new ItemRef(CQP, "C6.E4"));
            assertThat(d.decision()).isEqualTo(Decision.REJECTED);
            assertThat(d.type()).isNull();
        });
        assertThat(comparison.items().stream().filter(i -> i.code().equals("C6.E3")).findFirst().orElseThrow()
                .proposals().get(0).decision()).isEqualTo(Decision.CONFIRMED);

        var common = comparisons.matrix(List.of(CQP, GESTIONNAIRE), MatrixFilter.COMMON).lines();
        assertThat(common).anySatisfy(line -> {
            assertThat(line.byFramework().get(CQP)).extracting(ComparisonMatrix.Cell::code).contains("C6.E3");
            assertThat(line.byFramework().get(GESTIONNAIRE)).extracting(ComparisonMatrix.Cell::code)
                    .contains(gestionnaireCompetency);
        });
        assertThat(common).noneSatisfy(line -> assertThat(line.byFramework().get(CQP))
                .extracting(ComparisonMatrix.Cell::code).contains("C6.E4"));
        assertThat(comparisons.matrix(List.of(CQP, GESTIONNAIRE), MatrixFilter.onlyIn(CQP)).lines())
                .flatExtracting(line -> line.byFramework().get(CQP)).extracting(ComparisonMatrix.Cell::code)
                .contains("C6.E4").doesNotContain("C6.E3");

        // Changing one's mind replaces the decision.
        decide("C6.E3", gestionnaireCompetency, "REJECTED", null, ADMIN).andExpect(status().isOk());
        assertThat(comparisons.matrix(List.of(CQP, GESTIONNAIRE), MatrixFilter.onlyIn(CQP)).lines())
                .flatExtracting(line -> line.byFramework().get(CQP)).extracting(ComparisonMatrix.Cell::code)
                .contains("C6.E3");
        decide("C6.E3", gestionnaireCompetency, "CONFIRMED", "EXACT_MATCH_OF", ADMIN).andExpect(status().isOk());

        String page = mvc.perform(get("/comparaisons").param("referentiels", CQP + "," + GESTIONNAIRE)
                        .param("filtre", "communes").with(user(OBSERVER).roles("OBSERVER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("C6.E3", gestionnaireCompetency).doesNotContain(">C6.E4<");

        byte[] xlsx = mvc.perform(get("/comparaisons/export.xlsx").param("referentiels", CQP + "," + GESTIONNAIRE)
                        .param("filtre", "communes").with(user(OBSERVER).roles("OBSERVER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).startsWith(CQP);
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(2);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).contains("C6.E3");
        }
        byte[] pdf = mvc.perform(get("/comparaisons/export.pdf").param("referentiels", CQP + "," + GESTIONNAIRE)
                        .with(user(OBSERVER).roles("OBSERVER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void onlyTheBranchAdministratorDecides() throws Exception {
        decide("C1", "C1", "REJECTED", null, OBSERVER).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/comparisons/decisions").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(csrf()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void badRequestsAreExplained() throws Exception {
        mvc.perform(get("/api/v1/comparisons").param("frameworks", CQP + ",INCONNU")
                .with(httpBasic(ADMIN, PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/comparisons").param("frameworks", CQP).with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/comparaisons").param("referentiels", CQP).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isBadRequest());
        decide("C1", "C1", "CONFIRMED", null, ADMIN).andExpect(status().isBadRequest());
        decide("C1", "C1", "CONFIRMED", "VALIDATES", ADMIN).andExpect(status().isBadRequest());
        decide("C99", "C1", "REJECTED", null, ADMIN).andExpect(status().isNotFound());
    }

    @Test
    void aDecisionWithoutItsItemCodesIsRefusedWithoutQuotingNull() throws Exception {
        // Found by ApiBadInputSweepTest: a 404 « … n'a pas d'élément de code « null » ».
        mvc.perform(post("/api/v1/comparisons/decisions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"originFramework\": \"" + CQP + "\", \"destinationFramework\": \"RAC-METIERS-FORMATION\", "
                                + "\"destinationCode\": \"C1\", \"decision\": \"REJECTED\"}")
                        .with(httpBasic(ADMIN, PASSWORD)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("originCode"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("null")))));
    }

    private org.springframework.test.web.servlet.ResultActions decide(String origin, String destination,
            String decision, String type, String who) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("originFramework", CQP, "originCode", origin,
                "destinationFramework", GESTIONNAIRE, "destinationCode", destination, "decision", decision));
        if (type != null) {
            body.put("type", type);
        }
        return mvc.perform(post("/api/v1/comparisons/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)).with(httpBasic(who, PASSWORD)));
    }
}
