package fr.referentia.workforce;

import fr.referentia.framework.ItemCitation;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A required competency of a job profile: the cited item, the required level, its importance. */
@Embeddable
public class JobRequirement {

    @Column(name = "framework_code", nullable = false)
    private String frameworkCode;

    @Column(name = "framework_version", nullable = false)
    private String frameworkVersion;

    @Column(name = "item_code", nullable = false)
    private String itemCode;

    @Column(name = "required_level", nullable = false)
    private int level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Importance importance;

    protected JobRequirement() {
    }

    public JobRequirement(ItemCitation citation, int level, Importance importance) {
        this.frameworkCode = citation.frameworkCode();
        this.frameworkVersion = citation.version();
        this.itemCode = citation.itemCode();
        this.level = level;
        this.importance = importance;
    }

    public ItemCitation citation() {
        return new ItemCitation(frameworkCode, frameworkVersion, itemCode);
    }

    public String getFrameworkCode() { return frameworkCode; }
    public String getFrameworkVersion() { return frameworkVersion; }
    public String getItemCode() { return itemCode; }
    public int getLevel() { return level; }
    public Importance getImportance() { return importance; }
}
