package fr.referentia.account;

import fr.referentia.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens of machine clients: created by a signed-in person, shown once, kept as a
 * hash, listed and revoked by their owner only (another person's token reads as unknown).
 */
@Service
@Transactional
public class AccessTokens {

    /** Expiry dates are days in the branch's time zone: a token works until the end of that day. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final AccessTokenRepository tokens;
    private final UserAccountRepository users;
    private final Clock clock;
    private final SignInLog signInLog;

    AccessTokens(AccessTokenRepository tokens, UserAccountRepository users, ObjectProvider<Clock> clock,
            SignInLog signInLog) {
        this.signInLog = signInLog;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A token as its owner sees it in the list: never its secret. */
    public record TokenView(UUID id, String name, AccessTokenScope scope, String hint, Instant createdAt,
            LocalDate lastValidDay, Instant lastUsedAt, Instant revokedAt, boolean active) {
    }

    /** A new token with its secret, to show once. */
    public record IssuedToken(TokenView token, String secret) {
    }

    /** A caller authenticated by a token: its owner, the owner's current roles, and the token's scope. */
    record Bearer(UUID tokenId, String ownerEmail, Set<Role> roles, AccessTokenScope scope) {
    }

    public IssuedToken create(String ownerEmail, String name, AccessTokenScope scope, LocalDate expiresOn) {
        UserAccount owner = owner(ownerEmail);
        AccessTokenPolicy.checkAll(new AccessTokenPolicy.Request(name, scope, expiresOn,
                owner.roles(), LocalDate.now(clock.withZone(ZONE)))).orBadInput();
        AccessTokenSecret secret = AccessTokenSecret.generate();
        Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(ZONE).toInstant();
        AccessToken token = tokens.save(new AccessToken(owner, name.strip(), scope, secret, clock.instant(),
                expiresAt));
        return new IssuedToken(view(token), secret.value());
    }

    @Transactional(readOnly = true)
    public List<TokenView> tokensOf(String ownerEmail) {
        return tokens.findByOwnerOrderByCreatedAtDesc(owner(ownerEmail)).stream().map(this::view).toList();
    }

    /** Whether the person may create WRITE tokens (see {@link AccessTokenPolicy#WRITE_NEEDS_A_WRITING_ROLE}). */
    @Transactional(readOnly = true)
    public boolean mayWrite(String ownerEmail) {
        return owner(ownerEmail).roles().stream().anyMatch(AccessTokenPolicy.WRITING_ROLES::contains);
    }

    /** Revokes one of the owner's tokens, and returns its name; someone else's token is "not found". */
    public String revoke(String ownerEmail, UUID tokenId) {
        AccessToken token = tokens.findByIdAndOwner(tokenId, owner(ownerEmail))
                .orElseThrow(() -> new NotFoundException("Jeton introuvable."));
        token.revoke(clock.instant());
        return token.getName();
    }

    /**
     * The caller a presented secret stands for, if it is a live token of an enabled account; the
     * sign-in (or its refusal) reaches the sign-in log with the client's address.
     */
    Optional<Bearer> authenticate(String presented, String address) {
        Instant now = clock.instant();
        Optional<Bearer> bearer = (AccessTokenSecret.looksValid(presented)
                ? tokens.findBySecretHash(AccessTokenSecret.hash(presented)) : Optional.<AccessToken>empty())
                .filter(token -> token.isActive(now))
                .map(token -> {
                    Instant previousUse = token.getLastUsedAt();
                    token.usedAt(now);
                    UserAccount owner = token.getOwner();
                    signInLog.tokenAccepted(owner.getEmail(), token.getHint(), address, previousUse);
                    return new Bearer(token.getId(), owner.getEmail(), owner.roles(), token.getScope());
                });
        if (bearer.isEmpty()) {
            signInLog.tokenRefused(address);
        }
        return bearer;
    }

    private TokenView view(AccessToken token) {
        LocalDate lastValidDay = token.getExpiresAt() == null ? null
                : LocalDate.ofInstant(token.getExpiresAt().minusSeconds(1), ZONE);
        return new TokenView(token.getId(), token.getName(), token.getScope(), token.getHint(),
                token.getCreatedAt(), lastValidDay, token.getLastUsedAt(), token.getRevokedAt(),
                token.isActive(clock.instant()));
    }

    private UserAccount owner(String email) {
        return users.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
    }
}
