package fr.referentia.framework;

/** What a referential is: the branch's occupational framework or a certification. */
public enum FrameworkKind {
    OCCUPATIONAL_FRAMEWORK("Référentiel métiers"),
    CQP("Certificat de qualification professionnelle"),
    TITRE("Titre professionnel");

    private final String label;

    FrameworkKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isCertification() {
        return this != OCCUPATIONAL_FRAMEWORK;
    }
}
