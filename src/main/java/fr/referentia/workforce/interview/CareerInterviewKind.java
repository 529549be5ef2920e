package fr.referentia.workforce.interview;

/** The kinds of entretien de parcours professionnel (R16, Code du travail L6315-1). */
public enum CareerInterviewKind {
    PERIODIC("Entretien de parcours professionnel"),
    SUMMARY_REVIEW("État des lieux récapitulatif"),
    MID_CAREER("Entretien de mi-carrière (45 ans)"),
    PRE_60("Entretien de fin de carrière (avant 60 ans)");

    private final String label;

    CareerInterviewKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A kind by its name as sent; null when it names none. */
    static CareerInterviewKind parse(String value) {
        if (value != null) {
            for (CareerInterviewKind kind : values()) {
                if (kind.name().equals(value.strip())) {
                    return kind;
                }
            }
        }
        return null;
    }
}
