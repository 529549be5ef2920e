package fr.referentia.workforce;

import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import fr.referentia.shared.NotFoundException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks every workforce page and API route makes, in the words of {@link WorkforceAccessPolicy}:
 * another organisation reads as unknown (404); inside one's organisation, a role that may not do the thing
 * is refused (403); a person one may not see reads as unknown (404).
 */
@Service
@Transactional(readOnly = true)
public class WorkforceAccess {

    private final AccountDirectory directory;
    private final JobAssignmentRepository assignments;
    private final TeamRepository teams;

    WorkforceAccess(AccountDirectory directory, JobAssignmentRepository assignments, TeamRepository teams) {
        this.directory = directory;
        this.assignments = assignments;
        this.teams = teams;
    }

    /** The signed-in person, who must belong to the organisation (any organisation role); 404 otherwise. */
    public AccountSummary requireMember(String requesterEmail, UUID organisationId) {
        AccountSummary requester = requester(requesterEmail);
        if (organisationId == null || !WorkforceAccessPolicy.belongsTo(requester(requester), organisationId)) {
            throw new NotFoundException(WorkforceAccessPolicy.UNKNOWN_ORGANISATION);
        }
        return requester;
    }

    /** A member of the organisation holding one of the roles: 404 from elsewhere, 403 without the role. */
    public AccountSummary requireRole(String requesterEmail, UUID organisationId, String refusal, Role... roles) {
        AccountSummary requester = requireMember(requesterEmail, organisationId);
        if (Arrays.stream(roles).noneMatch(requester::holds)) {
            throw new AccessDeniedException(refusal);
        }
        return requester;
    }

    /** The organisation's HR (ORG_HR of that organisation). */
    public AccountSummary requireHr(String requesterEmail, UUID organisationId) {
        return requireRole(requesterEmail, organisationId,
                "Seuls les RH de l'organisme gèrent les fiches de poste, les équipes et les affectations.", Role.ORG_HR);
    }

    /** How the signed-in person stands to the person; the person reads as unknown (404) to anyone else. */
    public PersonRelation requirePerson(String requesterEmail, UUID organisationId, UUID personId) {
        requireMember(requesterEmail, organisationId);
        return relationTo(requesterEmail, organisationId, personId)
                .orElseThrow(() -> new NotFoundException(WorkforceAccessPolicy.UNKNOWN_PERSON));
    }

    /** {@link #requirePerson} without a refusal: empty where the person reads as unknown (file downloads). */
    public Optional<PersonRelation> relationTo(String requesterEmail, UUID organisationId, UUID personId) {
        Optional<AccountSummary> requester = directory.findByEmail(requesterEmail);
        if (requester.isEmpty() || organisationId == null || personId == null) {
            return Optional.empty();
        }
        UUID personOrganisation = directory.find(personId).map(AccountSummary::organisationId).orElse(null);
        UUID managerId = assignments.findFirstByPersonIdAndUntilIsNullOrderBySinceDesc(personId)
                .map(JobAssignment::getTeamId).flatMap(teams::findById).map(Team::getManagerId).orElse(null);
        return WorkforceAccessPolicy.relation(requester(requester.get()), organisationId, personId, personOrganisation,
                managerId);
    }

    /** The signed-in person. */
    public AccountSummary me(String email) {
        return requester(email);
    }

    AccountSummary requester(String email) {
        return directory.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
    }

    private static WorkforceAccessPolicy.Requester requester(AccountSummary summary) {
        return new WorkforceAccessPolicy.Requester(summary.id(), summary.roles(), summary.organisationId());
    }
}
