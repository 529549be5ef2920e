package fr.referentia.workforce;

/**
 * How the signed-in person stands to the person whose competencies are asked for: themself, their
 * manager (the manager of their current team), or their organisation's HR. Anyone else never learns the
 * person exists (404).
 */
public enum PersonRelation {
    SELF,
    MANAGER,
    HR;

    /** Whether this relation may record an assessment, and under which source. */
    public AssessmentSource assessmentSource() {
        return switch (this) {
            case SELF -> AssessmentSource.SELF;
            case MANAGER -> AssessmentSource.MANAGER;
            case HR -> null;
        };
    }
}
