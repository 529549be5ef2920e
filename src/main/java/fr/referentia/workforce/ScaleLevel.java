package fr.referentia.workforce;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One level of an organisation's own proficiency scale (absent rows: the default scale). */
@Entity
@Table(name = "proficiency_level")
@IdClass(ScaleLevel.Key.class)
class ScaleLevel {

    record Key(UUID organisationId, int rank) implements Serializable {

        Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "organisation_id")
    private UUID organisationId;

    @Id
    @Column(name = "level_rank")
    private int rank;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private String description;

    protected ScaleLevel() {
    }

    ScaleLevel(UUID organisationId, ProficiencyLevel level) {
        this.organisationId = organisationId;
        this.rank = level.rank();
        this.label = level.label();
        this.description = level.description();
    }

    ProficiencyLevel level() {
        return new ProficiencyLevel(rank, label, description);
    }

    UUID getOrganisationId() { return organisationId; }
    int getRank() { return rank; }
}
