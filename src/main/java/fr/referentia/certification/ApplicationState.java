package fr.referentia.certification;

/**
 * Where an application (candidature) stands. Names are those of the API; labels are French. The
 * moves between them are {@link ApplicationStateMachine}'s table, and only
 * {@link ApplicationStateMachine#change} changes an application's state.
 */
public enum ApplicationState {
    DRAFT("Brouillon", "Remplissez le dossier de recevabilité, joignez vos justificatifs, puis déposez la demande."),
    SUBMITTED("Déposée", "Le secrétariat de la CPEF examine la recevabilité de votre demande."),
    ADMISSIBLE("Recevable", "Renseignez votre dossier VAE, compétence par compétence."),
    NOT_ADMISSIBLE("Non recevable", "Votre demande n'est pas recevable : lisez le motif ci-dessous."),
    INCOMPLETE("Incomplète", "Complétez votre demande avec ce qui manque, puis déposez-la à nouveau."),
    DOSSIER_IN_PROGRESS("Dossier en cours", "Renseignez votre dossier VAE puis déposez-le."),
    DOSSIER_SUBMITTED("Dossier déposé", "Votre dossier est déposé : le secrétariat organise votre évaluation."),
    EVALUATION_SCHEDULED("Évaluation programmée", "Préparez votre évaluation aux date et lieu indiqués."),
    EVALUATED("Évalué", "Votre évaluation est faite : votre dossier sera présenté au jury paritaire."),
    IN_JURY("Au jury", "Le jury paritaire délibère sur votre dossier."),
    DECIDED("Décidé", "Le jury a rendu sa décision."),
    WITHDRAWN("Retirée", "Vous avez retiré cette candidature."),
    ARCHIVED("Archivée", "Cette candidature est archivée.");

    private final String label;
    private final String candidateNextStep;

    ApplicationState(String label, String candidateNextStep) {
        this.label = label;
        this.candidateNextStep = candidateNextStep;
    }

    public String label() {
        return label;
    }

    /** What the candidate does (or waits for) next, in French. */
    public String candidateNextStep() {
        return candidateNextStep;
    }

    /** The candidate (or HR on their behalf) may still change the admissibility form and documents. */
    public boolean formEditable() {
        return this == DRAFT || this == INCOMPLETE;
    }

    /** An admissibility decision has been recorded and stands (favourable or unfavourable). */
    public boolean admissibilityDecided() {
        return this == ADMISSIBLE || this == NOT_ADMISSIBLE;
    }
}
