package fr.referentia.workforce.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import fr.referentia.account.AccountAdministration;
import fr.referentia.account.Role;
import fr.referentia.workforce.GpecPeople;
import fr.referentia.workforce.GpecPeople.Person;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Entretiens de parcours professionnel through the API: R16's schedule, the record, its copy, and bad input. */
@IntegrationTest
class CareerInterviewApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    GpecPeople org;
    Person hr;
    Person employee;
    Person colleague;
    LocalDate today;

    @BeforeEach
    void anOrganisationWithItsHrAndTwoEmployees() {
        org = new GpecPeople(administration);
        hr = org.person("rh", Role.ORG_HR);
        employee = org.person("salariee", Role.EMPLOYEE);
        colleague = org.person("collegue", Role.EMPLOYEE);
        today = LocalDate.now(clock);
    }

    private String base(Person person) {
        return "/api/v1/organisations/" + org.organisationId + "/people/" + person.id();
    }

    private ResultActions send(String method, String path, String body, Person as) throws Exception {
        var request = (method.equals("PUT") ? put(path) : post(path)).with(user(as.email())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body).accept(MediaType.APPLICATION_JSON);
        return mvc.perform(request);
    }

    private ResultActions read(String path, Person as) throws Exception {
        return mvc.perform(get(path).with(user(as.email())).accept(MediaType.APPLICATION_JSON));
    }

    private void hired(Person person, LocalDate hiredOn, LocalDate born) throws Exception {
        send("PUT", base(person) + "/employment", """
                {"hiredOn": "%s", "birthDate": %s}""".formatted(hiredOn, born == null ? "null" : "\"" + born + "\""), hr)
                .andExpect(status().isOk());
    }

    private long interviewRows() {
        return jdbc.sql("SELECT COUNT(*) FROM career_interview WHERE organisation_id = ?").param(org.organisationId)
                .query(Long.class).single();
    }

    @Test
    void hrRecordsAnInterviewThePersonReadsItWithItsCopyAndNoRatingAppearsAnywhere() throws Exception {
        hired(employee, today.minusYears(2), null);
        String created = send("POST", base(employee) + "/career-interviews", """
                {"date": "%s", "kind": "PERIODIC", "participantIds": ["%s"],
                 "topics": ["Compétences et leur évolution", "Utilisation du compte personnel de formation (CPF) et abondements"],
                 "followUps": "Formation à la conception de parcours multimodaux.", "rating": 4}"""
                .formatted(today.minusDays(3), hr.id()), hr)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind", is("PERIODIC")))
                .andExpect(jsonPath("$.participantIds", hasItem(employee.id().toString())))
                .andExpect(jsonPath("$.participantIds", hasItem(hr.id().toString())))
                .andExpect(jsonPath("$.topics", hasSize(2)))
                .andExpect(jsonPath("$.rating").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(created).get("id").asText();

        read(base(employee) + "/career-interviews", employee)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].followUps", is("Formation à la conception de parcours multimodaux.")))
                .andExpect(jsonPath("$[0].copyDeliveredOn").doesNotExist());

        send("POST", base(employee) + "/career-interviews/" + id + "/delivery", "{\"deliveredOn\": \"%s\"}"
                .formatted(today.minusDays(2)), hr)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.copyDeliveredOn", is(today.minusDays(2).toString())));
        byte[] pdf = mvc.perform(get(base(employee) + "/career-interviews/" + id + "/copy").with(user(employee.email())))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Entretien de parcours professionnel", "salariee", "Compétences et leur évolution",
                    "Copie remise au salarié le", "ne porte pas sur l'évaluation du travail");
        }
    }

    @Test
    void anInterviewDatedBeforeHiringOrInTheFutureIsRefusedInFrenchAndNothingIsRecorded() throws Exception {
        hired(employee, today.minusYears(1), null);
        String body = """
                {"date": "%s", "kind": "PERIODIC", "participantIds": [], "topics": ["Formation"], "followUps": ""}""";
        send("POST", base(employee) + "/career-interviews", body.formatted(today.minusYears(2)), hr)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("précède l'embauche")));
        send("POST", base(employee) + "/career-interviews", body.formatted(today.plusDays(1)), hr)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("dans le futur")));
        send("POST", base(employee) + "/career-interviews", body.formatted("12/03/2026"), hr)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("n'est pas une date")));
        send("POST", base(employee) + "/career-interviews", """
                {"date": "%s", "kind": "APPRAISAL", "topics": []}""".formatted(today), hr)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasItem(containsString("APPRAISAL"))))
                .andExpect(jsonPath("$.errors", hasItem(containsString("au moins un thème"))));
        send("POST", base(employee) + "/career-interviews", """
                {"date": "%s", "kind": "MID_CAREER", "topics": ["Formation"]}""".formatted(today), hr)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("date de naissance")));
        send("POST", base(employee) + "/career-interviews", """
                {"date": "%s", "kind": "SUMMARY_REVIEW", "topics": ["Formation"]}""".formatted(today), hr)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("progression")));
        assertThat(interviewRows()).isZero();
    }

    @Test
    void noInterviewWithoutAHiringDateAndNoHiringDateInTheFutureOrAfterAnInterview() throws Exception {
        send("POST", base(colleague) + "/career-interviews", """
                {"date": "%s", "kind": "PERIODIC", "topics": ["Formation"]}""".formatted(today), hr)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("date d'embauche")));
        send("PUT", base(colleague) + "/employment", "{\"hiredOn\": \"%s\"}".formatted(today.plusDays(10)), hr)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("dans le futur")));
        send("PUT", base(colleague) + "/employment", "{\"hiredOn\": \"%s\", \"birthDate\": \"%s\"}"
                .formatted(today.minusYears(1), today.minusYears(10)), hr)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("moins de 14 ans")));
        read(base(colleague) + "/employment", hr).andExpect(status().isOk()).andExpect(jsonPath("$.hiredOn").doesNotExist());

        hired(colleague, today.minusYears(3), null);
        send("POST", base(colleague) + "/career-interviews", """
                {"date": "%s", "kind": "PERIODIC", "topics": ["Formation"]}""".formatted(today.minusYears(2)), hr)
                .andExpect(status().isCreated());
        send("PUT", base(colleague) + "/employment", "{\"hiredOn\": \"%s\"}".formatted(today.minusYears(1)), hr)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("avant cette date d'embauche")));
        read(base(colleague) + "/employment", hr).andExpect(jsonPath("$.hiredOn", is(today.minusYears(3).toString())));
    }

    @Test
    void onlyTheOrganisationsHrRecordsThePersonReadsTheirOwnAndAnotherOrganisationReadsUnknown() throws Exception {
        hired(employee, today.minusYears(2), null);
        String body = """
                {"date": "%s", "kind": "PERIODIC", "topics": ["Formation"]}""".formatted(today);
        // Inside the organisation, a role that may not record is refused; a colleague reads the person as unknown.
        send("POST", base(employee) + "/career-interviews", body, employee).andExpect(status().isForbidden());
        send("POST", base(employee) + "/career-interviews", body, colleague).andExpect(status().isForbidden());
        read(base(employee) + "/career-interviews", colleague).andExpect(status().isNotFound());
        read("/api/v1/organisations/" + org.organisationId + "/career-interviews/due", employee)
                .andExpect(status().isForbidden());

        GpecPeople other = new GpecPeople(administration);
        Person otherHr = other.person("rh-autre", Role.ORG_HR);
        send("POST", base(employee) + "/career-interviews", body, otherHr).andExpect(status().isNotFound());
        read(base(employee) + "/career-interviews", otherHr).andExpect(status().isNotFound());
        // The other HR's own organisation with this person's id: not one of theirs.
        read("/api/v1/organisations/" + other.organisationId + "/people/" + employee.id() + "/career-interviews", otherHr)
                .andExpect(status().isNotFound());
        assertThat(interviewRows()).isZero();
        read(base(employee) + "/career-interviews", employee).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void hrSeesOverdueAndUpcomingInterviewsAndThePeopleWithoutAHiringDate() throws Exception {
        hired(employee, today.minusYears(2), null);            // first interview overdue by a year
        hired(colleague, today.minusMonths(2), today.minusYears(45).minusMonths(1)); // first one to hold, just 45
        read("/api/v1/organisations/" + org.organisationId + "/career-interviews/due", hr)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue[?(@.personId == '%s')].kind".formatted(employee.id()), hasItem("PERIODIC")))
                .andExpect(jsonPath("$.upcoming[?(@.personId == '%s')].kind".formatted(colleague.id()), hasItem("PERIODIC")))
                .andExpect(jsonPath("$.upcoming[?(@.personId == '%s')].kind".formatted(colleague.id()), hasItem("MID_CAREER")))
                .andExpect(jsonPath("$.missingHiringDate[*].personId", hasItem(hr.id().toString())))
                .andExpect(jsonPath("$.missingHiringDate[*].personId", not(hasItem(employee.id().toString()))));

        send("POST", base(employee) + "/career-interviews", """
                {"date": "%s", "kind": "PERIODIC", "topics": ["Formation"]}""".formatted(today), hr)
                .andExpect(status().isCreated());
        read("/api/v1/organisations/" + org.organisationId + "/career-interviews/due", hr)
                .andExpect(jsonPath("$.overdue[*].personId", not(hasItem(employee.id().toString()))))
                .andExpect(jsonPath("$.upcoming[*].personId", not(hasItem(employee.id().toString()))));
    }

    @Test
    void aSummaryReviewShowsWhatTheDataSayAboutTheEightYearsBeforeIt() throws Exception {
        hired(employee, today.minusYears(8).minusMonths(1), null);
        send("POST", base(employee) + "/career-interviews", """
                {"date": "%s", "kind": "PERIODIC", "topics": ["Formation"]}""".formatted(today.minusYears(7).minusMonths(6)), hr)
                .andExpect(status().isCreated());
        send("POST", base(employee) + "/career-interviews", """
                {"date": "%s", "kind": "SUMMARY_REVIEW", "topics": ["Bilan du parcours"], "progression": true}"""
                .formatted(today.minusDays(1)), hr)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.summaryReview.interviewsExpected", is(2)))
                .andExpect(jsonPath("$.summaryReview.interviewsHeld", is(1)))
                .andExpect(jsonPath("$.summaryReview.trainingAction", is(false)))
                .andExpect(jsonPath("$.summaryReview.progression", is(true)));
    }
}
