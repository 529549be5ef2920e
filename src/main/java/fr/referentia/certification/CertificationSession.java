package fr.referentia.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A session of a certification, managed by the certification office: dates, place, capacity, remote or on site. */
@Entity
@Table(name = "certification_session")
public class CertificationSession {

    @Id
    private UUID id;

    @Column(name = "certification_code", nullable = false)
    private String certificationCode;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(nullable = false)
    private String place;

    @Column(nullable = false)
    private boolean remote;

    @Column(nullable = false)
    private int capacity;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CertificationSession() {
    }

    CertificationSession(String certificationCode, LocalDate startsOn, LocalDate endsOn, String place, boolean remote,
            int capacity, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.certificationCode = certificationCode;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.place = place;
        this.remote = remote;
        this.capacity = capacity;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public UUID getId() { return id; }
    public String getCertificationCode() { return certificationCode; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public String getPlace() { return place; }
    public boolean isRemote() { return remote; }
    public int getCapacity() { return capacity; }
}
