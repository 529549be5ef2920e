package fr.referentia.workforce;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What supports an assessment: a file of the shared file storage (its id) or a link. */
@Entity
@Table(name = "assessment_evidence")
public class AssessmentEvidence {

    @Id
    private UUID id;

    @Column(name = "assessment_id", nullable = false, updatable = false)
    private UUID assessmentId;

    @Column(name = "file_id", updatable = false)
    private UUID fileId;

    @Column(name = "link_url", updatable = false)
    private String link;

    @Column(nullable = false, updatable = false)
    private String label;

    @Column(name = "added_by", nullable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    protected AssessmentEvidence() {
    }

    private AssessmentEvidence(UUID assessmentId, UUID fileId, String link, String label, String addedBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.assessmentId = assessmentId;
        this.fileId = fileId;
        this.link = link;
        this.label = label;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    static AssessmentEvidence file(UUID assessmentId, UUID fileId, String label, String addedBy, Instant now) {
        return new AssessmentEvidence(assessmentId, fileId, null, label, addedBy, now);
    }

    static AssessmentEvidence link(UUID assessmentId, String link, String label, String addedBy, Instant now) {
        return new AssessmentEvidence(assessmentId, null, link, label, addedBy, now);
    }

    /** On the erasure of the person who added it, where it must be kept. */
    void pseudonymiseAddedBy(String replacement) {
        this.addedBy = replacement;
    }

    public UUID getId() { return id; }
    public UUID getAssessmentId() { return assessmentId; }
    public UUID getFileId() { return fileId; }
    public String getLink() { return link; }
    public String getLabel() { return label; }
    public String getAddedBy() { return addedBy; }
    public Instant getAddedAt() { return addedAt; }
}
