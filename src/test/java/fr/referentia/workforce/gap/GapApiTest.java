package fr.referentia.workforce.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.account.AccountAdministration;
import fr.referentia.account.Role;
import fr.referentia.workforce.Assessments;
import fr.referentia.workforce.Assessments.AssessmentInput;
import fr.referentia.workforce.JobProfiles;
import fr.referentia.workforce.JobProfiles.JobProfileInput;
import fr.referentia.workforce.JobProfiles.RequirementInput;
import fr.referentia.workforce.Staffing;
import fr.referentia.workforce.GpecPeople;
import fr.referentia.workforce.GpecPeople.Person;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The gap analysis of a person (to their job profile, to a certification, with the VAE suggestion), the
 * organisation's heat map for HR and, under disclosure control, for the observatory, and the draft plan.
 */
@IntegrationTest
class GapApiTest {

    static final String RAC = "RAC-METIERS-FORMATION";
    static final String CQP = "CQP-CONSEILLER-COMMERCIAL";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    JobProfiles profiles;

    @Autowired
    Staffing staffing;

    @Autowired
    Assessments assessments;

    @Autowired
    Clock clock;

    GpecPeople org;
    Person hr;
    Person manager;
    Person employee;
    Person newcomer;
    UUID profileId;

    @BeforeEach
    void aTeamWithAJobProfileAndAssessments() {
        org = new GpecPeople(administration);
        hr = org.person("rh", Role.ORG_HR);
        manager = org.person("manager", Role.MANAGER);
        employee = org.person("salariee", Role.EMPLOYEE);
        newcomer = org.person("nouveau", Role.EMPLOYEE);
        LocalDate today = LocalDate.now(clock);
        profileId = profiles.create(hr.email(), org.organisationId, new JobProfileInput("Formatrice", "Animer des formations",
                null, null, List.of(
                        new RequirementInput(RAC, "1", "DOM1-A1-C1", 3, "ESSENTIAL"),
                        new RequirementInput(RAC, "1", "DOM1-A1-C2", 2, "OPTIONAL"),
                        new RequirementInput(RAC, "1", "DOM1-A1-C3", 2, "ESSENTIAL")))).id();
        UUID team = staffing.createTeam(hr.email(), org.organisationId, "Pédagogie", manager.id()).id();
        staffing.assign(hr.email(), org.organisationId, employee.id(), team, profileId, today.minusYears(4).toString());
        staffing.assign(hr.email(), org.organisationId, newcomer.id(), team, profileId, today.minusMonths(3).toString());
        assess(employee, employee, RAC, "1", "DOM1-A1-C1", 3, false);
        assess(employee, employee, RAC, "1", "DOM1-A1-C2", 2, false);
        assess(manager, employee, RAC, "1", "DOM1-A1-C1", 2, false);
        assess(manager, employee, RAC, "1", "DOM1-A1-C2", null, true);
    }

    private void assess(Person by, Person who, String framework, String version, String item, Integer level,
            boolean notObserved) {
        assessments.record(by.email(), org.organisationId, who.id(), new AssessmentInput(framework, version, item, level,
                notObserved ? Boolean.TRUE : null, null, null, List.of()));
    }

    private ResultActions read(String path, String email) throws Exception {
        return mvc.perform(get(path).with(user(email)).accept(MediaType.APPLICATION_JSON));
    }

    private String person(Person person) {
        return "/api/v1/organisations/" + org.organisationId + "/people/" + person.id();
    }

