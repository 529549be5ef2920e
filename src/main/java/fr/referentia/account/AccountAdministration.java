package fr.referentia.account;

import fr.referentia.shared.BadInputException;
import fr.referentia.shared.text.Confusables;
import fr.referentia.shared.text.PlainText;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import java.io.Serializable;
import fr.referentia.shared.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final OrganisationRepository organisations;
    private final UserAccountRepository users;
    private final AuditTrail audit;
    private final PasswordLinks passwordLinks;
    private final PasswordLinkRepository links;
    private final Memberships memberships;
    private final Clock clock;

    AccountAdministration(OrganisationRepository organisations, UserAccountRepository users, AuditTrail audit,
            PasswordLinks passwordLinks, PasswordLinkRepository links, Memberships memberships, Clock clock) {
        this.clock = clock;
        this.memberships = memberships;
        this.organisations = organisations;
        this.users = users;
        this.audit = audit;
        this.passwordLinks = passwordLinks;
        this.links = links;
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

    /** An organisation by its id, without reading the others (the branch counts some 9,000). */
    @Transactional(readOnly = true)
    public Optional<Organisation> findOrganisation(UUID id) {
        return organisations.findById(id);
    }

    /** At most {@code limit} organisations whose name holds {@code text} (case ignored), by name. */
    @Transactional(readOnly = true)
    public List<Organisation> organisationsNamed(String text, int limit) {
        return organisations.findByNameContainingIgnoreCaseOrderByNameAsc(text,
                org.springframework.data.domain.PageRequest.of(0, limit));
    }

    /**
     * Creates a person without a password and gives them a role; they are sent an invitation to set
     * their password.
     */
    public UserAccount createUser(String requesterEmail, String email, String displayName, Role role,
            UUID organisationId) {
        String normalised = required(email, "L'adresse e-mail", 320).toLowerCase(Locale.ROOT);
        if (!EmailAddresses.isValid(normalised)) {
            throw new BadInputException("L'adresse e-mail « " + email + " » n'est pas valide.");
        }
        String name = required(displayName, "Le nom", 200);
        Organisation organisation = organisation(organisationId);
        UserAccount requester = requester(requesterEmail);
        if (organisation != null) {
            requireManaged(requester, organisation.getId());
        }
        check(requester, role, organisation);
        if (users.existsByEmail(normalised)) {
            throw new ConflictException("Un compte existe déjà pour l'adresse " + normalised + ".");
        }
        if (users.existsByEmailSkeleton(Confusables.skeletonDigest(normalised))) {
            throw new BadInputException(EmailAddresses.lookAlike(normalised));
        }
        UserAccount user = new UserAccount(normalised, name, null);
        user.grant(role, organisation);
        users.save(user);
        recordCreation(requesterEmail, user, organisation);
        passwordLinks.inviteNew(List.of(user));
        return user;
    }

    /** What an organisation's page or API is told of the person it invited: only what it typed, and the id. */
    public record Invited(UUID id, String email, String displayName, Role role) {
    }

    /**
     * Invites a person into an organisation: a new account as {@link #createUser}, unless the address
     * already has an account outside the organisation and the requester is its HR (not the branch
     * administrator, who sees every account). Then that person is invited to join ({@link Memberships})
     * and the answer is the same as for a new person, so that the form reveals no account (issue 10).
     */
    public Invited invite(String requesterEmail, String email, String displayName, Role role, UUID organisationId) {
        UserAccount requester = requester(requesterEmail);
        Organisation organisation = organisation(organisationId);
        requireManaged(requester, organisationId);
        String normalised = required(email, "L'adresse e-mail", 320).toLowerCase(Locale.ROOT);
        String name = required(displayName, "Le nom", 200);
        Optional<UserAccount> elsewhere = users.findByEmail(normalised)
                .filter(existing -> existing.getGrants().stream()
                        .noneMatch(grant -> organisationId.equals(grant.getOrganisationId())))
                .filter(existing -> !requester.roles().contains(Role.BRANCH_ADMIN));
        if (elsewhere.isPresent()) {
            check(requester, role, organisation);
            memberships.offer(requesterEmail, organisation, List.of(new Memberships.Offer(elsewhere.get(), role, name)));
            return new Invited(elsewhere.get().getId(), normalised, name, role);
        }
        UserAccount created = createUser(requesterEmail, email, displayName, role, organisationId);
        return new Invited(created.getId(), created.getEmail(), created.getDisplayName(), role);
    }

    /** Writes the audit entries of a new account and its first role (also used by the bulk invitation). */
    void recordCreation(String requesterEmail, UserAccount user, Organisation organisation) {
        UUID organisationIdOrNull = organisation == null ? null : organisation.getId();
        audit.record(AuditEvent.of("ACCOUNT_CREATED", "USER_ACCOUNT", user.getId().toString())
                .subject(user.getId()).organisation(organisationIdOrNull)
                .change(null, new AccountState(user.getEmail(), user.getDisplayName())).by(requesterEmail));
        audit.record(AuditEvent.of("ROLE_GRANTED", "USER_ACCOUNT", user.getId().toString())
                .subject(user.getId()).organisation(organisationIdOrNull)
                .change(List.of(), grantStates(user)).by(requesterEmail));
    }

    /**
     * Sends a person who has not chosen a password yet a new invitation; the older one stops
     * working. From an organisation's page ({@code organisationId} set), its HR may do so for the
     * people of that organisation; the branch administrator for anyone.
     */
    public void resendInvitation(String requesterEmail, UUID userId, UUID organisationId) {
        UserAccount requester = requester(requesterEmail);
        UserAccount person = users.findById(userId).orElseThrow(() -> new NotFoundException("Compte introuvable."));
        boolean admin = requester.roles().contains(Role.BRANCH_ADMIN);
        boolean managed = organisationId != null && manages(requester, organisationId);
        boolean hrOfThePerson = managed
                && person.getGrants().stream().anyMatch(grant -> organisationId.equals(grant.getOrganisationId()));
        if (managed && !hrOfThePerson && memberships.resendIn(person, organisationId)) {
            return; // someone with an account elsewhere whom the organisation invited: their invitation goes again
        }
        if (!admin && !hrOfThePerson) {
            // Someone outside the requester's organisations reads as unknown, like their organisation.
            throw new NotFoundException("Compte introuvable.");
        }
        if (person.getPasswordHash() != null) {
            throw new ConflictException(person.getEmail() + " a déjà choisi son mot de passe : en cas d'oubli,"
                    + " la personne utilise « Mot de passe oublié » sur la page de connexion.");
        }
        if (!person.isEnabled()) {
            throw new ConflictException("Le compte de " + person.getEmail() + " est désactivé : pas d'invitation.");
        }
        passwordLinks.reinvite(person);
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

    static List<GrantState> grantStates(UserAccount user) {
        return user.getGrants().stream().map(grant -> new GrantState(grant.getRole(), grant.getOrganisationId(),
                grant.getOrganisation() == null ? null : grant.getOrganisation().getName())).toList();
    }

    /**
     * A person as administrators see them: no password hash, roles with their organisation, and
     * where their account stands (active, invitation pending or expired).
     */
    public record Person(UUID id, String email, String displayName, boolean active, List<String> roles,
            String state) {
    }

    /** Everyone for the branch administrator; for an organisation's HR, the people of that organisation. */
    @Transactional(readOnly = true)
    public List<Person> people(String requesterEmail, UUID organisationId) {
        UserAccount requester = requester(requesterEmail);
        boolean admin = requester.roles().contains(Role.BRANCH_ADMIN);
        if (organisationId == null && !admin) {
            throw new AccessDeniedException("Seul un administrateur de branche voit tous les comptes.");
        }
        if (organisationId != null) {
            requireManaged(requester, organisationId);
        }
        List<UserAccount> shown = users.findAllByOrderByEmailAsc().stream()
                .filter(user -> organisationId == null || user.getGrants().stream()
                        .anyMatch(grant -> organisationId.equals(grant.getOrganisationId())))
                .toList();
        Map<UUID, Instant> invitations = new HashMap<>();
        List<UUID> pending = shown.stream().filter(user -> user.getPasswordHash() == null).map(UserAccount::getId)
                .toList();
        if (!pending.isEmpty()) {
            links.openInvitationExpiries(pending).forEach(row -> invitations.put((UUID) row[0], (Instant) row[1]));
        }
        Instant now = clock.instant();
        return shown.stream().map(user -> person(user, invitations.get(user.getId()), now, organisationId)).toList();
    }

    /** The organisation, if the requester may manage it (branch administrator, or its HR). */
    @Transactional(readOnly = true)
    public Organisation managedOrganisation(String requesterEmail, UUID organisationId) {
        UserAccount requester = requester(requesterEmail);
        requireManaged(requester, organisationId);
        return organisation(organisationId);
    }

    /** {@link ManagedOrganisationPolicy}: an organisation the requester does not manage reads as unknown (404). */
    private static void requireManaged(UserAccount requester, UUID organisationId) {
        ManagedOrganisationPolicy.checkAll(new ManagedOrganisationPolicy.Request(requester.heldGrants(), organisationId))
                .orNotFound();
    }

    private static boolean manages(UserAccount requester, UUID organisationId) {
        return ManagedOrganisationPolicy.checkAll(
                new ManagedOrganisationPolicy.Request(requester.heldGrants(), organisationId)).isAllowed();
    }

    /**
     * A person as administrators see them; in an organisation's scope ({@code scope} not null), only their
     * roles in that organisation, so that an organisation's HR learns nothing of the others.
     */
    static Person person(UserAccount user, Instant invitationExpiry, Instant now, UUID scope) {
        String state;
        if (user.getErasedAt() != null) {
            state = "Effacé";
        } else if (!user.isEnabled()) {
            state = "Désactivé";
        } else if (user.getPasswordHash() != null) {
            state = "Actif";
        } else if (invitationExpiry == null) {
            state = "Mot de passe à définir";
        } else if (now.isBefore(invitationExpiry)) {
            state = "Invitation envoyée, valable jusqu'au " + DAY.format(invitationExpiry.atZone(PARIS));
        } else {
            state = "Invitation expirée";
        }
        return new Person(user.getId(), user.getEmail(), user.getDisplayName(),
                user.isEnabled() && user.getPasswordHash() != null,
                user.getGrants().stream().filter(grant -> scope == null || scope.equals(grant.getOrganisationId()))
                        .map(grant -> grant.getRole().label()
                        + (grant.getOrganisation() == null ? "" : " — " + grant.getOrganisation().getName()))
                        .toList(), state);
    }

    private static void check(UserAccount requester, Role role, Organisation organisation) {
        if (role == null) {
            throw new BadInputException("Choisissez un rôle.");
        }
        GrantPolicy.checkAll(new GrantPolicy.Request(requester.heldGrants(), role,
                organisation == null ? null : organisation.getId())).orThrow(AccessDeniedException::new);
    }

    private Organisation organisation(UUID id) {
        // An unknown id and another body's id read the same, so ids cannot be probed.
        return id == null ? null : organisations.findById(id)
                .orElseThrow(() -> new NotFoundException(ManagedOrganisationPolicy.UNKNOWN));
    }

    private UserAccount requester(String email) {
        return users.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
    }

    private void requireBranchAdmin(String email) {
        if (!requester(email).roles().contains(Role.BRANCH_ADMIN)) {
            throw new AccessDeniedException("Seul un administrateur de branche peut créer un organisme.");
        }
    }

    /** A one-line text, in normal form C, free of invisible and control characters (see {@link PlainText}). */
    private static String required(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(what + " est obligatoire.");
        }
        String text = PlainText.normalise(value.strip());
        if (text.length() > max) {
            throw new BadInputException(what + " dépasse " + max + " caractères.");
        }
        String problem = PlainText.oneLineProblem(text);
        if (problem != null) {
            throw new BadInputException(what + " « " + PlainText.printable(text) + " » " + problem
                    + " : retapez ce texte sans ce caractère.");
        }
        return text;
    }
}
