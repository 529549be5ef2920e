package fr.referentia.framework;

/**
 * Association types between items: CASE's list, plus {@code VALIDATES} (R14: an element that also
 * validates another certificate). The tree is held by the parent link; {@code IS_CHILD_OF} only
 * records the extra parents an imported CASE item may have.
 */
public enum AssociationType {
    IS_CHILD_OF("isChildOf"),
    IS_PEER_OF("isPeerOf"),
    IS_PART_OF("isPartOf"),
    EXACT_MATCH_OF("exactMatchOf"),
    PRECEDES("precedes"),
    IS_RELATED_TO("isRelatedTo"),
    REPLACED_BY("replacedBy"),
    EXEMPLAR("exemplar"),
    HAS_SKILL_LEVEL("hasSkillLevel"),
    VALIDATES("validates");

    private final String caseName;

    AssociationType(String caseName) {
        this.caseName = caseName;
    }

    public String caseName() {
        return caseName;
    }

    /** The CASE type this one is written as: VALIDATES has no CASE equivalent and is written as isRelatedTo. */
    public String caseExportName() {
        return this == VALIDATES ? IS_RELATED_TO.caseName : caseName;
    }

    public static AssociationType ofCaseName(String name) {
        for (AssociationType type : values()) {
            if (type.caseName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
