package fr.referentia.framework;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An assessment method or exam (épreuve) with its modality, place and timed parts (R11). */
@Entity
@Table(name = "exam")
public class Exam {

    /** One timed part of an exam, e.g. "Préparation", 15 minutes. */
    @Embeddable
    public record Part(@Column(name = "label") String label, @Column(name = "minutes") int minutes) {
    }

    // A pooled sequence (V11_1__id_sequences) lets an import's inserts go to the database in JDBC batches.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exam_seq")
    @SequenceGenerator(name = "exam_seq", sequenceName = "exam_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "framework_id")
    private Framework framework;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String title;

    private String modality;
    private String place;
    private Integer durationMinutes;

    @Column(nullable = false)
    private int position;

    @ElementCollection
    @CollectionTable(name = "exam_part", joinColumns = @JoinColumn(name = "exam_id"))
    @OrderColumn(name = "position")
    private List<Part> parts = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "exam_check", joinColumns = @JoinColumn(name = "exam_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    private List<String> checks = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "exam_item", joinColumns = @JoinColumn(name = "exam_id"),
            inverseJoinColumns = @JoinColumn(name = "item_id"))
    @OrderColumn(name = "position")
    private List<FrameworkItem> items = new ArrayList<>();

    protected Exam() {
    }

    Exam(Framework framework, String code, String title, int position) {
        this.framework = framework;
        this.code = code;
        this.title = title;
        this.position = position;
    }

    void describe(String modality, String place, Integer durationMinutes) {
        framework.requireFillable();
        this.modality = modality;
        this.place = place;
        this.durationMinutes = durationMinutes;
    }

    /** Total duration: the stated one, else the sum of the parts, else none. */
    public Integer totalMinutes() {
        if (durationMinutes != null) {
            return durationMinutes;
        }
        return parts.isEmpty() ? null : parts.stream().mapToInt(Part::minutes).sum();
    }

    /** Brings a draft's exam to what its canonical form says. */
    void rewrite(String newTitle, int newPosition, List<Part> newParts, List<String> newChecks,
            List<FrameworkItem> newItems) {
        VersionChangePolicy.requireChangeable(framework);
        this.title = newTitle;
        this.position = newPosition;
        if (!parts.equals(newParts)) {
            parts.clear();
            parts.addAll(newParts);
        }
        if (!checks.equals(newChecks)) {
            checks.clear();
            checks.addAll(newChecks);
        }
        if (!items.equals(newItems)) {
            items.clear();
            items.addAll(newItems);
        }
    }

    public Long getId() { return id; }
    public Framework getFramework() { return framework; }
    public String getCode() { return code; }
    public String getTitle() { return title; }
    public String getModality() { return modality; }
    public String getPlace() { return place; }
    public Integer getDurationMinutes() { return durationMinutes; }
    public int getPosition() { return position; }
    public List<Part> getParts() { return Collections.unmodifiableList(parts); }
    public List<String> getChecks() { return Collections.unmodifiableList(checks); }
    public List<FrameworkItem> getItems() { return Collections.unmodifiableList(items); }

    /** Adds to a new exam of a version being built (import, copy). */
    void fill(List<Part> moreParts, List<String> moreChecks, List<FrameworkItem> moreItems) {
        framework.requireFillable();
        parts.addAll(moreParts);
        checks.addAll(moreChecks);
        items.addAll(moreItems);
    }
}
