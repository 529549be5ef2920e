package fr.referentia.certification;

/** The certification office's admissibility decision (recevabilité) and the state it leads to. */
public enum AdmissibilityDecision {
    FAVOURABLE("Favorable", ApplicationState.ADMISSIBLE),
    UNFAVOURABLE("Défavorable", ApplicationState.NOT_ADMISSIBLE),
    INCOMPLETE("Incomplète", ApplicationState.INCOMPLETE);

    private final String label;
    private final ApplicationState leadsTo;

    AdmissibilityDecision(String label, ApplicationState leadsTo) {
        this.label = label;
        this.leadsTo = leadsTo;
    }

    public String label() {
        return label;
    }

    public ApplicationState leadsTo() {
        return leadsTo;
    }
}
