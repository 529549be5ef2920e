package fr.referentia.certification;

/** The two kinds of assessor an evaluation needs (R5): one of each. */
public enum AccreditationKind {
    SECTOR_PROFESSIONAL("Professionnel du secteur"),
    EXTERNAL("Évaluateur externe");

    private final String label;

    AccreditationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
