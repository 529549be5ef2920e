package fr.referentia.framework.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a draft's change journal: the draft as it was before the change, for "undo". */
@Entity
@Table(name = "draft_change")
class DraftChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long frameworkId;

    @Column(nullable = false)
    private String authorEmail;

    @Column(nullable = false)
    private Instant changedAt;

    @Column(nullable = false)
    private String summary;

    /** Set for a text autosave ("item:C1.E6:text"): consecutive ones of the same field make one step. */
    private String fieldKey;

    @Column(nullable = false)
    private String snapshot;

    protected DraftChange() {
    }

    DraftChange(Long frameworkId, String authorEmail, Instant changedAt, String summary, String fieldKey,
            String snapshot) {
        this.frameworkId = frameworkId;
        this.authorEmail = authorEmail;
        this.changedAt = changedAt;
        this.summary = summary;
        this.fieldKey = fieldKey;
        this.snapshot = snapshot;
    }

    Long getId() { return id; }
    String getAuthorEmail() { return authorEmail; }
    Instant getChangedAt() { return changedAt; }
    String getSummary() { return summary; }
    String getFieldKey() { return fieldKey; }
    String getSnapshot() { return snapshot; }
}
