package fr.referentia.workforce.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.referentia.IntegrationTest;
import fr.referentia.account.AccountAdministration;
import fr.referentia.account.Role;
import fr.referentia.workforce.Assessments;
import fr.referentia.workforce.Assessments.AssessmentInput;
import fr.referentia.workforce.GpecPeople;
import fr.referentia.workforce.GpecPeople.Person;
import fr.referentia.workforce.JobProfiles;
import fr.referentia.workforce.JobProfiles.JobProfileInput;
import fr.referentia.workforce.JobProfiles.RequirementInput;
import fr.referentia.workforce.Staffing;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The branch-wide gaps computed by the database in one statement ({@link BranchGaps}) are the gaps
 * {@link GapAnalyses} gives person by person: to the job profile and to certifications, the latter also read
 * through a confirmed match — on people assessed in a random order (seeded), with older and newer levels,
 * « not observed », a manager's level or none, a change of job, a job without a profile and no assessment at all.
 */
@IntegrationTest
class BranchGapsTest {

    static final String RAC = "RAC-METIERS-FORMATION";
    static final String CQP = "CQP-CONSEILLER-COMMERCIAL";
    static final String TITRE = "TITRE-PILOTAGE-DISPOSITIFS";
    static final List<String> CERTIFICATIONS = List.of(CQP, TITRE);
    /** Branch framework competencies assessed; the first is confirmed as matching CQP's C2. */
    static final List<String> COMPETENCIES = List.of("DOM1-A1-C1", "DOM1-A1-C2", "DOM1-A1-C3", "DOM1-A2-C1",
            "DOM1-A2-C2");
    static final List<String> CQP_ITEMS = List.of("C1", "C2", "C3", "C4", "C5");

    @Autowired
    AccountAdministration administration;

    @Autowired
    JobProfiles profiles;

    @Autowired
    Staffing staffing;

    @Autowired
    Assessments assessments;

    @Autowired
    GapAnalyses analyses;

    @Autowired
    BranchGaps branchGaps;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @AfterEach
    void withdrawTheMatch() {
        jdbc.update("DELETE FROM cross_association WHERE origin_framework = ? AND origin_code = 'C2' "
                + "AND destination_framework = ? AND destination_code = ?", CQP, RAC, COMPETENCIES.get(0));
    }

    private void assess(Person by, Person who, GpecPeople org, String framework, String item, Integer level) {
        assessments.record(by.email(), org.organisationId, who.id(), new AssessmentInput(framework, "1", item, level,
                level == null ? Boolean.TRUE : null, null, null, List.of()));
    }

