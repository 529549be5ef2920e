package fr.referentia.framework;

/** CASE association types used between items (the tree itself is held by the parent link). */
public enum AssociationType {
    IS_PART_OF("isPartOf"),
    EXACT_MATCH_OF("exactMatchOf"),
    IS_RELATED_TO("isRelatedTo"),
    VALIDATES("validates");

    private final String caseName;

    AssociationType(String caseName) {
        this.caseName = caseName;
    }

    public String caseName() {
        return caseName;
    }
}
