package fr.referentia.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit trail. Immutable: Hibernate never writes a change to it, and the
 * application has no setter nor any update or delete method on its repository. The only two
 * exceptions are the law's, in {@link AuditMaintenance}: anonymisation on erasure, purge at the
 * end of the retention period.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant occurredAt;

    private UUID actorId;

    private String actorEmail;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String objectType;

    private String objectId;

    private UUID subjectId;

    private UUID organisationId;

    private String beforeJson;

    private String afterJson;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, UUID actorId, String actorEmail, String action, String objectType,
            String objectId, UUID subjectId, UUID organisationId, String beforeJson, String afterJson) {
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.actorEmail = actorEmail;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.subjectId = subjectId;
        this.organisationId = organisationId;
        this.beforeJson = beforeJson;
        this.afterJson = afterJson;
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public UUID getActorId() { return actorId; }
    public String getActorEmail() { return actorEmail; }
    public String getAction() { return action; }
    public String getObjectType() { return objectType; }
    public String getObjectId() { return objectId; }
    public UUID getSubjectId() { return subjectId; }
    public UUID getOrganisationId() { return organisationId; }
    public String getBeforeJson() { return beforeJson; }
    public String getAfterJson() { return afterJson; }
}
