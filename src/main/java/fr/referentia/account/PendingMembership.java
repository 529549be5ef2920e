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
import java.time.Instant;
import java.util.UUID;

/**
 * An organisation's invitation to a person who already has an account: the role is theirs once they
 * accept it, signed in. What the organisation typed (the name) is kept apart from the account, which
 * it never sees, so that inviting an existing account looks the same to the organisation as inviting
 * a new person.
 */
@Entity
@Table(name = "pending_membership")
class PendingMembership {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private String invitedName;

    private String invitedBy;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private Instant windowStartedAt;

    @Column(nullable = false)
    private int sendsInWindow;

    private Instant answeredAt;

    private Boolean accepted;

    protected PendingMembership() {
    }

    PendingMembership(UserAccount user, Organisation organisation, Role role, String invitedName, String invitedBy,
            Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.user = user;
        this.organisation = organisation;
        this.role = role;
        this.invitedName = invitedName;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.windowStartedAt = createdAt;
        this.sendsInWindow = 1;
    }

    /**
     * Counts one more mail and gives the invitation a new validity, unless {@code perHour} were already
     * sent in the last hour: then returns how many were, and changes nothing.
     */
    int resend(Instant now, java.time.Duration validity, int perHour) {
        if (now.isAfter(windowStartedAt.plus(java.time.Duration.ofHours(1)))) {
            windowStartedAt = now;
            sendsInWindow = 0;
        }
        if (sendsInWindow >= perHour) {
            return sendsInWindow;
        }
        sendsInWindow++;
        expiresAt = now.plus(validity);
        return 0;
    }

    boolean isOpen(Instant now) {
        return answeredAt == null && now.isBefore(expiresAt);
    }

    void answer(boolean accept, Instant now) {
        this.accepted = accept;
        this.answeredAt = now;
    }

    UUID getId() { return id; }
    UserAccount getUser() { return user; }
    Organisation getOrganisation() { return organisation; }
    Role getRole() { return role; }
    String getInvitedName() { return invitedName; }
    String getInvitedBy() { return invitedBy; }
    Instant getCreatedAt() { return createdAt; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getAnsweredAt() { return answeredAt; }
    Boolean getAccepted() { return accepted; }
}
