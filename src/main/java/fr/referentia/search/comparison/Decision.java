package fr.referentia.search.comparison;

/** What a reviewer said of a proposal. */
public enum Decision {
    CONFIRMED("Confirmée"),
    REJECTED("Rejetée");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
