package fr.referentia.account;

import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import java.io.Serializable;
import fr.referentia.shared.audit.AuditEvent;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations, people and their roles. Every change names who asks for it, and is checked
 * against {@link GrantPolicy} and the granter's own organisations.
 */
@Service
@Transactional
public class AccountAdministration {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final OrganisationRepository organisations;
    private final UserAccountRepository users;
    private final AuditTrail audit;

    AccountAdministration(OrganisationRepository organisations, UserAccountRepository users, AuditTrail audit) {
        this.organisations = organisations;
        this.users = users;
        this.audit = audit;
    }

    /** What the audit trail keeps of an organisation, an account and a role grant. */
    record OrganisationState(String name, String siret, String address, SizeBand sizeBand, OrganisationType type) {
    }

    record AccountState(String email, String displayName) {
    }

    record GrantState(Role role, UUID organisationId, String organisationName) {
    }

    /** Serializable: a refused form goes back to the page as a flash attribute, kept in the session table. */
    public record NewOrganisation(String name, String siret, String address, SizeBand sizeBand,
            OrganisationType type) implements Serializable {
    }

    public Organisation createOrganisation(String requesterEmail, NewOrganisation form) {
        requireBranchAdmin(requesterEmail);
        String name = required(form.name(), "Le nom de l'organisme", 200);
        String address = required(form.address(), "L'adresse", 500);
        Siret siret = Siret.parse(form.siret());
        if (form.sizeBand() == null || form.type() == null) {
            throw new BadInputException("Choisissez la tranche d'effectif et le type de l'organisme.");
        }
        if (organisations.existsBySiret(siret.value())) {
            throw new ConflictException("Un organisme existe déjà avec le SIRET " + siret.formatted() + ".");
        }
        Organisation created = organisations.save(new Organisation(name, siret, address, form.sizeBand(),
                form.type()));
        audit.record(AuditEvent.of("ORGANISATION_CREATED", "ORGANISATION", created.getId().toString())
                .organisation(created.getId())
                .change(null, new OrganisationState(name, siret.value(), address, form.sizeBand(), form.type()))
                .by(requesterEmail));
        return created;
    }

    @Transactional(readOnly = true)
    public List<Organisation> organisations() {
        return organisations.findAllByOrderByNameAsc();
    }

