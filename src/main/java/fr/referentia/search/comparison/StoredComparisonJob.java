package fr.referentia.search.comparison;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The row of a background comparison: who asked, what is compared, where it stands, its result. */
@Entity
@Table(name = "comparison_job")
class StoredComparisonJob {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String requester;

    /** "A,B[,C]". */
    @Column(nullable = false)
    private String frameworks;

    /** The versions compared ("1,2.0"), in the order of {@link #frameworks}; empty until the job runs. */
    @Column(nullable = false)
    private String versions;

    @Column(nullable = false)
    private int perItem;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ComparisonJob.State state;

    @Column(nullable = false)
    private int done;

    @Column(nullable = false)
    private int total;

    private String message;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    private Instant finishedAt;

    /** The result's JSON, gzipped then Base64, cut in parts (see V12); lazy: polls do not load it. */
    @ElementCollection
    @CollectionTable(name = "comparison_job_part", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "part_no")
    @Column(name = "data", nullable = false, length = 1_000_000)
    private List<String> parts = new ArrayList<>();

    protected StoredComparisonJob() {
    }

    StoredComparisonJob(UUID id, String requester, List<String> frameworks, int perItem, Instant now) {
        this.id = id;
        this.requester = requester;
        this.frameworks = String.join(",", frameworks);
        this.versions = ""; // known when the job starts running
        this.perItem = perItem;
        this.state = ComparisonJob.State.QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void finished(List<String> resultParts, int count, Instant now) {
        parts.clear();
        parts.addAll(resultParts);
        state = ComparisonJob.State.DONE;
        done = count;
        total = count;
        updatedAt = now;
        finishedAt = now;
    }

    UUID getId() { return id; }
    String getRequester() { return requester; }
    List<String> getFrameworks() { return List.of(frameworks.split(",")); }
    List<String> getVersions() { return List.of(versions.split(",", -1)); }
    int getPerItem() { return perItem; }
    ComparisonJob.State getState() { return state; }
    int getDone() { return done; }
    int getTotal() { return total; }
    String getMessage() { return message; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    Instant getFinishedAt() { return finishedAt; }
    List<String> getParts() { return parts; }
}
