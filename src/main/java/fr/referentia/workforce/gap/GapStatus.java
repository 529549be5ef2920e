package fr.referentia.workforce.gap;

/** Where a person stands on one required competency. */
public enum GapStatus {
    MET("Niveau atteint"),
    GAP("Écart"),
    NOT_ASSESSED("Non évalué");

    private final String label;

    GapStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
