package fr.referentia.account;

import fr.referentia.account.AccountAdministration.Person;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.audit.AuditEvent;
import fr.referentia.shared.text.PlainText;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts administration: find people (search, filters, pages), open a person's account, change
 * their roles, deactivate and reactivate it. The branch administrator acts on every account; an
 * organisation's HR ({@code scope} set to that organisation) on the people of that organisation only,
 * and sees only their roles there: another organisation, and a person outside it, read as unknown
 * (404). Every change goes through {@link GrantPolicy} or {@link AccountChangePolicy} and is audited.
 */
@Service
@Transactional
public class AccountManagement {

    public static final int PAGE_SIZE = 25;
    static final String UNKNOWN_ACCOUNT = "Compte introuvable.";

    private final UserAccountRepository users;
    private final OrganisationRepository organisations;
    private final PasswordLinkRepository links;
    private final AccessTokenRepository tokens;
    private final PendingMembershipRepository memberships;
    private final Memberships invitations;
    private final SignedInSessions sessions;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final Clock clock;

    AccountManagement(UserAccountRepository users, OrganisationRepository organisations, PasswordLinkRepository links,
            AccessTokenRepository tokens, PendingMembershipRepository memberships, Memberships invitations,
            SignedInSessions sessions, AuditTrail audit, EntityManager entityManager, Clock clock) {
        this.memberships = memberships;
        this.invitations = invitations;
        this.users = users;
        this.organisations = organisations;
        this.links = links;
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * What is looked for: part of the name or address, a role, an organisation (the branch
     * administrator's filter; ignored in an organisation's scope), the state (true: accounts that may
     * sign in or are invited; false: deactivated ones), and the page (from 0).
     */
    public record AccountQuery(String text, Role role, UUID organisationId, Boolean active, int page) {

        public static final AccountQuery ALL = new AccountQuery(null, null, null, null, 0);
    }

    /** One page of people, in the order of their names. */
    public record AccountPage(List<Person> people, int page, int pageCount, long total) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pageCount;
        }
    }

    /** A role held, as the account page shows it. */
    public record GrantView(Role role, UUID organisationId, String organisationName) {

        public String label() {
            return role.label() + (organisationName == null ? "" : " — " + organisationName);
        }
    }

    /**
     * A person's account as the requester may see it: in an organisation's scope, only the roles held
     * there; the roles the requester may still give; whether the account may sign in.
     */
    public record AccountView(UUID id, String email, String displayName, boolean enabled, boolean passwordSet,
            boolean erased, Instant createdAt, List<GrantView> grants, List<Role> grantableRoles, boolean scoped,
            boolean invitedOnly) {

        /**
         * In an organisation's scope, someone who has not accepted its invitation yet (a new person
         * without a password, or an account from elsewhere without an answer) reads the same, and their
         * access is changed by withdrawing the role, not by deactivation.
         */
        public boolean awaitingAnswer() {
            return scoped && (invitedOnly || !passwordSet);
        }

        public String state() {
            if (erased) {
                return "Effacé";
            }
            if (awaitingAnswer()) {
                return enabled || invitedOnly ? "Invitation envoyée : pas encore acceptée" : "Désactivé : ne peut pas se connecter";
            }
            if (!enabled) {
                return "Désactivé : ne peut pas se connecter";
            }
            return passwordSet ? "Actif" : "Invité : mot de passe pas encore choisi";
        }
    }

    @Transactional(readOnly = true)
    public AccountPage search(String requesterEmail, UUID scope, AccountQuery query) {
        UserAccount requester = requester(requesterEmail, scope);
        if (query.page() < 0) {
            throw new BadInputException("Le numéro de page ne peut pas être négatif.");
        }
        String text = query.text() == null || query.text().isBlank() ? null : PlainText.normalise(query.text().strip());
        if (text != null && text.length() > 320) {
            throw new BadInputException("La recherche dépasse 320 caractères.");
        }
        UUID organisationId = scope != null ? scope : query.organisationId();
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<UserAccount> countRoot = count.from(UserAccount.class);
        count.select(cb.count(countRoot)).where(matching(cb, count, countRoot, text, query, organisationId, scope));
        long total = entityManager.createQuery(count).getSingleResult();
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (query.page() >= pageCount) {
            throw new BadInputException("La page " + (query.page() + 1) + " n'existe pas : la liste en compte "
                    + pageCount + " pour ces filtres.");
        }
        CriteriaQuery<UserAccount> select = cb.createQuery(UserAccount.class);
        Root<UserAccount> root = select.from(UserAccount.class);
        select.select(root).where(matching(cb, select, root, text, query, organisationId, scope))
                .orderBy(cb.asc(cb.lower(root.get("displayName"))), cb.asc(root.get("email")));
        List<UserAccount> found = entityManager.createQuery(select).setFirstResult(query.page() * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE).getResultList();
        Map<UUID, Instant> invitations = new HashMap<>();
        List<UUID> pending = found.stream().filter(user -> user.getPasswordHash() == null).map(UserAccount::getId)
                .toList();
        if (!pending.isEmpty()) {
            links.openInvitationExpiries(pending).forEach(row -> invitations.put((UUID) row[0], (Instant) row[1]));
        }
        Instant now = clock.instant();
        Map<UUID, List<PendingMembership>> invited = new HashMap<>();
        if (scope != null && !found.isEmpty()) {
            memberships.findUnansweredIn(scope, found.stream().map(UserAccount::getId).toList())
                    .forEach(membership -> invited.computeIfAbsent(membership.getUser().getId(), id -> new ArrayList<>())
                            .add(membership));
        }
        List<Person> people = found.stream().map(user -> isMember(user, scope) || !invited.containsKey(user.getId())
                ? AccountAdministration.person(user, invitations.get(user.getId()), now, scope)
                : invitedPerson(user, invited.get(user.getId()), now)).toList();
        return new AccountPage(people, query.page(), pageCount, total);
    }

    /** One of an organisation's people for the API: only their roles there (offered ones while they have not answered). */
    public record Member(UUID id, String email, String displayName, List<Role> roles) {
    }

    /**
     * Every person of the organisation, by e-mail: those with a role there and those it invited who have
     * not answered yet, the latter under the name it typed (as on the page: {@link #search}).
     */
    @Transactional(readOnly = true)
    public List<Member> members(String requesterEmail, UUID organisationId) {
        requester(requesterEmail, organisationId);
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<UserAccount> select = cb.createQuery(UserAccount.class);
        Root<UserAccount> root = select.from(UserAccount.class);
        select.select(root).where(matching(cb, select, root, null, AccountQuery.ALL, organisationId, organisationId))
                .orderBy(cb.asc(root.get("email")));
        List<UserAccount> found = entityManager.createQuery(select).getResultList();
        Map<UUID, List<PendingMembership>> invited = new HashMap<>();
        if (!found.isEmpty()) {
            memberships.findUnansweredIn(organisationId, found.stream().map(UserAccount::getId).toList())
                    .forEach(membership -> invited.computeIfAbsent(membership.getUser().getId(), id -> new ArrayList<>())
                            .add(membership));
        }
        return found.stream().map(user -> isMember(user, organisationId)
                ? new Member(user.getId(), user.getEmail(), user.getDisplayName(), user.getGrants().stream()
                        .filter(grant -> organisationId.equals(grant.getOrganisationId())).map(RoleGrant::getRole)
                        .distinct().sorted().toList())
                : new Member(user.getId(), user.getEmail(), invited.get(user.getId()).stream()
                        .max(java.util.Comparator.comparing(PendingMembership::getCreatedAt)).orElseThrow()
                        .getInvitedName(), invited.get(user.getId()).stream().map(PendingMembership::getRole)
                        .distinct().sorted().toList())).toList();
    }

    /**
     * The filters as a query. In an organisation's scope, its people are those with a role there and
     * those it invited who have not answered yet ({@link Memberships}); the latter are matched on what
     * the organisation typed, never on their account's name or state, which it must not learn.
     */
    private Predicate[] matching(CriteriaBuilder cb, CriteriaQuery<?> query, Root<UserAccount> root,
            String text, AccountQuery filter, UUID organisationId, UUID scope) {
        List<Predicate> where = new ArrayList<>();
        String pattern = text == null ? null : "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        Predicate member = null;
        if (filter.role() != null || organisationId != null) {
            Subquery<Long> grant = query.subquery(Long.class);
            Root<RoleGrant> grants = grant.from(RoleGrant.class);
            List<Predicate> grantWhere = new ArrayList<>(List.of(cb.equal(grants.get("user"), root)));
            if (filter.role() != null) {
                grantWhere.add(cb.equal(grants.get("role"), filter.role()));
            }
            if (organisationId != null) {
                grantWhere.add(cb.equal(grants.get("organisation").get("id"), organisationId));
            }
            grant.select(grants.get("id")).where(grantWhere.toArray(Predicate[]::new));
            member = cb.exists(grant);
        }
        Predicate byName = pattern == null ? null : cb.or(cb.like(cb.lower(root.get("email")), pattern, '\\'),
                cb.like(cb.lower(root.get("displayName")), pattern, '\\'));
        Predicate byState = filter.active() == null ? null : filter.active()
                ? cb.and(cb.isTrue(root.get("enabled")), cb.isNull(root.get("erasedAt")))
                : cb.isFalse(root.get("enabled"));
        if (scope == null) {
            Stream.of(member, byName, byState).filter(Objects::nonNull).forEach(where::add);
            return where.toArray(Predicate[]::new);
        }
        List<Predicate> asMember = new ArrayList<>(List.of(member));
        Stream.of(byName, byState).filter(Objects::nonNull).forEach(asMember::add);
        Subquery<UUID> invitation = query.subquery(UUID.class);
        Root<PendingMembership> invitations = invitation.from(PendingMembership.class);
        List<Predicate> invitationWhere = new ArrayList<>(List.of(cb.equal(invitations.get("user"), root),
                cb.equal(invitations.get("organisation").get("id"), scope), cb.isNull(invitations.get("answeredAt"))));
        if (filter.role() != null) {
            invitationWhere.add(cb.equal(invitations.get("role"), filter.role()));
        }
        if (pattern != null) {
            invitationWhere.add(cb.or(cb.like(cb.lower(root.get("email")), pattern, '\\'),
                    cb.like(cb.lower(invitations.get("invitedName")), pattern, '\\')));
        }
        invitation.select(invitations.get("id")).where(invitationWhere.toArray(Predicate[]::new));
        Predicate invited = Boolean.FALSE.equals(filter.active()) ? cb.disjunction() : cb.exists(invitation);
        where.add(cb.or(cb.and(asMember.toArray(Predicate[]::new)), invited));
        return where.toArray(Predicate[]::new);
    }

    @Transactional(readOnly = true)
    public AccountView account(String requesterEmail, UUID userId, UUID scope) {
        UserAccount requester = requester(requesterEmail, scope);
        UserAccount subject = subject(userId, scope);
        return view(requester, subject, scope, invitedOnly(subject, scope));
    }

    /** In an organisation's scope, the organisation's unanswered invitations of someone without a role there. */
    private List<PendingMembership> invitedOnly(UserAccount subject, UUID scope) {
        return isMember(subject, scope) ? List.of() : invitations.unansweredIn(subject, scope);
    }

    private static final String AWAITING = "La personne n'a pas encore accepté l'invitation de l'organisme :"
            + " retirez-lui son rôle pour l'annuler.";

    /** Gives a role ({@link GrantPolicy}); in an organisation's scope, in that organisation only. */
    public void grant(String requesterEmail, UUID userId, Role role, UUID organisationId, UUID scope) {
        UserAccount requester = requester(requesterEmail, scope);
        UserAccount subject = subject(userId, scope);
        UUID where = scope != null ? scope : organisationId;
        if (role == null) {
            throw new BadInputException("Choisissez un rôle.");
        }
        if (subject.getErasedAt() != null) {
            throw new ConflictException("Ce compte a été effacé à la demande de la personne : il ne peut plus"
                    + " recevoir de rôle.");
        }
        Organisation organisation = organisation(where);
        GrantPolicy.checkAll(new GrantPolicy.Request(requester.heldGrants(), role, where))
                .orThrow(AccessDeniedException::new);
        List<PendingMembership> invited = invitedOnly(subject, scope);
        if (!invited.isEmpty()) {
            invitations.offer(requester.getEmail(), organisation,
                    List.of(new Memberships.Offer(subject, role, invited.get(0).getInvitedName())));
            return;
        }
        List<AccountAdministration.GrantState> before = AccountAdministration.grantStates(subject);
        if (subject.grant(role, organisation)) {
            audit.record(AuditEvent.of("ROLE_GRANTED", "USER_ACCOUNT", subject.getId().toString())
                    .subject(subject.getId()).organisation(where)
                    .change(before, AccountAdministration.grantStates(subject)).by(requester.getEmail()));
        }
    }

    /** Takes a role away ({@link AccountChangePolicy}); in an organisation's scope, in that organisation only. */
    public void revoke(String requesterEmail, UUID userId, Role role, UUID organisationId, UUID scope) {
        UserAccount requester = requester(requesterEmail, scope);
        UserAccount subject = subject(userId, scope);
        UUID where = scope != null ? scope : organisationId;
        if (role == null) {
            throw new BadInputException("Choisissez le rôle à retirer.");
        }
        Organisation organisation = organisation(where);
        List<PendingMembership> invited = invitedOnly(subject, scope);
        if (!invited.isEmpty()) {
            GrantPolicy.checkAll(new GrantPolicy.Request(requester.heldGrants(), role, where)).orThrow(reason ->
                    new AccessDeniedException("Vous ne pouvez pas retirer le rôle « " + role.label()
                            + " » : il ne relève pas de votre gestion."));
            if (!invitations.withdraw(requester.getEmail(), subject, organisation, role)) {
                throw new ConflictException(invited.get(0).getInvitedName() + " n'a pas le rôle « " + role.label()
                        + " » dans " + organisation.getName() + ".");
            }
            return;
        }
        if (subject.getGrants().stream().noneMatch(grant -> grant.getRole() == role
                && Objects.equals(grant.getOrganisationId(), where))) {
            throw new ConflictException(subject.getDisplayName() + " n'a pas le rôle « " + role.label() + " »"
                    + (organisation == null ? "" : " dans " + organisation.getName()) + ".");
        }
        AccountChangePolicy.checkAll(AccountChangePolicy.Request.revoke(requester, subject, role, where,
                users.countOtherActiveHolders(Role.BRANCH_ADMIN, subject.getId()))).orThrow(AccessDeniedException::new);
        List<AccountAdministration.GrantState> before = AccountAdministration.grantStates(subject);
        if (!subject.revoke(role, organisation)) {
            throw new ConflictException(subject.getDisplayName() + " n'a pas le rôle « " + role.label() + " »"
                    + (organisation == null ? "" : " dans " + organisation.getName()) + ".");
        }
        audit.record(AuditEvent.of("ROLE_REVOKED", "USER_ACCOUNT", subject.getId().toString())
                .subject(subject.getId()).organisation(where)
                .change(before, AccountAdministration.grantStates(subject)).by(requester.getEmail()));
    }

    /**
     * The account can no longer sign in: its sessions end on every node, its access tokens and its
     * open links (invitation, new password) are revoked. Returns the person's name.
     */
    public String deactivate(String requesterEmail, UUID userId, UUID scope) {
        UserAccount requester = requester(requesterEmail, scope);
        UserAccount subject = subject(userId, scope);
        if (scope != null && (subject.getPasswordHash() == null || !invitedOnly(subject, scope).isEmpty())) {
            throw new ConflictException(AWAITING);
        }
        AccountChangePolicy.checkAll(AccountChangePolicy.Request.status(AccountChangePolicy.Kind.DEACTIVATE, requester,
                subject, users.countOtherActiveHolders(Role.BRANCH_ADMIN, subject.getId())))
                .orThrow(AccessDeniedException::new);
        if (!subject.isEnabled()) {
            throw new ConflictException("Le compte de " + subject.getDisplayName() + " est déjà désactivé.");
        }
        Instant now = clock.instant();
        subject.deactivate();
        tokens.findByOwnerOrderByCreatedAtDesc(subject).forEach(token -> token.revoke(now));
        links.findOpen(subject).forEach(link -> link.revoke(now));
        sessions.endAllOf(subject.getEmail());
        audit.record(AuditEvent.of("ACCOUNT_DEACTIVATED", "USER_ACCOUNT", subject.getId().toString())
                .subject(subject.getId()).organisation(scope)
                .change(new StatusState(true), new StatusState(false)).by(requester.getEmail()));
        return subject.getDisplayName();
    }

    /** The account may sign in again (tokens revoked at deactivation stay revoked). Returns the person's name. */
    public String reactivate(String requesterEmail, UUID userId, UUID scope) {
        UserAccount requester = requester(requesterEmail, scope);
        UserAccount subject = subject(userId, scope);
        if (scope != null && (subject.getPasswordHash() == null || !invitedOnly(subject, scope).isEmpty())) {
            throw new ConflictException(AWAITING);
        }
        AccountChangePolicy.checkAll(AccountChangePolicy.Request.status(AccountChangePolicy.Kind.REACTIVATE, requester,
                subject, users.countOtherActiveHolders(Role.BRANCH_ADMIN, subject.getId())))
                .orThrow(AccessDeniedException::new);
        if (subject.isEnabled()) {
            throw new ConflictException("Le compte de " + subject.getDisplayName() + " est déjà actif.");
        }
        subject.reactivate();
        audit.record(AuditEvent.of("ACCOUNT_REACTIVATED", "USER_ACCOUNT", subject.getId().toString())
                .subject(subject.getId()).organisation(scope)
                .change(new StatusState(false), new StatusState(true)).by(requester.getEmail()));
        return subject.getDisplayName();
    }

    private static boolean isMember(UserAccount user, UUID scope) {
        return scope == null || user.getGrants().stream().anyMatch(grant -> scope.equals(grant.getOrganisationId()));
    }

    /**
     * Someone the organisation invited who already had an account and has not answered: shown with
     * what the organisation typed, in the words of a new person's invitation ({@link AccountAdministration#person}).
     */
    private static Person invitedPerson(UserAccount user, List<PendingMembership> invitations, Instant now) {
        PendingMembership latest = invitations.stream().max(java.util.Comparator.comparing(PendingMembership::getExpiresAt))
                .orElseThrow();
        String state = now.isBefore(latest.getExpiresAt()) ? "Invitation envoyée, valable jusqu'au "
                + AccountAdministration.DAY.format(latest.getExpiresAt().atZone(AccountAdministration.PARIS))
                : "Invitation expirée";
        return new Person(user.getId(), user.getEmail(), latest.getInvitedName(), false,
                invitations.stream().map(invitation -> invitation.getRole().label() + " — "
                        + invitation.getOrganisation().getName()).distinct().toList(), state);
    }

    /** What the journal keeps of an account's state. */
    record StatusState(boolean active) {
    }

    private AccountView view(UserAccount requester, UserAccount subject, UUID scope, List<PendingMembership> invited) {
        List<Role> grantableHere = Arrays.stream(Role.values())
                .filter(role -> scope == null ? roleGrantableSomewhere(requester, role)
                        : GrantPolicy.checkAll(new GrantPolicy.Request(requester.heldGrants(), role, scope)).isAllowed())
                .toList();
        if (!invited.isEmpty()) {
            PendingMembership latest = invited.get(0);
            return new AccountView(subject.getId(), subject.getEmail(), latest.getInvitedName(), true, false, false,
                    latest.getCreatedAt(), invited.stream().map(membership -> new GrantView(membership.getRole(),
                            scope, membership.getOrganisation().getName())).distinct().toList(), grantableHere, true, true);
        }
        List<GrantView> grants = subject.getGrants().stream()
                .filter(grant -> scope == null || scope.equals(grant.getOrganisationId()))
                .map(grant -> new GrantView(grant.getRole(), grant.getOrganisationId(),
                        grant.getOrganisation() == null ? null : grant.getOrganisation().getName()))
                .toList();
        return new AccountView(subject.getId(), subject.getEmail(), subject.getDisplayName(), subject.isEnabled(),
                subject.getPasswordHash() != null, subject.getErasedAt() != null, subject.getCreatedAt(), grants,
                grantableHere, scope != null, false);
    }

    /** The roles the requester may give in the organisation (which they manage: otherwise it reads as unknown). */
    @Transactional(readOnly = true)
    public List<Role> grantableIn(String requesterEmail, UUID organisationId) {
        UserAccount requester = requester(requesterEmail, organisationId);
        return Arrays.stream(Role.values()).filter(role -> GrantPolicy.checkAll(
                new GrantPolicy.Request(requester.heldGrants(), role, organisationId)).isAllowed()).toList();
    }

    private static boolean roleGrantableSomewhere(UserAccount requester, Role role) {
        return requester.roles().contains(Role.BRANCH_ADMIN)
                || GrantPolicy.checkAll(new GrantPolicy.Request(requester.heldGrants(), role, null)).isAllowed();
    }

    /**
     * The requester: in an organisation's scope, its HR or the branch administrator (another
     * organisation reads as unknown); without a scope, the branch administrator only.
     */
    private UserAccount requester(String email, UUID scope) {
        UserAccount requester = users.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
        if (scope == null) {
            if (!requester.roles().contains(Role.BRANCH_ADMIN)) {
                throw new AccessDeniedException("Seul un administrateur de branche administre tous les comptes.");
            }
        } else {
            ManagedOrganisationPolicy.checkAll(new ManagedOrganisationPolicy.Request(requester.heldGrants(), scope))
                    .orNotFound();
            organisation(scope);
        }
        return requester;
    }

    /** The person; in an organisation's scope, someone without a role there reads as unknown. */
    private UserAccount subject(UUID userId, UUID scope) {
        return users.findById(userId)
                .filter(user -> isMember(user, scope) || !invitations.unansweredIn(user, scope).isEmpty())
                .orElseThrow(() -> new NotFoundException(UNKNOWN_ACCOUNT));
    }

    private Organisation organisation(UUID id) {
        return id == null ? null : organisations.findById(id)
                .orElseThrow(() -> new NotFoundException(ManagedOrganisationPolicy.UNKNOWN));
    }

    /** The people's names by account id, for the journal (accounts unknown or erased read as they are stored). */
    @Transactional(readOnly = true)
    public Map<UUID, String> names(java.util.Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        List<UUID> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (!wanted.isEmpty()) {
            users.findAllById(wanted).forEach(user -> names.put(user.getId(), user.getDisplayName()));
        }
        return names;
    }
}
