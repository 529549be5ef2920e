package fr.referentia.framework;

public enum FrameworkStatus {
    DRAFT("Brouillon"),
    PUBLISHED("Publié"),
    RETIRED("Retiré");

    private final String label;

    FrameworkStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
