package fr.referentia.account;

import java.util.List;
import java.util.Set;

/**
 * Whether a person's erasure request can be carried out now. One named policy per rule, all of
 * them applied; the first rejection is the answer (as in {@link GrantPolicy}).
 */
interface ErasurePolicy {

    /** The person's roles, and how many other active branch administrators there are. */
    record Request(Set<Role> roles, long otherActiveBranchAdmins) {
    }

    Decision check(Request request);

    record Decision(boolean allowed, String reason) {

        static Decision allow() {
            return new Decision(true, null);
        }

        static Decision reject(String reason) {
            return new Decision(false, reason);
        }
    }

    /** The branch keeps at least one administrator: the last one hands over before leaving. */
    ErasurePolicy BRANCH_KEEPS_AN_ADMINISTRATOR = request ->
            request.roles().contains(Role.BRANCH_ADMIN) && request.otherActiveBranchAdmins() == 0
                    ? Decision.reject("Vous êtes le dernier administrateur de branche actif : confiez ce rôle à "
                            + "une autre personne avant de demander l'effacement de vos données.")
                    : Decision.allow();

    List<ErasurePolicy> ALL = List.of(BRANCH_KEEPS_AN_ADMINISTRATOR);

    static Decision checkAll(Request request) {
        return ALL.stream().map(policy -> policy.check(request)).filter(decision -> !decision.allowed())
                .findFirst().orElse(Decision.allow());
    }
}
