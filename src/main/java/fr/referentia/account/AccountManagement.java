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
    private final SignedInSessions sessions;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final Clock clock;

    AccountManagement(UserAccountRepository users, OrganisationRepository organisations, PasswordLinkRepository links,
            AccessTokenRepository tokens, SignedInSessions sessions, AuditTrail audit, EntityManager entityManager,
            Clock clock) {
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
            boolean erased, Instant createdAt, List<GrantView> grants, List<Role> grantableRoles) {

        public String state() {
            if (erased) {
                return "Effacé";
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
        count.select(cb.count(countRoot)).where(matching(cb, count, countRoot, text, query, organisationId));
        long total = entityManager.createQuery(count).getSingleResult();
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (query.page() >= pageCount) {
            throw new BadInputException("La page " + (query.page() + 1) + " n'existe pas : la liste en compte "
                    + pageCount + " pour ces filtres.");
        }
        CriteriaQuery<UserAccount> select = cb.createQuery(UserAccount.class);
        Root<UserAccount> root = select.from(UserAccount.class);
        select.select(root).where(matching(cb, select, root, text, query, organisationId))
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
        List<Person> people = found.stream().map(user -> AccountAdministration.person(user,
                invitations.get(user.getId()), now, scope)).toList();
        return new AccountPage(people, query.page(), pageCount, total);
    }

    private static Predicate[] matching(CriteriaBuilder cb, CriteriaQuery<?> query, Root<UserAccount> root,
            String text, AccountQuery filter, UUID organisationId) {
        List<Predicate> where = new ArrayList<>();
        if (text != null) {
            String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.add(cb.or(cb.like(cb.lower(root.get("email")), pattern, '\\'),
                    cb.like(cb.lower(root.get("displayName")), pattern, '\\')));
        }
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
            where.add(cb.exists(grant));
        }
        if (filter.active() != null) {
            where.add(cb.equal(root.get("enabled"), filter.active()));
            if (filter.active()) {
                where.add(cb.isNull(root.get("erasedAt")));
            }
        }
        return where.toArray(Predicate[]::new);
    }

    @Transactional(readOnly = true)
    public AccountView account(String requesterEmail, UUID userId, UUID scope) {
        UserAccount requester = requester(requesterEmail, scope);
        return view(requester, subject(userId, scope), scope);
    }

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

    /** What the journal keeps of an account's state. */
    record StatusState(boolean active) {
    }

    private AccountView view(UserAccount requester, UserAccount subject, UUID scope) {
        List<GrantView> grants = subject.getGrants().stream()
                .filter(grant -> scope == null || scope.equals(grant.getOrganisationId()))
                .map(grant -> new GrantView(grant.getRole(), grant.getOrganisationId(),
                        grant.getOrganisation() == null ? null : grant.getOrganisation().getName()))
                .toList();
        List<Role> grantable = Arrays.stream(Role.values())
                .filter(role -> scope == null ? roleGrantableSomewhere(requester, role)
                        : GrantPolicy.checkAll(new GrantPolicy.Request(requester.heldGrants(), role, scope)).isAllowed())
                .toList();
        return new AccountView(subject.getId(), subject.getEmail(), subject.getDisplayName(), subject.isEnabled(),
                subject.getPasswordHash() != null, subject.getErasedAt() != null, subject.getCreatedAt(), grants,
                grantable);
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
                .filter(user -> scope == null || user.getGrants().stream()
                        .anyMatch(grant -> scope.equals(grant.getOrganisationId())))
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
