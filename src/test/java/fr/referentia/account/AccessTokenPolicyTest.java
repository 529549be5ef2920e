package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.AccessTokenPolicy.Request;
import fr.referentia.shared.policy.Decision;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessTokenPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 12);

    static Decision decide(String name, AccessTokenScope scope, LocalDate expiresOn, Role... roles) {
        return AccessTokenPolicy.checkAll(new Request(name, scope, expiresOn, Set.of(roles), TODAY));
    }

    @Test
    void aNamedReadTokenWithoutExpiryIsAllowedToAnyone() {
        assertThat(decide("Tableur RH", AccessTokenScope.READ, null, Role.OBSERVER).isAllowed()).isTrue();
        assertThat(decide("Tableur RH", AccessTokenScope.READ, null).isAllowed()).isTrue();
    }

    @Test
    void aTokenNeedsANameOfAtMostAHundredCharacters() {
        assertThat(decide("  ", AccessTokenScope.READ, null, Role.BRANCH_ADMIN).reason()).contains("Donnez un nom");
        assertThat(decide(null, AccessTokenScope.READ, null, Role.BRANCH_ADMIN).isAllowed()).isFalse();
        assertThat(decide("x".repeat(101), AccessTokenScope.READ, null, Role.BRANCH_ADMIN).reason())
                .contains("100 caractères");
        assertThat(decide(" " + "x".repeat(100) + " ", AccessTokenScope.READ, null, Role.BRANCH_ADMIN).isAllowed())
                .isTrue();
    }

    @Test
    void aScopeMustBeChosen() {
        assertThat(decide("Client", null, null, Role.BRANCH_ADMIN).reason()).contains("portée");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"BRANCH_ADMIN", "CERTIFICATION_OFFICE", "ORG_HR"})
    void writingRolesMayHaveWriteTokens(Role role) {
        assertThat(decide("Synchronisation", AccessTokenScope.WRITE, null, role).isAllowed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MANAGER", "EMPLOYEE", "CANDIDATE", "ASSESSOR", "JURY_MEMBER", "OBSERVER"})
    void otherRolesGetReadOnlyTokens(Role role) {
        var decision = decide("Synchronisation", AccessTokenScope.WRITE, null, role);
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).contains("lecture seule");
        assertThat(decide("Synchronisation", AccessTokenScope.WRITE, null, role, Role.ORG_HR).isAllowed()).isTrue();
    }

    @Test
    void anExpiryDateIsAfterToday() {
        assertThat(decide("Client", AccessTokenScope.READ, TODAY.plusDays(1), Role.OBSERVER).isAllowed()).isTrue();
        assertThat(decide("Client", AccessTokenScope.READ, TODAY, Role.OBSERVER).reason())
                .isEqualTo("La date d'expiration doit être postérieure à aujourd'hui.");
        assertThat(decide("Client", AccessTokenScope.READ, TODAY.minusYears(1), Role.OBSERVER).isAllowed()).isFalse();
    }

    @Test
    void anExpiryDateIsAtMostTwoYearsAway() {
        assertThat(decide("Client", AccessTokenScope.READ, TODAY.plusYears(2), Role.OBSERVER).isAllowed()).isTrue();
        assertThat(decide("Client", AccessTokenScope.READ, TODAY.plusYears(2).plusDays(1), Role.OBSERVER).reason())
                .isEqualTo("La date d'expiration ne peut dépasser 2 ans : choisissez une date avant le 12/11/2028.");
        assertThat(decide("Client", AccessTokenScope.READ, LocalDate.MAX, Role.OBSERVER).isAllowed()).isFalse();
    }

    @Test
    void aReadTokenOnlyReadsAWriteTokenDoesBoth() {
        assertThat(AccessTokenScope.READ.permits("GET")).isTrue();
        assertThat(AccessTokenScope.READ.permits("HEAD")).isTrue();
        assertThat(AccessTokenScope.READ.permits("POST")).isFalse();
        assertThat(AccessTokenScope.READ.permits("DELETE")).isFalse();
        assertThat(AccessTokenScope.READ.permits("PATCH")).isFalse();
        assertThat(AccessTokenScope.WRITE.permits("POST")).isTrue();
        assertThat(AccessTokenScope.WRITE.permits("GET")).isTrue();
    }
}
