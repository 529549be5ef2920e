package fr.referentia.account;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.util.List;
import java.util.UUID;

/**
 * Who may give which role where. One named policy per rule, all of them applied; the first
 * rejection is the answer (after the model of the library's PlacingOnHoldPolicy).
 */
public interface GrantPolicy extends Policy<GrantPolicy.Request> {

    /** A role the granter holds, in an organisation or branch-wide ({@code organisationId} null). */
    record Held(Role role, UUID organisationId) {
    }

    record Request(List<Held> granter, Role role, UUID organisationId) {
    }



    /** Organisation-scoped roles are given in an organisation; branch-wide roles never are. */
    GrantPolicy SCOPE_MATCHES_ROLE = request -> {
        if (request.role().isOrganisationScoped() && request.organisationId() == null) {
            return Decision.rejected("Le rôle « " + request.role().label() + " » se donne dans un organisme : choisissez-le.");
        }
        if (!request.role().isOrganisationScoped() && request.organisationId() != null) {
            return Decision.rejected("Le rôle « " + request.role().label() + " » vaut pour toute la branche, sans organisme.");
        }
        return Decision.allowed();
    };

    /**
     * The branch administrator gives any role; the certification office gives assessor and jury
     * roles; an organisation's HR gives manager and employee roles in the organisations it manages.
     */
    GrantPolicy GRANTER_MANAGES_ROLE = request -> {
        for (Held held : request.granter()) {
            if (held.role() == Role.BRANCH_ADMIN) {
                return Decision.allowed();
            }
            if (held.role() == Role.CERTIFICATION_OFFICE
                    && (request.role() == Role.ASSESSOR || request.role() == Role.JURY_MEMBER)) {
                return Decision.allowed();
            }
            if (held.role() == Role.ORG_HR && held.organisationId() != null
                    && held.organisationId().equals(request.organisationId())
                    && (request.role() == Role.MANAGER || request.role() == Role.EMPLOYEE)) {
                return Decision.allowed();
            }
        }
        return Decision.rejected("Vous ne pouvez pas donner le rôle « " + request.role().label()
                + " » dans cet organisme : il ne relève pas de votre gestion.");
    };

    List<GrantPolicy> ALL = List.of(SCOPE_MATCHES_ROLE, GRANTER_MANAGES_ROLE);

    static Decision checkAll(Request request) {
        return Policies.firstRejection(request, ALL);
    }
}
