package fr.referentia.certification;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An assessor's habilitation (R5): by the CPEF, under a unique number, as a sector professional
 * or an external evaluator, for some certifications, during a validity period.
 */
@Entity
@Table(name = "accreditation")
public class Accreditation {

    @Id
    private UUID id;

    /** The assessor's account id (the account module's), never a relation to its entity. */
    @Column(name = "assessor_id", nullable = false)
    private UUID assessorId;

    @Column(nullable = false)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccreditationKind kind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "accreditation_certification", joinColumns = @JoinColumn(name = "accreditation_id"))
    @Column(name = "certification_code", nullable = false)
    @OrderBy
    private List<String> certificationCodes = new ArrayList<>();

    @Column(nullable = false)
    private LocalDate validFrom;

    @Column(nullable = false)
    private LocalDate validUntil;

    @Column(nullable = false)
    private Instant recordedAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected Accreditation() {
    }

    Accreditation(UUID assessorId, AccreditationNumber number, AccreditationKind kind,
            List<String> certificationCodes, AccreditationValidity validity, Instant now) {
        this.id = UUID.randomUUID();
        this.assessorId = assessorId;
        this.number = number.value();
        this.kind = kind;
        this.certificationCodes.addAll(certificationCodes);
        this.validFrom = validity.from();
        this.validUntil = validity.until();
        this.recordedAt = now;
        this.updatedAt = now;
    }

    /** Renewal: a new validity period for the same habilitation. */
    void changeValidity(AccreditationValidity validity, Instant now) {
        this.validFrom = validity.from();
        this.validUntil = validity.until();
        this.updatedAt = now;
    }

    public boolean covers(String certificationCode) {
        return certificationCodes.contains(certificationCode);
    }

    public AccreditationValidity validity() {
        return new AccreditationValidity(validFrom, validUntil);
    }

    public UUID getId() { return id; }
    public UUID getAssessorId() { return assessorId; }
    public String getNumber() { return number; }
    public AccreditationKind getKind() { return kind; }
    public List<String> getCertificationCodes() { return List.copyOf(certificationCodes); }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public Instant getRecordedAt() { return recordedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
