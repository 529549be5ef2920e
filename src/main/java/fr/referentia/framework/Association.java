package fr.referentia.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A CASE association from an item to another item or to an outside target named by a label
 * (R14: an element that also validates another certificate).
 */
@Entity
@Table(name = "item_association")
public class Association {

    // A pooled sequence (V11_1__id_sequences) lets an import's inserts go to the database in JDBC batches.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_association_seq")
    @SequenceGenerator(name = "item_association_seq", sequenceName = "item_association_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "framework_id")
    private Framework framework;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssociationType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "origin_item_id")
    private FrameworkItem origin;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "destination_item_id")
    private FrameworkItem destination;

    private String destinationLabel;

    /** R14: the code of another referential and of its item this association points at (by codes: versions change). */
    private String destinationFramework;
    private String destinationCode;

    protected Association() {
    }

    Association(Framework framework, AssociationType type, FrameworkItem origin, FrameworkItem destination,
            String destinationLabel) {
        this.framework = framework;
        this.type = type;
        this.origin = origin;
        this.destination = destination;
        this.destinationLabel = destinationLabel;
    }

    Association(Framework framework, AssociationType type, FrameworkItem origin, String destinationFramework,
            String destinationCode, String destinationLabel) {
        this(framework, type, origin, null, destinationLabel);
        this.destinationFramework = destinationFramework;
        this.destinationCode = destinationCode;
    }

    /** The destination item's code, whether it is in this referential or in another one. */
    public String destinationItemCode() {
        return destination != null ? destination.getCode() : destinationCode;
    }

    public Long getId() { return id; }
    public AssociationType getType() { return type; }
    public FrameworkItem getOrigin() { return origin; }
    public FrameworkItem getDestination() { return destination; }
    public String getDestinationLabel() { return destinationLabel; }
    public String getDestinationFramework() { return destinationFramework; }
}
