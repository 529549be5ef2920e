package fr.referentia.workforce;

import fr.referentia.account.Role;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see a person's competencies in an organisation (issue 12's authorisation): an employee only
 * themself, a manager the members of the teams they manage, {@code ORG_HR} everyone of their
 * organisation. Another organisation, or a person one may not see, reads as unknown (404 in the words of
 * an id that does not exist), never 403, so that ids cannot be probed. Pure: plain data in and out.
 */
final class WorkforceAccessPolicy {

    static final String UNKNOWN_ORGANISATION = "Organisme introuvable.";
    static final String UNKNOWN_PERSON = "Personne introuvable dans cet organisme.";

    /** The requester: account id, roles and the organisation their organisation-scoped roles are held in. */
    record Requester(UUID id, Set<Role> roles, UUID organisationId) {
    }

    private WorkforceAccessPolicy() {
    }

    /** Whether the requester belongs to the organisation through an organisation-scoped role. */
    static boolean belongsTo(Requester requester, UUID organisationId) {
        return requester.organisationId() != null && requester.organisationId().equals(organisationId)
                && requester.roles().stream().anyMatch(Role::isOrganisationScoped);
    }

    /**
     * The requester's relation to the person, or empty when the person must read as unknown.
     *
     * @param personOrganisationId the person's organisation (null: unknown person)
     * @param personManagerId the manager of the person's current team (null: no team)
     */
    static Optional<PersonRelation> relation(Requester requester, UUID organisationId, UUID personId,
            UUID personOrganisationId, UUID personManagerId) {
        if (!belongsTo(requester, organisationId) || !organisationId.equals(personOrganisationId)) {
            return Optional.empty();
        }
        if (requester.id().equals(personId)) {
            return Optional.of(PersonRelation.SELF);
        }
        if (requester.roles().contains(Role.MANAGER) && Objects.equals(personManagerId, requester.id())) {
            return Optional.of(PersonRelation.MANAGER);
        }
        if (requester.roles().contains(Role.ORG_HR)) {
            return Optional.of(PersonRelation.HR);
        }
        return Optional.empty();
    }
}
