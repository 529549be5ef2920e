package fr.referentia.certification;

/** Where an accreditation stands on a given day; see {@link AccreditationStatusPolicy}. */
public enum AccreditationStatus {
    NOT_YET_VALID("pas encore valide"),
    VALID("valide"),
    EXPIRING_SOON("expire bientôt"),
    EXPIRED("expirée");

    private final String label;

    AccreditationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The assessor may evaluate on that day (an accreditation about to expire still counts). */
    public boolean allowsEvaluation() {
        return this == VALID || this == EXPIRING_SOON;
    }
}
