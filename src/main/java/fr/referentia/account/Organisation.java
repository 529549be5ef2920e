package fr.referentia.account;

import fr.referentia.shared.CreationTime;
import fr.referentia.shared.StampedOnCreation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A training organisation (organisme de formation) of the branch; identified by an opaque UUID. */
@Entity
@Table(name = "organisation")
@EntityListeners(CreationTime.class)
public class Organisation implements StampedOnCreation {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String siret;

    @Column(nullable = false)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SizeBand sizeBand;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationType type;

    @Column(nullable = false)
    private Instant createdAt;

    protected Organisation() {
    }

    public Organisation(String name, Siret siret, String address, SizeBand sizeBand, OrganisationType type) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.siret = siret.value();
        this.address = address;
        this.sizeBand = sizeBand;
        this.type = type;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public Siret getSiret() { return new Siret(siret); }
    public String getAddress() { return address; }
    public SizeBand getSizeBand() { return sizeBand; }
    public OrganisationType getType() { return type; }
    public Instant getCreatedAt() { return createdAt; }

    @Override
    public void stampCreation(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
    }
}
