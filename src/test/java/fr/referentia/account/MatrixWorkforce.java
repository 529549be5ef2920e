package fr.referentia.account;

import fr.referentia.workforce.Assessments;
import fr.referentia.workforce.JobProfiles;
import fr.referentia.workforce.Staffing;
import fr.referentia.workforce.Workforce;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The competency-management data the authorisation matrix needs in the demo organisation, made once through
 * the workforce services: a job profile, the demo employee in a team of the demo manager holding it, and an
 * assessment of the employee by each person who may assess them (themself, their manager).
 */
@Component
class MatrixWorkforce {

    static final String HR = "org-hr@demo.referentia.fr";
    static final String MANAGER = "manager@demo.referentia.fr";
    static final String EMPLOYEE = "employee@demo.referentia.fr";

    record SetUp(UUID jobProfileId, UUID personId, Map<String, UUID> assessments) {

        UUID assessmentBy(String email) {
            return assessments.getOrDefault(email == null ? EMPLOYEE : email, assessments.get(EMPLOYEE));
        }
    }

    private final JobProfiles profiles;
    private final Staffing staffing;
    private final Assessments assessments;
    private final Workforce workforce;
    private final UserAccountRepository users;
    private final Map<UUID, SetUp> done = new ConcurrentHashMap<>();

    MatrixWorkforce(JobProfiles profiles, Staffing staffing, Assessments assessments, Workforce workforce,
            UserAccountRepository users) {
        this.profiles = profiles;
        this.staffing = staffing;
        this.assessments = assessments;
        this.workforce = workforce;
        this.users = users;
    }

    synchronized SetUp setUp(UUID organisationId) {
        return done.computeIfAbsent(organisationId, org -> {
            UUID manager = users.findByEmail(MANAGER).orElseThrow().getId();
            UUID employee = users.findByEmail(EMPLOYEE).orElseThrow().getId();
            UUID profile = profiles.create(HR, org, new JobProfiles.JobProfileInput("Poste de la matrice", null, null,
                    null, List.of(new JobProfiles.RequirementInput("RAC-METIERS-FORMATION", null, "DOM1-A1-C1", 2,
                            "ESSENTIAL")))).id();
            Workforce.EmployeeFacts facts = workforce.factsOf(employee).orElse(null);
            if (facts == null || !manager.equals(facts.managerId())) {
                UUID team = staffing.createTeam(HR, org, "Équipe de la matrice " + UUID.randomUUID(), manager).id();
                staffing.assign(HR, org, employee, team, profile, facts == null ? "2021-01-04"
                        : facts.jobSince().plusDays(1).toString());
            }
            Assessments.AssessmentInput input = new Assessments.AssessmentInput("RAC-METIERS-FORMATION", null,
                    "DOM1-A1-C1", 2, false, null, null, List.of());
            UUID self = assessments.record(EMPLOYEE, org, employee, input).id();
            UUID byManager = assessments.record(MANAGER, org, employee, input).id();
            return new SetUp(profile, employee, Map.of(EMPLOYEE, self, MANAGER, byManager));
        });
    }
}
