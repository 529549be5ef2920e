package fr.referentia.workforce;

/** Who assessed: the person themself (auto-évaluation) or their manager. */
public enum AssessmentSource {
    SELF("Auto-évaluation"),
    MANAGER("Évaluation du manager");

    private final String label;

    AssessmentSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
