package fr.referentia.workforce;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A team of an organisation and its manager (an account id). */
@Entity
@Table(name = "team")
public class Team {

    @Id
    private UUID id;

    @Column(name = "organisation_id", nullable = false)
    private UUID organisationId;

    @Column(nullable = false)
    private String name;

    @Column(name = "manager_id", nullable = false)
    private UUID managerId;

    @Column(nullable = false)
    private Instant createdAt;

    protected Team() {
    }

    Team(UUID organisationId, String name, UUID managerId, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.name = name;
        this.managerId = managerId;
        this.createdAt = now;
    }

    public UUID getId() { return id; }
    public UUID getOrganisationId() { return organisationId; }
    public String getName() { return name; }
    public UUID getManagerId() { return managerId; }
    public Instant getCreatedAt() { return createdAt; }
}
