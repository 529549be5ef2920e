package fr.referentia.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An application's dossier: opened on the first save, it names the accompanying organisation if any. */
@Entity
@Table(name = "dossier")
class Dossier {

    @Id
    @Column(name = "application_id")
    private UUID applicationId;

    @Column(name = "accompanying_organisation_id")
    private UUID accompanyingOrganisationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Dossier() {
    }

    Dossier(UUID applicationId, Instant at) {
        this.applicationId = applicationId;
        this.createdAt = at;
        this.updatedAt = at;
    }

    void accompaniedBy(UUID organisationId, Instant at) {
        this.accompanyingOrganisationId = organisationId;
        this.updatedAt = at;
    }

    UUID getApplicationId() { return applicationId; }
    UUID getAccompanyingOrganisationId() { return accompanyingOrganisationId; }
}
