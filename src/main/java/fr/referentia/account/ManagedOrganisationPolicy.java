package fr.referentia.account;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Who may see an organisation's people and act on them: the branch administrator, and the HR of that
 * organisation ({@code ORG_HR} never sees another organisation's data). For anyone else the
 * organisation reads as unknown, in the very words of an id that does not exist, so that ids cannot
 * be probed: a 404, never a 403.
 */
interface ManagedOrganisationPolicy extends Policy<ManagedOrganisationPolicy.Request> {

    /** What an unknown organisation and an organisation one does not manage both answer. */
    String UNKNOWN = "Organisme introuvable.";

    /** The roles the requester holds, and the organisation asked for. */
    record Request(List<GrantPolicy.Held> requester, UUID organisationId) {
    }

    /** An organisation you do not manage reads as unknown. */
    ManagedOrganisationPolicy UNMANAGED_READS_AS_UNKNOWN = request -> Decision.allowedIf(
            request.requester().stream().anyMatch(held -> held.role() == Role.BRANCH_ADMIN
                    || held.role() == Role.ORG_HR && Objects.equals(held.organisationId(), request.organisationId())),
            UNKNOWN);

    List<ManagedOrganisationPolicy> ALL = List.of(UNMANAGED_READS_AS_UNKNOWN);

    static Decision checkAll(Request request) {
        return Policies.firstRejection(request, ALL);
    }
}
