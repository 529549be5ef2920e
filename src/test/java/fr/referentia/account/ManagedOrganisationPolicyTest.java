package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.GrantPolicy.Held;
import fr.referentia.account.ManagedOrganisationPolicy.Request;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManagedOrganisationPolicyTest {

    static final UUID ORG_A = UUID.randomUUID();
    static final UUID ORG_B = UUID.randomUUID();

    @Test
    void anOrganisationsHrManagesItAndTheBranchAdministratorManagesEveryOrganisation() {
        assertThat(ManagedOrganisationPolicy.checkAll(new Request(List.of(new Held(Role.ORG_HR, ORG_A)), ORG_A))
                .isAllowed()).isTrue();
        assertThat(ManagedOrganisationPolicy.checkAll(new Request(List.of(new Held(Role.BRANCH_ADMIN, null)), ORG_B))
                .isAllowed()).isTrue();
    }

    @Test
    void anOrganisationYouDoNotManageReadsAsUnknownInTheWordsOfAnIdThatDoesNotExist() {
        var hrOfA = List.of(new Held(Role.ORG_HR, ORG_A), new Held(Role.EMPLOYEE, ORG_B));
        var decision = ManagedOrganisationPolicy.checkAll(new Request(hrOfA, ORG_B));
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("Organisme introuvable.").isEqualTo(ManagedOrganisationPolicy.UNKNOWN);
    }

    @Test
    void managingIsHrWorkNotAnyRoleInTheOrganisation() {
        for (Role role : List.of(Role.MANAGER, Role.EMPLOYEE, Role.CERTIFICATION_OFFICE, Role.OBSERVER)) {
            assertThat(ManagedOrganisationPolicy.checkAll(new Request(List.of(new Held(role, ORG_A)), ORG_A))
                    .isAllowed()).as(role.name()).isFalse();
        }
        assertThat(ManagedOrganisationPolicy.checkAll(new Request(List.of(), ORG_A)).isAllowed()).isFalse();
    }
}
