package fr.referentia.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** R13: the accommodation a candidate needs for their evaluation — the need, never a diagnosis. */
@Entity
@Table(name = "accommodation")
class Accommodation {

    enum Need {
        EXTRA_TIME("Temps supplémentaire"),
        ACCESSIBLE_ROOM("Salle accessible"),
        ASSISTIVE_TECHNOLOGY("Aide technique (logiciel, matériel)"),
        OTHER("Autre besoin");

        private final String label;

        Need(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    @Id
    @Column(name = "application_id")
    private UUID applicationId;

    @Column(nullable = false)
    private String needs;

    private String details;

    @Column(name = "consent_at", nullable = false)
    private Instant consentAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private UUID updatedBy;

    protected Accommodation() {
    }

    Accommodation(UUID applicationId) {
        this.applicationId = applicationId;
    }

    void record(Set<Need> needs, String details, UUID by, Instant at) {
        this.needs = needs.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.details = details;
        this.consentAt = at;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    Set<Need> needs() {
        if (needs == null || needs.isBlank()) {
            return EnumSet.noneOf(Need.class);
        }
        return Arrays.stream(needs.split(",")).map(Need::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Need.class)));
    }

    UUID getApplicationId() { return applicationId; }
    String getDetails() { return details; }
    Instant getConsentAt() { return consentAt; }
    Instant getUpdatedAt() { return updatedAt; }
}
