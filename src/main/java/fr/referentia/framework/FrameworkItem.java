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
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * One item of a referential (CASE CFItem): a domain, activity, competency, element, criterion…
 * Indexed for the French full-text search; the analyzer names are defined by the search module.
 */
@Entity
@Table(name = "framework_item")
@Indexed(index = "framework_item")
public class FrameworkItem {

    public static final String FRENCH_ANALYZER = "french";
    public static final String CODE_NORMALIZER = "code";

    // A pooled sequence (V11_1__id_sequences) lets an import's inserts go to the database in JDBC batches.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "framework_item_seq")
    @SequenceGenerator(name = "framework_item_seq", sequenceName = "framework_item_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "framework_id")
    @IndexedEmbedded(includePaths = {"code", "version", "status"})
    private Framework framework;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private FrameworkItem parent;

    @KeywordField(normalizer = CODE_NORMALIZER, projectable = Projectable.YES)
    @Column(nullable = false)
    private String code;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemType type;

    // Term vectors with offsets make the fast vector highlighter available and keep highlighting cheap.
    @FullTextField(analyzer = FRENCH_ANALYZER, projectable = Projectable.YES,
            highlightable = Highlightable.ANY, termVector = TermVector.WITH_POSITIONS_OFFSETS)
    @Column(nullable = false)
    private String text;

    @GenericField(searchable = Searchable.NO, projectable = Projectable.YES)
    @Column(nullable = false)
    private int position;

    private String context;

    private Boolean essential;

    /** The original type title of an {@link ItemType#OTHER} item. */
    private String typeLabel;

    protected FrameworkItem() {
    }

    FrameworkItem(Framework framework, String code, ItemType type, String text, FrameworkItem parent, int position) {
        this.framework = framework;
        this.code = code;
        this.type = type;
        this.text = text;
        this.parent = parent;
        this.position = position;
        this.essential = OnlyElementsAreEssential.flag(type, null);
    }

    void setContext(String context) {
        framework.requireFillable();
        this.context = context;
    }

    void setEssential(Boolean essential) {
        framework.requireFillable();
        this.essential = OnlyElementsAreEssential.flag(type, essential);
    }

    void setTypeLabel(String typeLabel) {
        framework.requireFillable();
        this.typeLabel = type == ItemType.OTHER ? typeLabel : null;
    }

    /** New wording of this item; only for a version that may still change (see {@link VersionChangePolicy}). */
    void changeText(String newText) {
        VersionChangePolicy.requireChangeable(framework);
        this.text = newText;
    }

    /**
     * Brings a draft's item to what its canonical form says; fields are written only when they differ,
     * so that an unchanged item is not reindexed. Returns whether anything changed.
     */
    boolean update(ItemType newType, String newTypeLabel, String newText, FrameworkItem newParent, int newPosition,
            String newContext, Boolean newEssential) {
        VersionChangePolicy.requireChangeable(framework);
        boolean changed = false;
        if (type != newType) {
            type = newType;
            changed = true;
        }
        String label = newType == ItemType.OTHER ? newTypeLabel : null;
        Boolean flag = OnlyElementsAreEssential.flag(newType, newEssential);
        if (!java.util.Objects.equals(typeLabel, label) || !java.util.Objects.equals(essential, flag)) {
            typeLabel = label;
            essential = flag;
            changed = true;
        }
        if (!text.equals(newText) || !java.util.Objects.equals(context, newContext)) {
            text = newText;
            context = newContext;
            changed = true;
        }
        if (parent != newParent || position != newPosition) {
            parent = newParent;
            position = newPosition;
            changed = true;
        }
        return changed;
    }

    public Long getId() { return id; }
    public Framework getFramework() { return framework; }
    public FrameworkItem getParent() { return parent; }
    public String getParentCode() { return parent == null ? null : parent.getCode(); }
    public String getCode() { return code; }
    public ItemType getType() { return type; }
    public String getText() { return text; }
    public int getPosition() { return position; }
    public String getContext() { return context; }
    public Boolean getEssential() { return essential; }
    public String getTypeLabel() { return typeLabel; }
}
