package fr.referentia.framework.importjob;

import fr.referentia.framework.ImportProgress.Phase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One import of a referential run in the background: who asked, where it stands, how it ended. */
@Entity
@Table(name = "import_job")
class ImportJob {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String owner;

    private String fileName;
    private String format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportStatus status;

    @Enumerated(EnumType.STRING)
    private Phase phase;

    @Column(nullable = false)
    private int processed;

    @Column(nullable = false)
    private int total;

    private String frameworkCode;
    private String frameworkVersion;
    private String message;

    /** JSON list of {@link ImportJobs.Problem}s. */
    private String problems;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    private Instant finishedAt;

    protected ImportJob() {
    }

    ImportJob(String owner, String fileName, String format, Instant now) {
        this.id = UUID.randomUUID();
        this.owner = owner;
        this.fileName = fileName;
        this.format = format;
        this.status = ImportStatus.QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    UUID getId() { return id; }
    String getOwner() { return owner; }
    String getFileName() { return fileName; }
    String getFormat() { return format; }
    ImportStatus getStatus() { return status; }
    Phase getPhase() { return phase; }
    int getProcessed() { return processed; }
    int getTotal() { return total; }
    String getFrameworkCode() { return frameworkCode; }
    String getFrameworkVersion() { return frameworkVersion; }
    String getMessage() { return message; }
    String getProblems() { return problems; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    Instant getFinishedAt() { return finishedAt; }
}
