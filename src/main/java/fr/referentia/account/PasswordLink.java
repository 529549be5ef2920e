package fr.referentia.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A single-use, time-limited link that lets a person set their password. Only the SHA-256 of its
 * token is kept (see {@link LinkTokens}); the token itself is only in the e-mail.
 */
@Entity
@Table(name = "password_link")
class PasswordLink {

    enum Purpose {
        /** Sent when an account is created: the person chooses their first password. */
        INVITATION,
        /** Asked for from "mot de passe oublié". */
        RESET
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    @Column(nullable = false)
    private String tokenHash;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    private Instant usedAt;

    private Instant revokedAt;

    protected PasswordLink() {
    }

    PasswordLink(UserAccount user, Purpose purpose, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.user = user;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    LinkPolicy.Link state(Instant now) {
        return new LinkPolicy.Link(purpose, user.isEnabled(), expiresAt, usedAt, revokedAt, now);
    }

    void use(Instant now) {
        usedAt = now;
    }

    void revoke(Instant now) {
        if (usedAt == null && revokedAt == null) {
            revokedAt = now;
        }
    }

    UserAccount getUser() { return user; }
    Purpose getPurpose() { return purpose; }
    Instant getCreatedAt() { return createdAt; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getUsedAt() { return usedAt; }
    Instant getRevokedAt() { return revokedAt; }
}
