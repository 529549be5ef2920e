package fr.referentia.framework;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;

/** A version of a referential (CASE CFDocument). */
@Entity
@Table(name = "framework")
public class Framework {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(nullable = false)
    private String code;

    @KeywordField
    @Column(nullable = false)
    private String version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FrameworkKind kind;

    @Column(nullable = false)
    private String title;

    private String issuer;

    @KeywordField
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FrameworkStatus status;

    private LocalDate validationDate;
    private String validationNote;
    private String rncpCode;
    private String description;
    private Integer masteryTolerance;
    private String sourceDocument;
    private String publishedBy;
    private Instant publishedAt;

    @Column(nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "framework", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<FrameworkItem> items = new ArrayList<>();

    @OneToMany(mappedBy = "framework", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Exam> exams = new ArrayList<>();

    @OneToMany(mappedBy = "framework", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Association> associations = new ArrayList<>();

    /** See {@link #requireFillable()}; false for a version read from the database. */
    @Transient
    private boolean beingBuilt;

    protected Framework() {
    }

    Framework(String code, String version, FrameworkKind kind, String title, FrameworkStatus status, Instant createdAt) {
        this.code = code;
        this.version = version;
        this.kind = kind;
        this.title = title;
        this.status = status;
        this.createdAt = createdAt;
        this.beingBuilt = true;
    }

    FrameworkItem addItem(String itemCode, ItemType type, String text, FrameworkItem parent, int position) {
        requireFillable();
        FrameworkItem item = new FrameworkItem(this, itemCode, type, text, parent, position);
        items.add(item);
        return item;
    }

    Exam addExam(String examCode, String examTitle, int position) {
        requireFillable();
        Exam exam = new Exam(this, examCode, examTitle, position);
        exams.add(exam);
        return exam;
    }

    void addAssociation(AssociationType type, FrameworkItem origin, FrameworkItem destination, String destinationLabel) {
        requireFillable();
        associations.add(new Association(this, type, origin, destination, destinationLabel));
    }

    /** R14: a link from one of this version's items to an item of another referential, named by codes. */
    void addCrossAssociation(AssociationType type, FrameworkItem origin, String destinationFramework,
            String destinationCode, String destinationLabel) {
        requireFillable();
        associations.add(new Association(this, type, origin, destinationFramework, destinationCode, destinationLabel));
    }

    /** Adds an association as the canonical form states it, the destination looked up among {@code byCode}. */
    void addAssociation(CanonicalFramework.AssociationSpec spec, java.util.Map<String, FrameworkItem> byCode) {
        if (spec.crossesTo(code)) {
            addCrossAssociation(spec.type(), byCode.get(spec.originCode()), spec.destinationFramework(),
                    spec.destinationCode(), spec.destinationLabel());
        } else {
            addAssociation(spec.type(), byCode.get(spec.originCode()),
                    spec.destinationCode() == null ? null : byCode.get(spec.destinationCode()), spec.destinationLabel());
        }
    }

    /** New header of a draft; code, version, kind and status do not change here. */
    void rewrite(String newTitle, String newIssuer, String newRncpCode, String newDescription,
            Integer newMasteryTolerance) {
        VersionChangePolicy.requireChangeable(this);
        this.title = newTitle;
        this.issuer = newIssuer;
        this.rncpCode = newRncpCode;
        this.description = newDescription;
        this.masteryTolerance = newMasteryTolerance;
    }

    void describe(String issuer, LocalDate validationDate, String validationNote, String rncpCode,
            String description, Integer masteryTolerance, String sourceDocument) {
        requireFillable();
        this.issuer = issuer;
        this.validationDate = validationDate;
        this.validationNote = validationNote;
        this.rncpCode = rncpCode;
        this.description = description;
        this.masteryTolerance = masteryTolerance;
        this.sourceDocument = sourceDocument;
    }

    /**
     * Freezes this draft: it becomes the published text, validated on that date, by that person.
     * The caller has checked {@link VersionChangePolicy}; publishing twice is refused here too.
     */
    void publish(LocalDate date, String note, String by, Instant at) {
        VersionChangePolicy.requireChangeable(this);
        this.status = FrameworkStatus.PUBLISHED;
        this.validationDate = date;
        this.validationNote = note;
        this.publishedBy = by;
        this.publishedAt = at;
    }

    /**
     * Retires this published version with its referential ({@link OnlyPublishedReferentialsAreRetired}):
     * its content stays as published; only its status changes. Anything but a published version is refused.
     */
    void retire() {
        if (status != FrameworkStatus.PUBLISHED) {
            VersionChangePolicy.requireChangeable(this);
            throw new FrameworkVersionFrozenException(code, version, "Seule une version publiée peut être retirée.");
        }
        this.status = FrameworkStatus.RETIRED;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getVersion() { return version; }
    public FrameworkKind getKind() { return kind; }
    public String getTitle() { return title; }
    public String getIssuer() { return issuer; }
    public FrameworkStatus getStatus() { return status; }
    public LocalDate getValidationDate() { return validationDate; }
    public String getValidationNote() { return validationNote; }
    public String getRncpCode() { return rncpCode; }
    public String getDescription() { return description; }
    public Integer getMasteryTolerance() { return masteryTolerance; }
    public String getSourceDocument() { return sourceDocument; }
    public String getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public List<FrameworkItem> getItems() { return Collections.unmodifiableList(items); }
    public List<Exam> getExams() { return Collections.unmodifiableList(exams); }
    public List<Association> getAssociations() { return Collections.unmodifiableList(associations); }

    /**
     * While a new version is built in memory (an import, a copy), it is filled whatever its status (an
     * imported referential may come published); once built, and whenever it is read from the database,
     * {@link VersionChangePolicy} decides.
     */
    void requireFillable() {
        if (!beingBuilt) {
            VersionChangePolicy.requireChangeable(this);
        }
    }

    /** Ends the building of a new version: from now on only the version change policy lets it change. */
    void built() {
        beingBuilt = false;
    }

    /** Removes items, exams and associations of a draft (see {@link DraftSync}). */
    void removeItem(FrameworkItem item) {
        VersionChangePolicy.requireChangeable(this);
        items.remove(item);
    }

    void removeAssociationsIf(java.util.function.Predicate<Association> unwanted) {
        VersionChangePolicy.requireChangeable(this);
        associations.removeIf(unwanted);
    }

    void removeExams(java.util.Collection<Exam> unwanted) {
        VersionChangePolicy.requireChangeable(this);
        exams.removeAll(unwanted);
    }
}
