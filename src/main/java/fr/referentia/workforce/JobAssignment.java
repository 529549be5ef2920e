package fr.referentia.workforce;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's job in an organisation for a period: team, job profile, since (the date they started in
 * it) and until (null while current). A new assignment ends the current one: the history is kept.
 */
@Entity
@Table(name = "job_assignment")
public class JobAssignment {

    @Id
    private UUID id;

    @Column(name = "organisation_id", nullable = false)
    private UUID organisationId;

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Column(name = "team_id")
    private UUID teamId;

    @Column(name = "job_profile_id")
    private UUID jobProfileId;

    @Column(name = "started_on", nullable = false)
    private LocalDate since;

    @Column(name = "ended_on")
    private LocalDate until;

    @Column(nullable = false)
    private Instant recordedAt;

    @Column(nullable = false)
    private String recordedBy;

    protected JobAssignment() {
    }

    JobAssignment(UUID organisationId, UUID personId, UUID teamId, UUID jobProfileId, LocalDate since,
            Instant now, String recordedBy) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.personId = personId;
        this.teamId = teamId;
        this.jobProfileId = jobProfileId;
        this.since = since;
        this.recordedAt = now;
        this.recordedBy = recordedBy;
    }

    void end(LocalDate until) {
        this.until = until;
    }

    public boolean isCurrent() {
        return until == null;
    }

    public UUID getId() { return id; }
    public UUID getOrganisationId() { return organisationId; }
    public UUID getPersonId() { return personId; }
    public UUID getTeamId() { return teamId; }
    public UUID getJobProfileId() { return jobProfileId; }
    public LocalDate getSince() { return since; }
    public LocalDate getUntil() { return until; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getRecordedBy() { return recordedBy; }
}
