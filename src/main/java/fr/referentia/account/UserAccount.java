package fr.referentia.account;

import fr.referentia.shared.text.Confusables;
import fr.referentia.shared.CreationTime;
import fr.referentia.shared.StampedOnCreation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A person who signs in; identified by an opaque UUID, never by a guessable number. */
@Entity
@Table(name = "app_user")
@EntityListeners(CreationTime.class)
public class UserAccount implements StampedOnCreation {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String email;

    /** What the address looks like to a reader ({@link Confusables}): no two accounts may look alike. */
    @Column(nullable = false)
    private String emailSkeleton;

    @Column(nullable = false)
    private String displayName;

    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant erasedAt;

    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<RoleGrant> grants = new ArrayList<>();

    protected UserAccount() {
    }

    public UserAccount(String email, String displayName, String passwordHash) {
        this.id = UUID.randomUUID();
        this.email = email.strip().toLowerCase(Locale.ROOT);
        this.emailSkeleton = Confusables.skeletonDigest(this.email);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = true;
    }

    /**
     * Adds the grant unless the user already holds that role there; callers check {@link GrantPolicy}
     * first. Returns whether it was added.
     */
    boolean grant(Role role, Organisation organisation) {
        if (grants.stream().anyMatch(existing -> existing.sameAs(role, organisation))) {
            return false;
        }
        grants.add(new RoleGrant(this, role, organisation));
        return true;
    }

    /**
     * Removes the grant of that role there, if held; callers check {@link AccountChangePolicy} first.
     * Returns whether one was removed.
     */
    boolean revoke(Role role, Organisation organisation) {
        return grants.removeIf(existing -> existing.sameAs(role, organisation));
    }

    /** The account can no longer sign in; callers end its sessions, tokens and links in the same step. */
    void deactivate() {
        this.enabled = false;
    }

    /** The account may sign in again (with its password, or after its invitation when it has none yet). */
    void reactivate() {
        this.enabled = true;
    }

    /** Erasure on the person's request: pseudonymous, without password nor roles, and disabled for good. */
    void erase(String pseudonymEmail, String pseudonymName, Instant at) {
        this.email = pseudonymEmail;
        this.emailSkeleton = Confusables.skeletonDigest(pseudonymEmail);
        this.displayName = pseudonymName;
        this.passwordHash = null;
        this.enabled = false;
        this.erasedAt = at;
        grants.clear();
    }

    /** Sets the password's hash; callers check {@link PasswordPolicy} and the link that allows it first. */
    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        grants.forEach(grant -> roles.add(grant.getRole()));
        return roles;
    }

    public List<GrantPolicy.Held> heldGrants() {
        return grants.stream().map(g -> new GrantPolicy.Held(g.getRole(), g.getOrganisationId())).toList();
    }

    public UUID getId() { return id; }
    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }

    @Override
    public void stampCreation(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
    }
    public Instant getErasedAt() { return erasedAt; }
    public List<RoleGrant> getGrants() { return grants; }
}
