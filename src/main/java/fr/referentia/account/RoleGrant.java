package fr.referentia.account;

import fr.referentia.shared.CreationTime;
import fr.referentia.shared.StampedOnCreation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
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
import java.util.UUID;

/** A role held by a user, in one organisation for organisation-scoped roles. */
@Entity
@Table(name = "role_grant")
@EntityListeners(CreationTime.class)
public class RoleGrant implements StampedOnCreation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(nullable = false)
    private Instant grantedAt;

    protected RoleGrant() {
    }

    RoleGrant(UserAccount user, Role role, Organisation organisation) {
        this.user = user;
        this.role = role;
        this.organisation = organisation;
    }

    public Role getRole() { return role; }
    public Organisation getOrganisation() { return organisation; }
    public UUID getOrganisationId() { return organisation == null ? null : organisation.getId(); }
    public Instant getGrantedAt() { return grantedAt; }

    @Override
    public void stampCreation(Instant now) {
        if (grantedAt == null) {
            grantedAt = now;
        }
    }

    boolean sameAs(Role otherRole, Organisation otherOrganisation) {
        return role == otherRole && java.util.Objects.equals(getOrganisationId(),
                otherOrganisation == null ? null : otherOrganisation.getId());
    }
}
