package fr.referentia.framework.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The edit lock of one draft (see {@link EditLockPolicy}). */
@Entity
@Table(name = "draft_lock")
class DraftLock {

    @Id
    @Column(name = "framework_id")
    private Long frameworkId;

    @Column(nullable = false)
    private String holderEmail;

    @Column(nullable = false)
    private String holderName;

    @Column(nullable = false)
    private Instant acquiredAt;

    @Column(nullable = false)
    private Instant renewedAt;

    protected DraftLock() {
    }

    DraftLock(Long frameworkId) {
        this.frameworkId = frameworkId;
    }

    void take(String email, String name, Instant at) {
        this.holderEmail = email;
        this.holderName = name;
        this.acquiredAt = at;
        this.renewedAt = at;
    }

    void renew(Instant at) {
        this.renewedAt = at;
    }

    EditLockPolicy.Holder holder() {
        return new EditLockPolicy.Holder(holderEmail, holderName, acquiredAt, renewedAt);
    }

    Long getFrameworkId() { return frameworkId; }
}
