package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.GrantPolicy.Held;
import fr.referentia.account.GrantPolicy.Request;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GrantPolicyTest {

    static final UUID ORG_A = UUID.randomUUID();
    static final UUID ORG_B = UUID.randomUUID();

    @Test
    void branchAdministratorGivesAnyRoleInTheRightScope() {
        List<Held> admin = List.of(new Held(Role.BRANCH_ADMIN, null));
        assertThat(GrantPolicy.checkAll(new Request(admin, Role.ORG_HR, ORG_A)).isAllowed()).isTrue();
        assertThat(GrantPolicy.checkAll(new Request(admin, Role.ASSESSOR, null)).isAllowed()).isTrue();
    }

    @Test
    void organisationRolesNeedAnOrganisationAndBranchRolesRefuseOne() {
        List<Held> admin = List.of(new Held(Role.BRANCH_ADMIN, null));
        assertThat(GrantPolicy.checkAll(new Request(admin, Role.EMPLOYEE, null)).reason())
                .contains("se donne dans un organisme");
        assertThat(GrantPolicy.checkAll(new Request(admin, Role.JURY_MEMBER, ORG_A)).reason())
                .contains("toute la branche");
    }

    @Test
    void hrGivesManagerAndEmployeeRolesOnlyInItsOwnOrganisation() {
        List<Held> hrOfA = List.of(new Held(Role.ORG_HR, ORG_A));
        assertThat(GrantPolicy.checkAll(new Request(hrOfA, Role.EMPLOYEE, ORG_A)).isAllowed()).isTrue();
        assertThat(GrantPolicy.checkAll(new Request(hrOfA, Role.MANAGER, ORG_A)).isAllowed()).isTrue();
        var otherOrganisation = GrantPolicy.checkAll(new Request(hrOfA, Role.EMPLOYEE, ORG_B));
        assertThat(otherOrganisation.isAllowed()).isFalse();
        assertThat(otherOrganisation.reason()).contains("ne relève pas de votre gestion");
        assertThat(GrantPolicy.checkAll(new Request(hrOfA, Role.ORG_HR, ORG_A)).isAllowed()).isFalse();
        assertThat(GrantPolicy.checkAll(new Request(hrOfA, Role.BRANCH_ADMIN, null)).isAllowed()).isFalse();
    }

    @Test
    void certificationOfficeGivesAssessorAndJuryRolesOnly() {
        List<Held> office = List.of(new Held(Role.CERTIFICATION_OFFICE, null));
        assertThat(GrantPolicy.checkAll(new Request(office, Role.ASSESSOR, null)).isAllowed()).isTrue();
        assertThat(GrantPolicy.checkAll(new Request(office, Role.JURY_MEMBER, null)).isAllowed()).isTrue();
        assertThat(GrantPolicy.checkAll(new Request(office, Role.OBSERVER, null)).isAllowed()).isFalse();
    }

    @Test
    void employeesGiveNoRole() {
        assertThat(GrantPolicy.checkAll(new Request(List.of(new Held(Role.EMPLOYEE, ORG_A)), Role.EMPLOYEE, ORG_A))
                .isAllowed()).isFalse();
    }
}
