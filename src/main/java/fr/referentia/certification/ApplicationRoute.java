package fr.referentia.certification;

/** How a candidate reaches a certification. */
public enum ApplicationRoute {
    VAE("Validation des acquis de l'expérience (VAE)"),
    TRAINING("Formation"),
    MIXED("Parcours mixte (VAE et formation)");

    private final String label;

    ApplicationRoute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Counts among the VAE requests that R3 limits to three a calendar year. */
    public boolean isVae() {
        return this == VAE || this == MIXED;
    }
}
