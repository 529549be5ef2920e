package fr.referentia.shared.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The row of one background job (see V13): who asked, on which node, where it stands, how it ended. */
@Entity
@Table(name = "job")
class Job {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String owner;

    private String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobState state;

    private String phase;

    @Column(nullable = false)
    private int done;

    @Column(nullable = false)
    private int total;

    private String resultUrl;
    private String error;

    /** JSON list of {@link Problem}s. */
    private String problems;

    @Column(nullable = false)
    private String node;

    @Column(nullable = false)
    private boolean inputStored;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    private Instant finishedAt;

    protected Job() {
    }

    Job(UUID id, String kind, String owner, String label, String node, boolean inputStored, Instant now) {
        this.id = id;
        this.kind = kind;
        this.owner = owner;
        this.label = label;
        this.node = node;
        this.inputStored = inputStored;
        this.state = JobState.QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    UUID getId() { return id; }
    String getKind() { return kind; }
    String getOwner() { return owner; }
    String getLabel() { return label; }
    JobState getState() { return state; }
    String getPhase() { return phase; }
    int getDone() { return done; }
    int getTotal() { return total; }
    String getResultUrl() { return resultUrl; }
    String getError() { return error; }
    String getProblems() { return problems; }
    String getNode() { return node; }
    boolean isInputStored() { return inputStored; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    Instant getFinishedAt() { return finishedAt; }
}
