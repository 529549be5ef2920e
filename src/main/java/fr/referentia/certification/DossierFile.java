package fr.referentia.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file of the dossier: a proof cited by activities, or the written piece answering a question. */
@Entity
@Table(name = "dossier_file")
class DossierFile {

    enum Kind {
        PROOF("Preuve"),
        WRITTEN_PIECE("Document écrit");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    @Id
    private UUID id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(name = "file_id", nullable = false)
    private UUID fileId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    /** The question a written piece answers; null for a proof. */
    @Column(name = "item_code")
    private String itemCode;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "page_count")
    private Integer pageCount;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false)
    private UUID uploadedBy;

    protected DossierFile() {
    }

    DossierFile(UUID applicationId, UUID fileId, Kind kind, String itemCode, String originalName, String mediaType,
            long size, Integer pageCount, Instant uploadedAt, UUID uploadedBy) {
        this.id = UUID.randomUUID();
        this.applicationId = applicationId;
        this.fileId = fileId;
        this.kind = kind;
        this.itemCode = itemCode;
        this.originalName = originalName;
        this.mediaType = mediaType;
        this.size = size;
        this.pageCount = pageCount;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    UUID getId() { return id; }
    UUID getApplicationId() { return applicationId; }
    UUID getFileId() { return fileId; }
    Kind getKind() { return kind; }
    String getItemCode() { return itemCode; }
    String getOriginalName() { return originalName; }
    String getMediaType() { return mediaType; }
    long getSize() { return size; }
    Integer getPageCount() { return pageCount; }
    Instant getUploadedAt() { return uploadedAt; }
}