    @Test
    void theGapToTheJobProfileShowsRequiredSelfAndManagerSideBySideAndCountsTheManagersLevel() throws Exception {
        read(person(employee) + "/gap", employee.email())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.coverage", closeTo(0.333, 0.001)))
                .andExpect(jsonPath("$.vaeSuggested", is(false)))
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[0].frameworkCode", is(RAC)))
                .andExpect(jsonPath("$.items[0].itemCode", is("DOM1-A1-C1")))
                .andExpect(jsonPath("$.items[0].required", is(3)))
                .andExpect(jsonPath("$.items[0].self", is(3)))
                .andExpect(jsonPath("$.items[0].manager", is(2)))
                .andExpect(jsonPath("$.items[0].status", is("GAP")))
                // « Pas eu l'occasion de le montrer » by the manager is not a low level: the person's own level counts.
                .andExpect(jsonPath("$.items[1].manager", nullValue()))
                .andExpect(jsonPath("$.items[1].status", is("MET")))
                .andExpect(jsonPath("$.items[2].status", is("NOT_ASSESSED")))
                .andExpect(jsonPath("$.nextSteps[*].text", hasItem(containsString("DOM1-A1-C1"))));
        read(person(employee) + "/gap?jobProfile=" + profileId, manager.email()).andExpect(status().isOk());
        read(person(employee) + "/gap", hr.email()).andExpect(status().isOk());
    }

