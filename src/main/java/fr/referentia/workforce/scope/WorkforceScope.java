package fr.referentia.workforce.scope;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import fr.referentia.shared.NotFoundException;
import fr.referentia.workforce.PersonRelation;
import fr.referentia.workforce.WorkforceAccess;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The checks of the second half of GPEC (career interviews, gap analyses, plans), on top of the module's
 * {@link WorkforceAccess}: another organisation or a person one may not see reads as unknown (404); inside
 * the organisation, a role that may not act is refused (403).
 */
@Component
public class WorkforceScope {

    public static final String UNKNOWN_ORGANISATION = "Organisme introuvable.";
    public static final String UNKNOWN_PERSON = "Personne introuvable dans cet organisme.";

    private final AccountDirectory directory;
    private final AccountAdministration administration;
    private final WorkforceAccess access;

    WorkforceScope(AccountDirectory directory, AccountAdministration administration, WorkforceAccess access) {
        this.directory = directory;
        this.administration = administration;
        this.access = access;
    }

    public AccountSummary requester(String email) {
        return directory.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
    }

    public boolean isHrOf(AccountSummary requester, UUID organisationId) {
        return requester.holds(Role.ORG_HR) && Objects.equals(requester.organisationId(), organisationId);
    }

    /** The organisation's HR: 404 from another organisation, 403 for its other members. */
    public AccountSummary requireHr(String email, UUID organisationId) {
        return access.requireHr(email, organisationId);
    }

    /** A person of the organisation, or 404. */
    public AccountSummary personIn(UUID organisationId, UUID personId) {
        return directory.find(personId).filter(person -> Objects.equals(person.organisationId(), organisationId))
                .orElseThrow(() -> new NotFoundException(UNKNOWN_PERSON));
    }

    /**
     * The person, when the requester is the organisation's HR or the person themself; their manager is
     * refused (403, with the reason), anyone else reads the person as unknown (404).
     */
    public AccountSummary requireHrOrSelf(String email, UUID organisationId, UUID personId, String managerRefusal) {
        if (access.requirePerson(email, organisationId, personId) == PersonRelation.MANAGER) {
            throw new AccessDeniedException(managerRefusal);
        }
        return personIn(organisationId, personId);
    }

    /** How the requester stands to the person (self, manager, HR); 404 for anyone else. */
    public PersonRelation relation(String email, UUID organisationId, UUID personId) {
        return access.requirePerson(email, organisationId, personId);
    }

    /** The people of the organisation, for its HR (checked again by the account module). */
    public List<AccountAdministration.Person> people(String hrEmail, UUID organisationId) {
        return administration.people(hrEmail, organisationId);
    }

    public Map<UUID, AccountSummary> find(Collection<UUID> ids) {
        return directory.findAll(ids);
    }
}
