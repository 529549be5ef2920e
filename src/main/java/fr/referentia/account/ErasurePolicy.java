package fr.referentia.account;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.util.List;
import java.util.Set;

/**
 * Whether a person's erasure request can be carried out now. One named policy per rule, all of
 * them applied; the first rejection is the answer (as in {@link GrantPolicy}).
 */
interface ErasurePolicy extends Policy<ErasurePolicy.Request> {

    /** The person's roles, and how many other active branch administrators there are. */
    record Request(Set<Role> roles, long otherActiveBranchAdmins) {
    }



    /** The branch keeps at least one administrator: the last one hands over before leaving. */
    ErasurePolicy BRANCH_KEEPS_AN_ADMINISTRATOR = request ->
            request.roles().contains(Role.BRANCH_ADMIN) && request.otherActiveBranchAdmins() == 0
                    ? Decision.rejected("Vous êtes le dernier administrateur de branche actif : confiez ce rôle à "
                            + "une autre personne avant de demander l'effacement de vos données.")
                    : Decision.allowed();

    List<ErasurePolicy> ALL = List.of(BRANCH_KEEPS_AN_ADMINISTRATOR);

    static Decision checkAll(Request request) {
        return Policies.firstRejection(request, ALL);
    }
}
