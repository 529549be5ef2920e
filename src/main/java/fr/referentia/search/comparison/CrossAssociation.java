package fr.referentia.search.comparison;

import fr.referentia.framework.AssociationType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A reviewer's decision on one proposal; when confirmed, a CASE association between items of two
 * referentials (R14). Items are named by referential and item code.
 */
@Entity
@Table(name = "cross_association")
class CrossAssociation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String originFramework;

    @Column(nullable = false)
    private String originCode;

    @Column(nullable = false)
    private String destinationFramework;

    @Column(nullable = false)
    private String destinationCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Decision decision;

    @Enumerated(EnumType.STRING)
    private AssociationType type;

    @Column(nullable = false)
    private String decidedBy;

    @Column(nullable = false)
    private Instant decidedAt;

    protected CrossAssociation() {
    }

    CrossAssociation(ItemRef origin, ItemRef destination) {
        this.originFramework = origin.framework();
        this.originCode = origin.code();
        this.destinationFramework = destination.framework();
        this.destinationCode = destination.code();
    }

    void decide(Decision decision, AssociationType type, String decidedBy, Instant decidedAt) {
        this.decision = decision;
        this.type = decision == Decision.CONFIRMED ? type : null;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    ItemRef origin() {
        return new ItemRef(originFramework, originCode);
    }

    ItemRef destination() {
        return new ItemRef(destinationFramework, destinationCode);
    }

    Decision decision() { return decision; }
    AssociationType type() { return type; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
}