    /** Creates a person without a password (they set it from their invitation) and gives them a role. */
    public UserAccount createUser(String requesterEmail, String email, String displayName, Role role,
            UUID organisationId) {
        String normalised = required(email, "L'adresse e-mail", 320).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalised).matches()) {
            throw new BadInputException("L'adresse e-mail « " + email + " » n'est pas valide.");
        }
        String name = required(displayName, "Le nom", 200);
        Organisation organisation = organisation(organisationId);
        check(requester(requesterEmail), role, organisation);
        if (users.existsByEmail(normalised)) {
            throw new ConflictException("Un compte existe déjà pour l'adresse " + normalised + ".");
        }
        UserAccount user = new UserAccount(normalised, name, null);
        user.grant(role, organisation);
        users.save(user);
        UUID organisationIdOrNull = organisation == null ? null : organisation.getId();
        audit.record(AuditEvent.of("ACCOUNT_CREATED", "USER_ACCOUNT", user.getId().toString())
                .subject(user.getId()).organisation(organisationIdOrNull)
                .change(null, new AccountState(normalised, name)).by(requesterEmail));
        audit.record(AuditEvent.of("ROLE_GRANTED", "USER_ACCOUNT", user.getId().toString())
                .subject(user.getId()).organisation(organisationIdOrNull)
                .change(List.of(), grantStates(user)).by(requesterEmail));
        return user;
    }

    public void grant(String requesterEmail, UUID userId, Role role, UUID organisationId) {
        Organisation organisation = organisation(organisationId);
        check(requester(requesterEmail), role, organisation);
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("Compte introuvable."));
        List<GrantState> before = grantStates(user);
        if (user.grant(role, organisation)) {
            audit.record(AuditEvent.of("ROLE_GRANTED", "USER_ACCOUNT", user.getId().toString())
                    .subject(user.getId()).organisation(organisationId)
                    .change(before, grantStates(user)).by(requesterEmail));
        }
    }

    private static List<GrantState> grantStates(UserAccount user) {
        return user.getGrants().stream().map(grant -> new GrantState(grant.getRole(), grant.getOrganisationId(),
                grant.getOrganisation() == null ? null : grant.getOrganisation().getName())).toList();
    }

    /** A person as administrators see them: no password hash, roles with their organisation. */
    public record Person(UUID id, String email, String displayName, boolean active, List<String> roles) {
    }

    /** Everyone for the branch administrator; for an organisation's HR, the people of that organisation. */
    @Transactional(readOnly = true)
    public List<Person> people(String requesterEmail, UUID organisationId) {
        UserAccount requester = requester(requesterEmail);
        boolean admin = requester.roles().contains(Role.BRANCH_ADMIN);
        if (organisationId == null && !admin) {
            throw new AccessDeniedException("Seul un administrateur de branche voit tous les comptes.");
        }
        if (organisationId != null && !admin && !managesOrganisation(requester, organisationId)) {
            throw new NotFoundException("Organisme introuvable.");
        }
        return users.findAllByOrderByEmailAsc().stream()
                .filter(user -> organisationId == null || user.getGrants().stream()
                        .anyMatch(grant -> organisationId.equals(grant.getOrganisationId())))
                .map(AccountAdministration::person)
                .toList();
    }

    /** The organisation, if the requester may manage it (branch administrator, or its HR). */
    @Transactional(readOnly = true)
    public Organisation managedOrganisation(String requesterEmail, UUID organisationId) {
        UserAccount requester = requester(requesterEmail);
        if (!requester.roles().contains(Role.BRANCH_ADMIN) && !managesOrganisation(requester, organisationId)) {
            throw new NotFoundException("Organisme introuvable.");
        }
        return organisation(organisationId);
    }

    private static boolean managesOrganisation(UserAccount user, UUID organisationId) {
        return user.getGrants().stream().anyMatch(grant -> grant.getRole() == Role.ORG_HR
                && organisationId.equals(grant.getOrganisationId()));
    }

    private static Person person(UserAccount user) {
        return new Person(user.getId(), user.getEmail(), user.getDisplayName(),
                user.isEnabled() && user.getPasswordHash() != null,
                user.getGrants().stream().map(grant -> grant.getRole().label()
                        + (grant.getOrganisation() == null ? "" : " — " + grant.getOrganisation().getName()))
                        .toList());
    }

    private static void check(UserAccount requester, Role role, Organisation organisation) {
        if (role == null) {
            throw new BadInputException("Choisissez un rôle.");
        }
        var decision = GrantPolicy.checkAll(new GrantPolicy.Request(requester.heldGrants(), role,
                organisation == null ? null : organisation.getId()));
        if (!decision.allowed()) {
            throw new AccessDeniedException(decision.reason());
        }
    }

    private Organisation organisation(UUID id) {
        // An unknown id and another body's id read the same, so ids cannot be probed.
        return id == null ? null : organisations.findById(id)
                .orElseThrow(() -> new NotFoundException("Organisme introuvable."));
    }

    private UserAccount requester(String email) {
        return users.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
    }

    private void requireBranchAdmin(String email) {
        if (!requester(email).roles().contains(Role.BRANCH_ADMIN)) {
            throw new AccessDeniedException("Seul un administrateur de branche peut créer un organisme.");
        }
    }

    private static String required(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(what + " est obligatoire.");
        }
        if (value.strip().length() > max) {
            throw new BadInputException(what + " dépasse " + max + " caractères.");
        }
        return value.strip();
    }
}
