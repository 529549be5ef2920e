package fr.referentia.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.account.Role;
import fr.referentia.shared.BadInputException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 12's authorisation, as a pure rule: self, own team, own organisation; anyone else reads as unknown. */
class WorkforceAccessPolicyTest {

    static final UUID ORG = UUID.randomUUID();
    static final UUID OTHER_ORG = UUID.randomUUID();
    static final UUID PERSON = UUID.randomUUID();
    static final UUID MANAGER = UUID.randomUUID();

    private static WorkforceAccessPolicy.Requester as(UUID id, UUID org, Role... roles) {
        return new WorkforceAccessPolicy.Requester(id, Set.of(roles), org);
    }

    @Test
    void anEmployeeSeesOnlyThemself() {
        assertThat(WorkforceAccessPolicy.relation(as(PERSON, ORG, Role.EMPLOYEE), ORG, PERSON, ORG, MANAGER))
                .contains(PersonRelation.SELF);
        assertThat(WorkforceAccessPolicy.relation(as(UUID.randomUUID(), ORG, Role.EMPLOYEE), ORG, PERSON, ORG, MANAGER))
                .isEmpty();
    }

    @Test
    void aManagerSeesTheMembersOfTheTeamTheyManageAndNoOneElse() {
        assertThat(WorkforceAccessPolicy.relation(as(MANAGER, ORG, Role.MANAGER), ORG, PERSON, ORG, MANAGER))
                .contains(PersonRelation.MANAGER);
        assertThat(WorkforceAccessPolicy.relation(as(MANAGER, ORG, Role.MANAGER), ORG, PERSON, ORG, UUID.randomUUID()))
                .isEmpty();
        assertThat(WorkforceAccessPolicy.relation(as(MANAGER, ORG, Role.MANAGER), ORG, PERSON, ORG, null)).isEmpty();
    }

    @Test
    void hrSeesEveryoneOfTheirOrganisationButNeverAnotherOrganisationsPeople() {
        UUID hr = UUID.randomUUID();
        assertThat(WorkforceAccessPolicy.relation(as(hr, ORG, Role.ORG_HR), ORG, PERSON, ORG, MANAGER))
                .contains(PersonRelation.HR);
        assertThat(WorkforceAccessPolicy.relation(as(hr, ORG, Role.ORG_HR), ORG, PERSON, OTHER_ORG, MANAGER)).isEmpty();
        assertThat(WorkforceAccessPolicy.relation(as(hr, ORG, Role.ORG_HR), OTHER_ORG, PERSON, OTHER_ORG, MANAGER))
                .isEmpty();
    }

    @Test
    void aManagerWhoIsAlsoHrAssessesTheirTeamAsTheirManager() {
        assertThat(WorkforceAccessPolicy.relation(as(MANAGER, ORG, Role.MANAGER, Role.ORG_HR), ORG, PERSON, ORG, MANAGER))
                .contains(PersonRelation.MANAGER);
        assertThat(PersonRelation.MANAGER.assessmentSource()).isEqualTo(AssessmentSource.MANAGER);
        assertThat(PersonRelation.HR.assessmentSource()).as("HR reads, never assesses").isNull();
    }

    @Test
    void branchWideRolesAndObserversBelongToNoOrganisation() {
        for (Role role : new Role[] {Role.BRANCH_ADMIN, Role.OBSERVER, Role.CERTIFICATION_OFFICE}) {
            assertThat(WorkforceAccessPolicy.belongsTo(as(UUID.randomUUID(), null, role), ORG)).isFalse();
            assertThat(WorkforceAccessPolicy.relation(as(UUID.randomUUID(), null, role), ORG, PERSON, ORG, MANAGER))
                    .isEmpty();
        }
    }

    @Test
    void theDefaultScaleHasFourLevelsAndALevelOutsideItIsRefusedWithItsBounds() {
        ProficiencyScale scale = ProficiencyScale.DEFAULT;
        assertThat(scale.levels()).extracting(ProficiencyLevel::label)
                .containsExactly("Notions", "Pratique", "Maîtrise", "Expertise");
        assertThat(scale.levels()).allSatisfy(level -> assertThat(level.description()).isNotBlank());
        assertThat(scale.require(4, "Le niveau").label()).isEqualTo("Expertise");
        assertThatThrownBy(() -> scale.require(5, "Le niveau")).isInstanceOf(BadInputException.class)
                .hasMessage("Le niveau « 5 » est hors de l'échelle de l'organisme : un niveau de 1 à 4 "
                        + "(1 Notions, 2 Pratique, 3 Maîtrise, 4 Expertise).");
        assertThatThrownBy(() -> scale.require(0, "Le niveau")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> scale.require(null, "Le niveau")).hasMessageStartingWith("Le niveau est obligatoire");
    }
}
