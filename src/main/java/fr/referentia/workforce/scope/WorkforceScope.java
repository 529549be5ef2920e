package fr.referentia.workforce.scope;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import fr.referentia.shared.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see what of an organisation's people in the second half of GPEC (career interviews, gap
 * analyses, plans): its HR sees everyone of the organisation; a person sees themself; everyone else reads
 * the organisation or the person as unknown (404, never 403, so that ids cannot be probed).
 */
@Component
public class WorkforceScope {

    public static final String UNKNOWN_ORGANISATION = "Organisme introuvable.";
    public static final String UNKNOWN_PERSON = "Personne introuvable dans cet organisme.";

    private final AccountDirectory directory;
    private final AccountAdministration administration;

    WorkforceScope(AccountDirectory directory, AccountAdministration administration) {
        this.directory = directory;
        this.administration = administration;
    }

    public AccountSummary requester(String email) {
        return directory.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
    }

    public boolean isHrOf(AccountSummary requester, UUID organisationId) {
        return requester.holds(Role.ORG_HR) && Objects.equals(requester.organisationId(), organisationId);
    }

    /** The organisation's HR, or 404. */
    public AccountSummary requireHr(String email, UUID organisationId) {
        AccountSummary requester = requester(email);
        if (!isHrOf(requester, organisationId)) {
            throw new NotFoundException(UNKNOWN_ORGANISATION);
        }
        return requester;
    }

    /** A person of the organisation, or 404. */
    public AccountSummary personIn(UUID organisationId, UUID personId) {
        return directory.find(personId).filter(person -> Objects.equals(person.organisationId(), organisationId))
                .orElseThrow(() -> new NotFoundException(UNKNOWN_PERSON));
    }

    /** The person, when the requester is the organisation's HR or the person themself; else 404. */
    public AccountSummary requireHrOrSelf(String email, UUID organisationId, UUID personId) {
        AccountSummary requester = requester(email);
        if (!isHrOf(requester, organisationId) && !requester.id().equals(personId)) {
            throw new NotFoundException(Objects.equals(requester.organisationId(), organisationId) ? UNKNOWN_PERSON
                    : UNKNOWN_ORGANISATION);
        }
        return personIn(organisationId, personId);
    }

    /** The people of the organisation, for its HR (checked again by the account module). */
    public List<AccountAdministration.Person> people(String hrEmail, UUID organisationId) {
        return administration.people(hrEmail, organisationId);
    }

    public Map<UUID, AccountSummary> find(Collection<UUID> ids) {
        return directory.findAll(ids);
    }
}
