package fr.referentia.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The candidate's answers for one competency of their dossier (JSON {@link DossierAnswers.CompetencyAnswers}). */
@Entity
@Table(name = "dossier_entry")
@IdClass(DossierEntry.Key.class)
class DossierEntry {

    record Key(UUID applicationId, String itemCode) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "application_id")
    private UUID applicationId;

    @Id
    @Column(name = "item_code")
    private String itemCode;

    @Column(nullable = false)
    private String content;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private UUID updatedBy;

    /**
     * Optimistic locking: two tabs saving from the same version, the second is refused, nothing lost. Null
     * until first saved, so that saving persists a new entry (its id is assigned).
     */
    @Version
    @Column(name = "row_version", nullable = false)
    private Long rowVersion;

    protected DossierEntry() {
    }

    DossierEntry(UUID applicationId, String itemCode) {
        this.applicationId = applicationId;
        this.itemCode = itemCode;
    }

    void write(String content, UUID by, Instant at) {
        this.content = content;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    UUID getApplicationId() { return applicationId; }
    String getItemCode() { return itemCode; }
    String getContent() { return content; }
    Instant getUpdatedAt() { return updatedAt; }
    UUID getUpdatedBy() { return updatedBy; }
    /** How many times the entry was saved: 0 before the first save (the version a client reads and sends back). */
    long savedVersion() { return rowVersion == null ? 0 : rowVersion + 1; }
}
