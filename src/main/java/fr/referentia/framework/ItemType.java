package fr.referentia.framework;

/** Types of framework items (CASE CFItemType), with their French label. */
public enum ItemType {
    DOMAIN("Domaine", "Domaines"),
    FUNCTION("Fonction", "Fonctions"),
    BLOCK("Bloc de compétences", "Blocs de compétences"),
    ACTIVITY("Activité", "Activités"),
    TASK("Tâche", "Tâches"),
    COMPETENCY("Compétence", "Compétences"),
    ELEMENT_GROUP("Groupe d'éléments", "Groupes d'éléments"),
    ELEMENT("Élément de compétence", "Éléments de compétence"),
    CRITERION("Critère d'évaluation", "Critères d'évaluation"),
    EVALUATION_BASIS("Base de l'évaluation", "Bases de l'évaluation"),
    CANDIDATE_ACTIVITY("Activité du dossier candidat", "Activités du dossier candidat"),
    DOSSIER_QUESTION("Question du dossier", "Questions du dossier"),
    INTERVIEW_QUESTION("Question du guide d'entretien", "Questions du guide d'entretien"),
    /** A type Referentia does not know (e.g. a CASE CFItemType from another server): the item keeps its label. */
    OTHER("Autre type", "Autres types");

    private final String label;
    private final String pluralLabel;

    ItemType(String label, String pluralLabel) {
        this.label = label;
        this.pluralLabel = pluralLabel;
    }

    public String label() {
        return label;
    }

    public String pluralLabel() {
        return pluralLabel;
    }

    /** Items that form the browsable tree; the others are shown on their parent's page. */
    public boolean isStructural() {
        return switch (this) {
            case DOMAIN, FUNCTION, BLOCK, ACTIVITY, COMPETENCY, ELEMENT_GROUP, ELEMENT, OTHER -> true;
            default -> false;
        };
    }
}
