package fr.referentia.workforce.plan;

/** The actions of a development plan. */
public enum DevelopmentActionKind {
    TRAINING("Formation"),
    TUTORING("Tutorat"),
    MENTORING("Mentorat"),
    VAE("Validation des acquis de l'expérience (VAE)"),
    INTERNAL_MOBILITY("Mobilité interne");

    private final String label;

    DevelopmentActionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
