package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.AccountChangePolicy.Kind;
import fr.referentia.account.AccountChangePolicy.Request;
import fr.referentia.account.GrantPolicy.Held;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may take a role away, deactivate or reactivate an account: each rule on its own words. */
class AccountChangePolicyTest {

    static final UUID ORG_A = UUID.randomUUID();
    static final UUID ORG_B = UUID.randomUUID();
    static final UUID ME = UUID.randomUUID();
    static final UUID SOMEONE = UUID.randomUUID();
    static final List<Held> ADMIN = List.of(new Held(Role.BRANCH_ADMIN, null));
    static final List<Held> HR_OF_A = List.of(new Held(Role.ORG_HR, ORG_A));

    private static Request status(Kind kind, List<Held> requester, UUID subjectId, List<Held> subject,
            long otherAdmins) {
        return new Request(kind, ME, requester, subjectId, subject, false, null, null, otherAdmins);
    }

    private static Request revoke(List<Held> requester, UUID subjectId, List<Held> subject, Role role, UUID where,
            long otherAdmins) {
        return new Request(Kind.REVOKE, ME, requester, subjectId, subject, false, role, where, otherAdmins);
    }

    @Test
    void theBranchAdministratorDeactivatesAnyoneButThemselves() {
        List<Held> manyRoles = List.of(new Held(Role.EMPLOYEE, ORG_A), new Held(Role.ASSESSOR, null));
        assertThat(AccountChangePolicy.checkAll(status(Kind.DEACTIVATE, ADMIN, SOMEONE, manyRoles, 1)).isAllowed())
                .isTrue();
        assertThat(AccountChangePolicy.checkAll(status(Kind.DEACTIVATE, ADMIN, ME, ADMIN, 1)).reason())
                .contains("votre propre compte");
    }

    @Test
    void hrChangesTheStateOfThePeopleWhoseEveryRoleItCouldHaveGiven() {
        assertThat(AccountChangePolicy.checkAll(status(Kind.DEACTIVATE, HR_OF_A, SOMEONE,
                List.of(new Held(Role.EMPLOYEE, ORG_A), new Held(Role.MANAGER, ORG_A)), 1)).isAllowed()).isTrue();
        assertThat(AccountChangePolicy.checkAll(status(Kind.REACTIVATE, HR_OF_A, SOMEONE,
                List.of(new Held(Role.EMPLOYEE, ORG_A), new Held(Role.EMPLOYEE, ORG_B)), 1)).reason())
                .contains("seul l'administrateur de branche peut réactiver");
        // Another HR of the same organisation is not among the roles HR gives.
        assertThat(AccountChangePolicy.checkAll(status(Kind.DEACTIVATE, HR_OF_A, SOMEONE,
                List.of(new Held(Role.ORG_HR, ORG_A)), 1)).isAllowed()).isFalse();
    }

    @Test
    void whatOneMayGiveOneMayTakeAway() {
        assertThat(AccountChangePolicy.checkAll(revoke(HR_OF_A, SOMEONE, List.of(new Held(Role.MANAGER, ORG_A)),
                Role.MANAGER, ORG_A, 1)).isAllowed()).isTrue();
        assertThat(AccountChangePolicy.checkAll(revoke(HR_OF_A, SOMEONE, List.of(new Held(Role.MANAGER, ORG_B)),
                Role.MANAGER, ORG_B, 1)).reason()).isEqualTo("Vous ne pouvez pas retirer le rôle « Manager » :"
                        + " il ne relève pas de votre gestion.");
        assertThat(AccountChangePolicy.checkAll(revoke(ADMIN, ME, ADMIN, Role.BRANCH_ADMIN, null, 3)).reason())
                .contains("vous-même");
    }

    @Test
    void theBranchKeepsAnAdministratorWhoCanSignIn() {
        assertThat(AccountChangePolicy.checkAll(revoke(ADMIN, SOMEONE, ADMIN, Role.BRANCH_ADMIN, null, 0)).reason())
                .contains("dernier administrateur de branche actif");
        assertThat(AccountChangePolicy.checkAll(status(Kind.DEACTIVATE, ADMIN, SOMEONE, ADMIN, 0)).isAllowed())
                .isFalse();
        assertThat(AccountChangePolicy.checkAll(status(Kind.DEACTIVATE, ADMIN, SOMEONE, ADMIN, 1)).isAllowed())
                .isTrue();
        assertThat(AccountChangePolicy.checkAll(status(Kind.REACTIVATE, ADMIN, SOMEONE, ADMIN, 0)).isAllowed())
                .isTrue();
    }

    @Test
    void anErasedAccountNeverComesBack() {
        assertThat(AccountChangePolicy.checkAll(new Request(Kind.REACTIVATE, ME, ADMIN, SOMEONE, List.of(), true, null,
                null, 1)).reason()).contains("effacé");
    }
}
