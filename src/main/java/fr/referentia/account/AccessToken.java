package fr.referentia.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A personal access token: its owner's roles, limited by its scope, until it expires or is revoked. */
@Entity
@Table(name = "access_token")
class AccessToken {

    /** Last-use times are recorded to the minute, so that a busy client does not write on every call. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount owner;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccessTokenScope scope;

    @Column(nullable = false)
    private String secretHash;

    @Column(nullable = false)
    private String hint;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant expiresAt;

    private Instant lastUsedAt;

    private Instant revokedAt;

    protected AccessToken() {
    }

    AccessToken(UserAccount owner, String name, AccessTokenScope scope, AccessTokenSecret secret, Instant createdAt,
            Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.owner = owner;
        this.name = name;
        this.scope = scope;
        this.secretHash = secret.hash();
        this.hint = secret.hint();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt)) && owner.isEnabled();
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    void usedAt(Instant now) {
        if (lastUsedAt == null || lastUsedAt.plus(LAST_USE_PRECISION).isBefore(now)) {
            lastUsedAt = now;
        }
    }

    UUID getId() { return id; }
    UserAccount getOwner() { return owner; }
    String getName() { return name; }
    AccessTokenScope getScope() { return scope; }
    String getHint() { return hint; }
    Instant getCreatedAt() { return createdAt; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getLastUsedAt() { return lastUsedAt; }
    Instant getRevokedAt() { return revokedAt; }
}
