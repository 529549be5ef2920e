package fr.referentia.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A browser that signed into an account: the SHA-256 of its cookie, never the cookie. */
@Entity
@Table(name = "known_device")
class KnownDevice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String account;

    @Column(nullable = false)
    private String tokenHash;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant lastUsedAt;

    protected KnownDevice() {
    }

    KnownDevice(String account, String tokenHash, Instant at) {
        this.account = account;
        this.tokenHash = tokenHash;
        this.createdAt = at;
        this.lastUsedAt = at;
    }

    Long getId() {
        return id;
    }

    String getAccount() {
        return account;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    void usedAt(Instant at) {
        this.lastUsedAt = at;
    }
}
