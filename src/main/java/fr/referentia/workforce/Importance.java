package fr.referentia.workforce;

/**
 * How much a competency matters in a job, as ESCO says it: essential or optional. Not to be confused
 * with an element's {@code essential} (incontournable) flag of R7.
 */
public enum Importance {
    ESSENTIAL("Essentielle"),
    OPTIONAL("Optionnelle");

    private final String label;

    Importance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