    private UUID profile(Person hr, GpecPeople org, String title, int... levels) {
        List<RequirementInput> requirements = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            requirements.add(new RequirementInput(RAC, "1", COMPETENCIES.get(i), levels[i], i % 2 == 0 ? "ESSENTIAL"
                    : "OPTIONAL"));
        }
        return profiles.create(hr.email(), org.organisationId, new JobProfileInput(title, "Fiche de test", null, null,
                requirements)).id();
    }

    @Test
    void theGapsOfEveryEmployeeFromOneStatementAreThoseOfTheAnalysisPersonByPerson() {
        jdbc.update("INSERT INTO cross_association (origin_framework, origin_code, destination_framework, destination_code, "
                + "decision, type, decided_by, decided_at) VALUES (?, 'C2', ?, ?, 'CONFIRMED', 'EXACT_MATCH_OF', "
                + "'branch-admin@demo.referentia.fr', CURRENT_TIMESTAMP)", CQP, RAC, COMPETENCIES.get(0));
        Random random = new Random(12);
        GpecPeople org = new GpecPeople(administration);
        Person hr = org.person("rh", Role.ORG_HR);
        Person manager = org.person("manager", Role.MANAGER);
        UUID trainer = profile(hr, org, "Formatrice", 3, 2, 2);
        UUID coordinator = profile(hr, org, "Coordinatrice", 1, 4, 3, 2, 1);
        UUID team = staffing.createTeam(hr.email(), org.organisationId, "Pédagogie", manager.id()).id();
        LocalDate today = LocalDate.now(clock);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Person person = org.person("salarie" + i, Role.EMPLOYEE);
            people.add(person);
            staffing.assign(hr.email(), org.organisationId, person.id(), team, i % 2 == 0 ? trainer : coordinator,
                    today.minusYears(1 + i).toString());
        }
        // One changes job: the newest assignment counts. One has a team but no job profile: no job, not counted.
        staffing.assign(hr.email(), org.organisationId, people.get(0).id(), team, coordinator, today.minusDays(10).toString());
        Person withoutProfile = org.person("sansfiche", Role.EMPLOYEE);
        staffing.assign(hr.email(), org.organisationId, withoutProfile.id(), team, null, today.minusYears(2).toString());
        assess(withoutProfile, withoutProfile, org, RAC, COMPETENCIES.get(0), 4);
        // Everyone but the last is assessed, in a random order, several times (self first, then the manager).
        List<Runnable> steps = new ArrayList<>();
        for (Person person : people.subList(0, people.size() - 1)) {
            for (String item : COMPETENCIES) {
                for (int time = 0; time < 1 + random.nextInt(3); time++) {
                    Integer self = random.nextInt(6) == 0 ? null : 1 + random.nextInt(4);
                    Integer byManager = random.nextInt(6) == 0 ? null : 1 + random.nextInt(4);
                    boolean managerToo = random.nextInt(3) > 0;
                    steps.add(() -> {
                        assess(person, person, org, RAC, item, self);
                        if (managerToo) {
                            assess(manager, person, org, RAC, item, byManager);
                        }
                    });
                }
            }
            for (String item : CQP_ITEMS) {
                if (random.nextBoolean()) {
                    Integer self = random.nextInt(5) == 0 ? null : 1 + random.nextInt(4);
                    Integer byManager = random.nextInt(5) == 0 ? null : 1 + random.nextInt(4);
                    steps.add(() -> {
                        assess(person, person, org, CQP, item, self);
                        assess(manager, person, org, CQP, item, byManager);
                    });
                }
            }
        }
        Collections.shuffle(steps, random);
        steps.forEach(Runnable::run);

        Map<UUID, BranchGaps.PersonGaps> gaps = branchGaps.byPerson(CERTIFICATIONS);

        assertThat(gaps).doesNotContainKey(withoutProfile.id()).doesNotContainKey(hr.id());
        Set<Double> jobCoverages = new HashSet<>();
        Set<Double> cqpCoverages = new HashSet<>();
        for (Person person : people) {
            BranchGaps.PersonGaps figures = gaps.get(person.id());
            assertThat(figures).as("gaps of %s", person.email()).isNotNull();
            GapAnalyses.GapView job = analyses.gap(hr.email(), org.organisationId, person.id(), null, null);
            assertThat(figures.requirements()).as("requirements of %s", person.email()).isEqualTo(job.items().size());
            assertThat(figures.met()).as("met of %s", person.email()).isEqualTo((int) job.count(GapStatus.MET));
            assertThat(figures.jobCoverage()).as("job coverage of %s", person.email()).isEqualTo(job.coverage());
            jobCoverages.add(job.coverage());
            for (int c = 0; c < CERTIFICATIONS.size(); c++) {
                GapAnalyses.GapView certification = analyses.gap(hr.email(), org.organisationId, person.id(), null,
                        CERTIFICATIONS.get(c));
                assertThat(figures.certificationCoverage()[c]).as("%s coverage of %s", CERTIFICATIONS.get(c),
                        person.email()).isEqualTo(certification.coverage());
                if (c == 0) {
                    cqpCoverages.add(certification.coverage());
                }
            }
        }
        // The comparison means something: coverages differ from person to person, and the unassessed one is at 0.
        assertThat(jobCoverages).hasSizeGreaterThan(2);
        assertThat(cqpCoverages).hasSizeGreaterThan(2);
        BranchGaps.PersonGaps unassessed = gaps.get(people.get(people.size() - 1).id());
        assertThat(unassessed.requirements()).isEqualTo(5);
        assertThat(unassessed.met()).isZero();
        assertThat(unassessed.certificationCoverage()).containsOnly(0.0);
        // The totals are the means of these figures.
        BranchGaps.Totals totals = branchGaps.everyone(CERTIFICATIONS);
        assertThat(totals.people()).isEqualTo(gaps.size());
        assertThat(totals.jobCoverage()).isCloseTo(gaps.values().stream()
                .mapToDouble(BranchGaps.PersonGaps::jobCoverage).average().orElse(0), within(1e-9));
    }
}
