package fr.referentia.account;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Who may take a role away from a person, or deactivate and reactivate their account. What one may
 * give ({@link GrantPolicy}) one may take away; an account may be deactivated only by someone who
 * could have given every role it holds (the branch administrator for anyone, an organisation's HR
 * for the managers and employees of that organisation only). One named policy per rule, all of them
 * applied; the first rejection is the answer.
 */
interface AccountChangePolicy extends Policy<AccountChangePolicy.Request> {

    enum Kind { REVOKE, DEACTIVATE, REACTIVATE }

    /**
     * A change asked for: by whom (their roles and id), on whom (their roles and id, erased or not),
     * the role and organisation concerned for a {@link Kind#REVOKE}, and how many other branch
     * administrators can sign in.
     */
    record Request(Kind kind, UUID requesterId, List<GrantPolicy.Held> requester, UUID subjectId,
            List<GrantPolicy.Held> subject, boolean subjectErased, Role role, UUID organisationId,
            long otherActiveBranchAdmins) {

        static Request revoke(UserAccount requester, UserAccount subject, Role role, UUID organisationId,
                long otherActiveBranchAdmins) {
            return new Request(Kind.REVOKE, requester.getId(), requester.heldGrants(), subject.getId(),
                    subject.heldGrants(), subject.getErasedAt() != null, role, organisationId, otherActiveBranchAdmins);
        }

        static Request status(Kind kind, UserAccount requester, UserAccount subject, long otherActiveBranchAdmins) {
            return new Request(kind, requester.getId(), requester.heldGrants(), subject.getId(), subject.heldGrants(),
                    subject.getErasedAt() != null, null, null, otherActiveBranchAdmins);
        }
    }

    /** Nobody removes their own roles nor deactivates themselves: another administrator does it. */
    AccountChangePolicy NOT_ONESELF = request -> Decision.allowedIf(!request.requesterId().equals(request.subjectId()),
            request.kind() == Kind.REVOKE
                    ? "Vous ne pouvez pas vous retirer un rôle vous-même : demandez-le à un autre administrateur."
                    : "Vous ne pouvez pas changer l'état de votre propre compte : demandez-le à un autre administrateur.");

    /** An erased account is a pseudonym kept for the journal: it never comes back. */
    AccountChangePolicy ERASED_STAYS_ERASED = request -> Decision.allowedIf(!request.subjectErased(),
            "Ce compte a été effacé à la demande de la personne : il ne peut plus être modifié ni réactivé.");

    /** What one may give, one may take away: {@link GrantPolicy} decides for the role and organisation. */
    AccountChangePolicy REVOKER_MAY_GRANT_IT = request -> request.kind() != Kind.REVOKE ? Decision.allowed()
            : GrantPolicy.checkAll(new GrantPolicy.Request(request.requester(), request.role(), request.organisationId()))
                    .isAllowed() ? Decision.allowed()
                    : Decision.rejected("Vous ne pouvez pas retirer le rôle « " + request.role().label()
                            + " » : il ne relève pas de votre gestion.");

    /**
     * An account's state changes for all its organisations at once: only someone who could have given
     * every one of its roles ({@link GrantPolicy}) changes it.
     */
    AccountChangePolicy REQUESTER_MANAGES_EVERY_ROLE = request -> request.kind() == Kind.REVOKE ? Decision.allowed()
            : Decision.allowedIf(request.subject().stream().allMatch(held -> GrantPolicy.checkAll(
                    new GrantPolicy.Request(request.requester(), held.role(), held.organisationId())).isAllowed()),
                    "Cette personne a des rôles qui ne relèvent pas de votre gestion : seul l'administrateur de branche"
                            + " peut " + (request.kind() == Kind.DEACTIVATE ? "désactiver" : "réactiver") + " son compte.");

    /** The branch keeps at least one administrator who can sign in. */
    AccountChangePolicy BRANCH_KEEPS_AN_ADMINISTRATOR = request -> {
        boolean removesAnAdministrator = request.kind() == Kind.DEACTIVATE
                && request.subject().stream().anyMatch(held -> held.role() == Role.BRANCH_ADMIN)
                || request.kind() == Kind.REVOKE && request.role() == Role.BRANCH_ADMIN
                        && Objects.isNull(request.organisationId());
        return Decision.allowedIf(!removesAnAdministrator || request.otherActiveBranchAdmins() > 0,
                "C'est le dernier administrateur de branche actif : donnez d'abord ce rôle à une autre personne.");
    };

    List<AccountChangePolicy> ALL = List.of(NOT_ONESELF, ERASED_STAYS_ERASED, REVOKER_MAY_GRANT_IT,
            REQUESTER_MANAGES_EVERY_ROLE, BRANCH_KEEPS_AN_ADMINISTRATOR);

    static Decision checkAll(Request request) {
        return Policies.firstRejection(request, ALL);
    }
}
