package fr.referentia.account;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Other modules' read-only view of the accounts: who a person is (by their account id, the id
 * {@code /api/v1/me} returns and every API path uses) and which roles they hold. Modules keep
 * that id and ask here, never through the account tables.
 */
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

    /**
     * A person as other modules see them: no password, their roles, and the organisation they
     * belong to (that of their first organisation-scoped role; null for branch-wide people).
     */
    public record AccountSummary(UUID id, String email, String displayName, Set<Role> roles, boolean enabled,
            UUID organisationId) {

        public boolean holds(Role role) {
            return roles.contains(role);
        }
    }

    private final UserAccountRepository users;

    AccountDirectory(UserAccountRepository users) {
        this.users = users;
    }

    public Optional<AccountSummary> find(UUID id) {
        return id == null ? Optional.empty() : users.findById(id).map(AccountDirectory::summary);
    }

    /** By e-mail address, compared in lower case as accounts store it. */
    public Optional<AccountSummary> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return users.findByEmail(email.strip().toLowerCase(Locale.ROOT)).map(AccountDirectory::summary);
    }

    /** Several people at once, by id; unknown ids are absent from the map. */
    public Map<UUID, AccountSummary> findAll(Collection<UUID> ids) {
        return users.findAllById(ids).stream().map(AccountDirectory::summary)
                .collect(Collectors.toMap(AccountSummary::id, Function.identity()));
    }

    /** The people holding the role, by e-mail. */
    public List<AccountSummary> holdersOf(Role role) {
        return users.findAllByOrderByEmailAsc().stream().filter(user -> user.roles().contains(role))
                .map(AccountDirectory::summary).toList();
    }

    /**
     * The signed-in person, who must hold one of the roles; otherwise access is denied with the
     * given French reason.
     */
    public AccountSummary requireAnyRole(String email, String refusal, Role... roles) {
        AccountSummary requester = findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
        for (Role role : roles) {
            if (requester.holds(role)) {
                return requester;
            }
        }
        throw new AccessDeniedException(refusal);
    }

    private static AccountSummary summary(UserAccount user) {
        UUID organisationId = user.getGrants().stream().map(RoleGrant::getOrganisationId).filter(Objects::nonNull)
                .findFirst().orElse(null);
        return new AccountSummary(user.getId(), user.getEmail(), user.getDisplayName(), Set.copyOf(user.roles()),
                user.isEnabled(), organisationId);
    }
}
