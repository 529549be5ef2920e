package fr.referentia.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One line of an application's history: who moved it, when, from which state to which, and why. Never changed. */
@Entity
@Immutable
@Table(name = "application_state_change")
public class StateChange {

    @Id
    private UUID id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(nullable = false)
    private int step;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private ApplicationState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private ApplicationState to;

    @Column(name = "changed_at", nullable = false)
    private Instant at;

    @Column(name = "changed_by", nullable = false)
    private UUID by;

    private String reason;

    protected StateChange() {
    }

    StateChange(UUID applicationId, int step, ApplicationState from, ApplicationState to, Instant at, UUID by,
            String reason) {
        this.id = UUID.randomUUID();
        this.applicationId = applicationId;
        this.step = step;
        this.from = from;
        this.to = to;
        this.at = at;
        this.by = by;
        this.reason = reason;
    }

    public UUID getId() { return id; }
    public UUID getApplicationId() { return applicationId; }
    public int getStep() { return step; }
    public ApplicationState getFrom() { return from; }
    public ApplicationState getTo() { return to; }
    public Instant getAt() { return at; }
    public UUID getBy() { return by; }
    public String getReason() { return reason; }
}
