package fr.referentia.account;

public enum OrganisationType {
    PRIVATE_FOR_PROFIT("Organisme privé à but lucratif"),
    ASSOCIATION("Association"),
    PUBLIC_OR_CONSULAR("Organisme public ou consulaire"),
    INDEPENDENT_TRAINER("Formateur indépendant"),
    APPRENTICE_TRAINING_CENTRE("Centre de formation d'apprentis (CFA)");

    private final String label;

    OrganisationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
