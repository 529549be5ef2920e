package fr.referentia.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A submitted dossier, frozen (JSON {@link DossierAnswers.Snapshot}); never changed, later submissions add numbers. */
@Entity
@Immutable
@Table(name = "dossier_version")
@IdClass(DossierVersion.Key.class)
class DossierVersion {

    record Key(UUID applicationId, int number) implements Serializable {
        Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "application_id")
    private UUID applicationId;

    @Id
    private int number;

    @Column(nullable = false)
    private String content;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "submitted_by", nullable = false)
    private UUID submittedBy;

    protected DossierVersion() {
    }

    DossierVersion(UUID applicationId, int number, String content, Instant submittedAt, UUID submittedBy) {
        this.applicationId = applicationId;
        this.number = number;
        this.content = content;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
    }

    UUID getApplicationId() { return applicationId; }
    int getNumber() { return number; }
    String getContent() { return content; }
    Instant getSubmittedAt() { return submittedAt; }
    UUID getSubmittedBy() { return submittedBy; }
}
