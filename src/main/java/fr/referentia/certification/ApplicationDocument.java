package fr.referentia.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A supporting document of an admissibility request: a stored file ({@code shared.files}) of a kind. */
@Entity
@Table(name = "application_document")
public class ApplicationDocument {

    @Id
    private UUID id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(name = "file_id", nullable = false)
    private UUID fileId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentKind kind;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false)
    private UUID uploadedBy;

    /** When the file was deleted (identity documents once the decision is final, R12), or null. */
    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected ApplicationDocument() {
    }

    ApplicationDocument(UUID applicationId, UUID fileId, DocumentKind kind, String originalName, String mediaType,
            long size, UUID uploadedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.applicationId = applicationId;
        this.fileId = fileId;
        this.kind = kind;
        this.originalName = originalName;
        this.mediaType = mediaType;
        this.size = size;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
    }

    void markDeleted(Instant now) {
        this.deletedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public UUID getId() { return id; }
    public UUID getApplicationId() { return applicationId; }
    public UUID getFileId() { return fileId; }
    public DocumentKind getKind() { return kind; }
    public String getOriginalName() { return originalName; }
    public String getMediaType() { return mediaType; }
    public long getSize() { return size; }
    public Instant getUploadedAt() { return uploadedAt; }
    public Instant getDeletedAt() { return deletedAt; }
}