    @Test
    void aHighCoverageOfACertificationWithEnoughSenioritySuggestsAVaeLinkingToItsPage() throws Exception {
        for (String item : List.of("C1", "C2", "C3", "C4", "C5")) {
            assess(employee, employee, CQP, "1", item, 3, false);
            assess(manager, employee, CQP, "1", item, 4, false);
            assess(newcomer, newcomer, CQP, "1", item, 3, false);
            assess(manager, newcomer, CQP, "1", item, 3, false);
        }
        read(person(employee) + "/gap?certification=" + CQP, employee.email())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(6)))
                .andExpect(jsonPath("$.coverage", closeTo(0.833, 0.001)))
                .andExpect(jsonPath("$.items[*].required", everyItem(is(3))))
                .andExpect(jsonPath("$.vaeSuggested", is(true)))
                .andExpect(jsonPath("$.vae.href", is("/referentiels/" + CQP)))
                .andExpect(jsonPath("$.vae.thresholdYears", is(3)));
        read(person(newcomer) + "/gap?certification=" + CQP, newcomer.email())
                .andExpect(jsonPath("$.coverage", closeTo(0.833, 0.001)))
                .andExpect(jsonPath("$.vaeSuggested", is(false)))
                .andExpect(jsonPath("$.vae.reason", containsString("3 ans d'activité")));
    }

    @Test
    void badTargetsAndOtherPeoplesGapsAreRefusedWithoutDisclosingAnything() throws Exception {
        read(person(employee) + "/gap?jobProfile=" + profileId + "&certification=" + CQP, employee.email())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("pas les deux")));
        read(person(employee) + "/gap?certification=INCONNUE", employee.email()).andExpect(status().isNotFound());
        read(person(employee) + "/gap?certification=" + RAC, employee.email()).andExpect(status().isNotFound());
        read(person(employee) + "/gap?jobProfile=pas-un-identifiant", employee.email()).andExpect(status().isBadRequest());
        read(person(employee) + "/gap?jobProfile=" + UUID.randomUUID(), employee.email()).andExpect(status().isNotFound());
        read(person(employee) + "/gap", newcomer.email()).andExpect(status().isNotFound());
        read(person(employee) + "/gap", "observer@demo.referentia.fr").andExpect(status().isNotFound());
        GpecPeople other = new GpecPeople(administration);
        Person otherHr = other.person("rh-autre", Role.ORG_HR);
        read(person(employee) + "/gap", otherHr.email()).andExpect(status().isNotFound());
        read("/api/v1/organisations/" + org.organisationId + "/heatmap", otherHr.email()).andExpect(status().isNotFound());
        read("/api/v1/organisations/" + org.organisationId + "/heatmap", employee.email()).andExpect(status().isForbidden());
    }

    @Test
    void hrSeesEveryCountOfTheHeatMapAndTheObservatoryOnlyCellsAboveTheDisclosureThreshold() throws Exception {
        String heatmap = "/api/v1/organisations/" + org.organisationId + "/heatmap";
        read(heatmap, hr.email())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.teams[0].name", is("Pédagogie")))
                .andExpect(jsonPath("$.teams[0].people", is(2)))
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.cells", hasSize(3)))
                .andExpect(jsonPath("$.cells[?(@.itemCode == 'DOM1-A1-C2')].people", hasItem(2)))
                .andExpect(jsonPath("$.cells[?(@.itemCode == 'DOM1-A1-C2')].atLevel", hasItem(1)))
                .andExpect(jsonPath("$.frequentGaps[0].people", is(1)));
        read(heatmap, "observer@demo.referentia.fr")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.aggregatesOnly", is(true)))
                .andExpect(jsonPath("$.disclosureThreshold", is(11)))
                .andExpect(jsonPath("$.teams[0].people", nullValue()))
                .andExpect(jsonPath("$.cells[*].suppressed", everyItem(is(true))))
                .andExpect(jsonPath("$.cells[*].people", everyItem(nullValue())))
                .andExpect(jsonPath("$.frequentGaps", hasSize(0)));
        read("/api/v1/organisations/" + UUID.randomUUID() + "/heatmap", "observer@demo.referentia.fr")
                .andExpect(status().isNotFound());
    }

    @Test
    void theDraftPlanAggregatesTheGapsIntoTrainingActionsAndExportsAsXlsx() throws Exception {
        read("/api/v1/organisations/" + org.organisationId + "/development-plan", hr.email())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].itemCode", is("DOM1-A1-C1")))
                .andExpect(jsonPath("$[0].priority", is("Haute")))
                .andExpect(jsonPath("$[0].people", is(1)))
                .andExpect(jsonPath("$[0].estimatedHours", is(14)));
        byte[] xlsx = mvc.perform(get("/api/v1/organisations/" + org.organisationId + "/development-plan?format=xlsx")
                        .with(user(hr.email())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Code");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("DOM1-A1-C1");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("salariee");
        }
        read("/api/v1/organisations/" + org.organisationId + "/development-plan?format=pdf", hr.email())
                .andExpect(status().isBadRequest());
        read("/api/v1/organisations/" + org.organisationId + "/development-plan", manager.email())
                .andExpect(status().isForbidden());
    }

    private MvcResult heatMap(String email, String ifNoneMatch, boolean gzip) throws Exception {
        var request = get("/api/v1/organisations/" + org.organisationId + "/heatmap").with(user(email))
                .accept(MediaType.APPLICATION_JSON);
        if (ifNoneMatch != null) {
            request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        if (gzip) {
            request.header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br");
        }
        return mvc.perform(request).andReturn();
    }

    private static String json(MvcResult result) throws Exception {
        byte[] body = result.getResponse().getContentAsByteArray();
        if ("gzip".equals(result.getResponse().getHeader(HttpHeaders.CONTENT_ENCODING))) {
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Integer cell(MvcResult result, String field, String itemCode) throws Exception {
        List<Integer> values = JsonPath.read(json(result), "$.cells[?(@.itemCode == '" + itemCode + "')]." + field);
        return values.get(0);
    }

    @Test
    void theHeatMapIsTaggedAndRevalidatingItGets304UntilAnAssessmentOrAJobOfThisOrganisationChanges() throws Exception {
        MvcResult first = heatMap(hr.email(), null, false);
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        String tag = first.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(tag).startsWith("\"").endsWith("\"");
        assertThat(first.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-cache").contains("private");
        assertThat(cell(first, "atLevel", "DOM1-A1-C1")).isZero();

        MvcResult unchanged = heatMap(hr.email(), tag, false);
        assertThat(unchanged.getResponse().getStatus()).isEqualTo(304);
        assertThat(unchanged.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(unchanged.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(tag);

        // Another organisation's change keeps this one's map.
        GpecPeople other = new GpecPeople(administration);
        Person otherHr = other.person("rh-ailleurs", Role.ORG_HR);
        staffing.createTeam(otherHr.email(), other.organisationId, "Ailleurs",
                other.person("manager-ailleurs", Role.MANAGER).id());
        assertThat(heatMap(hr.email(), tag, false).getResponse().getStatus()).isEqualTo(304);

        // An assessment of this organisation: a new answer, a new tag.
        assess(manager, newcomer, RAC, "1", "DOM1-A1-C1", 3, false);
        MvcResult assessed = heatMap(hr.email(), tag, false);
        assertThat(assessed.getResponse().getStatus()).isEqualTo(200);
        String assessedTag = assessed.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(assessedTag).isNotEqualTo(tag);
        assertThat(cell(assessed, "atLevel", "DOM1-A1-C1")).isEqualTo(1);

        // A job change of this organisation: a new answer again.
        Person third = org.person("troisieme", Role.EMPLOYEE);
        UUID team = UUID.fromString(JsonPath.read(json(assessed), "$.teams[0].id"));
        staffing.assign(hr.email(), org.organisationId, third.id(), team, profileId,
                LocalDate.now(clock).minusDays(1).toString());
        MvcResult assigned = heatMap(hr.email(), assessedTag, false);
        assertThat(assigned.getResponse().getStatus()).isEqualTo(200);
        assertThat(assigned.getResponse().getHeader(HttpHeaders.ETAG)).isNotIn(tag, assessedTag);
        assertThat(cell(assigned, "people", "DOM1-A1-C1")).isEqualTo(3);
    }

    @Test
    void aCompressedHeatMapIsTheSameJsonAndTheObservatoryNeverGetsTheAnswerOfHr() throws Exception {
        MvcResult plain = heatMap(hr.email(), null, false);
        MvcResult compressed = heatMap(hr.email(), null, true);
        assertThat(plain.getResponse().getHeader(HttpHeaders.CONTENT_ENCODING)).isNull();
        assertThat(compressed.getResponse().getHeader(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
        assertThat(compressed.getResponse().getHeaders(HttpHeaders.VARY)).anyMatch(v -> v.contains("Accept-Encoding"));
        assertThat(json(compressed)).isEqualTo(json(plain));
        assertThat(compressed.getResponse().getHeader(HttpHeaders.ETAG))
                .isEqualTo(plain.getResponse().getHeader(HttpHeaders.ETAG));
        assertThat(JsonPath.<Integer>read(json(plain), "$.cells[0].people")).isEqualTo(2);

        String hrTag = plain.getResponse().getHeader(HttpHeaders.ETAG);
        for (boolean gzip : List.of(false, true)) {
            MvcResult observer = heatMap("observer@demo.referentia.fr", hrTag, gzip);
            assertThat(observer.getResponse().getStatus()).isEqualTo(200);
            assertThat(observer.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(hrTag);
            String body = json(observer);
            assertThat(JsonPath.<Boolean>read(body, "$.aggregatesOnly")).isTrue();
            assertThat(JsonPath.<List<Object>>read(body, "$.cells[*].people")).containsOnlyNulls();
            assertThat(JsonPath.<List<Boolean>>read(body, "$.cells[*].suppressed")).containsOnly(true);
            assertThat(JsonPath.<List<Object>>read(body, "$.teams[*].people")).containsOnlyNulls();
        }
        // HR revalidating with the observatory's tag gets its own answer.
        String observerTag = heatMap("observer@demo.referentia.fr", null, false).getResponse().getHeader(HttpHeaders.ETAG);
        MvcResult again = heatMap(hr.email(), observerTag, false);
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(json(again), "$.cells[0].people")).isEqualTo(2);
    }

    @Test
    void theHeatMapPageShowsEachCellOfTheTeamAsAtLevelOverRequired() throws Exception {
        String page = mvc.perform(get("/gpec/organismes/" + org.organisationId + "/cartographie").with(user(hr.email())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var cells = Jsoup.parse(page).select("td.heat");
        // C1: nobody at level 3 (the manager's 2 counts); C2: the employee (her own 2, the manager did not observe);
        // C3: nobody assessed. Two people are required to hold each.
        assertThat(cells).extracting(Element::text).containsExactly("0 / 2", "1 / 2", "0 / 2");
    }
}
