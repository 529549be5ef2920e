package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ErasurePolicyTest {

    @Test
    void theLastActiveBranchAdministratorCannotBeErased() {
        var decision = ErasurePolicy.checkAll(new ErasurePolicy.Request(Set.of(Role.BRANCH_ADMIN), 0));
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).contains("dernier administrateur de branche");
    }

    @Test
    void anAdministratorWithAColleagueAndAnyoneElseCanBeErased() {
        assertThat(ErasurePolicy.checkAll(new ErasurePolicy.Request(Set.of(Role.BRANCH_ADMIN), 1)).isAllowed()).isTrue();
        assertThat(ErasurePolicy.checkAll(new ErasurePolicy.Request(Set.of(Role.EMPLOYEE), 0)).isAllowed()).isTrue();
        assertThat(ErasurePolicy.checkAll(new ErasurePolicy.Request(Set.of(), 0)).isAllowed()).isTrue();
    }
}
