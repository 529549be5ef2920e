package fr.referentia.shared.jobs;

/** Where a background job stands: QUEUED → RUNNING → DONE or FAILED; an unfinished job may be INTERRUPTED. */
public enum JobState {
    QUEUED("En attente"),
    RUNNING("En cours"),
    DONE("Terminé"),
    FAILED("Échec"),
    /** Its node stopped before it ended; its owner may run it again if its input is stored. */
    INTERRUPTED("Interrompu");

    private final String label;

    JobState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean ended() {
        return this == DONE || this == FAILED || this == INTERRUPTED;
    }
}
