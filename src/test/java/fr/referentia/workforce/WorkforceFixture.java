package fr.referentia.workforce;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountAdministration.NewOrganisation;
import fr.referentia.account.OrganisationType;
import fr.referentia.account.Role;
import fr.referentia.account.SizeBand;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Test set-up through the public services only: an organisation with its HR, a manager and their team, an
 * employee in that team holding a job profile (two competencies of the branch framework), and a colleague
 * in another team.
 */
@Component
class WorkforceFixture {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String RAC = "RAC-METIERS-FORMATION";
    private static final Random RANDOM = new Random(12);

    record Org(UUID id, String hr, UUID hrId, String manager, UUID managerId, String employee, UUID employeeId,
            String otherManager, UUID otherManagerId, String colleague, UUID colleagueId, UUID teamId,
            UUID otherTeamId, UUID jobProfileId) {
    }

    private final AccountAdministration administration;
    private final JobProfiles profiles;
    private final Staffing staffing;

    WorkforceFixture(AccountAdministration administration, JobProfiles profiles, Staffing staffing) {
        this.administration = administration;
        this.profiles = profiles;
        this.staffing = staffing;
    }

    Org organisation() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID org = administration.createOrganisation(ADMIN, new NewOrganisation("Organisme GPEC " + suffix,
                siret(), "Nantes", SizeBand.FROM_10_TO_49, OrganisationType.ASSOCIATION)).getId();
        String hr = "rh-" + suffix + "@gpec.example.fr";
        String manager = "manager-" + suffix + "@gpec.example.fr";
        String otherManager = "manager2-" + suffix + "@gpec.example.fr";
        String employee = "salarie-" + suffix + "@gpec.example.fr";
        String colleague = "collegue-" + suffix + "@gpec.example.fr";
        UUID hrId = person(hr, "RH " + suffix, Role.ORG_HR, org);
        UUID managerId = person(manager, "Manager " + suffix, Role.MANAGER, org);
        UUID otherManagerId = person(otherManager, "Autre manager " + suffix, Role.MANAGER, org);
        UUID employeeId = person(employee, "Salarié " + suffix, Role.EMPLOYEE, org);
        UUID colleagueId = person(colleague, "Collègue " + suffix, Role.EMPLOYEE, org);
        UUID team = staffing.createTeam(hr, org, "Équipe formation", managerId).id();
        UUID otherTeam = staffing.createTeam(hr, org, "Équipe commerciale", otherManagerId).id();
        UUID profile = profiles.create(hr, org, new JobProfiles.JobProfileInput("Formateur", "Anime les formations.",
                null, null, List.of(new JobProfiles.RequirementInput(RAC, null, "DOM1-A1-C1", 3, "ESSENTIAL"),
                        new JobProfiles.RequirementInput(RAC, null, "DOM1-A1-C2", 2, "OPTIONAL")))).id();
        staffing.assign(hr, org, employeeId, team, profile, LocalDate.of(2020, 3, 2).toString());
        staffing.assign(hr, org, colleagueId, otherTeam, profile, LocalDate.of(2021, 1, 4).toString());
        return new Org(org, hr, hrId, manager, managerId, employee, employeeId, otherManager, otherManagerId, colleague,
                colleagueId, team, otherTeam, profile);
    }

    UUID person(String email, String name, Role role, UUID organisationId) {
        return administration.createUser(ADMIN, email, name, role, organisationId).getId();
    }

    /** A valid SIRET (Luhn) from a seeded random source. */
    static synchronized String siret() {
        int[] digits = new int[14];
        for (int i = 0; i < 13; i++) {
            digits[i] = RANDOM.nextInt(10);
        }
        for (int last = 0; last < 10; last++) {
            digits[13] = last;
            int sum = 0;
            for (int i = 0; i < 14; i++) {
                int d = digits[i];
                if (i % 2 == 0) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
            }
            if (sum % 10 == 0) {
                break;
            }
        }
        StringBuilder s = new StringBuilder();
        for (int d : digits) {
            s.append(d);
        }
        return s.toString();
    }
}
