package fr.referentia.certification;

import static fr.referentia.certification.ApplicationState.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transition table of the application's state machine, read as the issue states it. */
class ApplicationStateMachineTest {

    @Test
    void theApiHasExactlyTheThirteenStatesOfTheIssue() {
        assertThat(Arrays.stream(ApplicationState.values()).map(Enum::name)).containsExactly("DRAFT", "SUBMITTED",
                "ADMISSIBLE", "NOT_ADMISSIBLE", "INCOMPLETE", "DOSSIER_IN_PROGRESS", "DOSSIER_SUBMITTED",
                "EVALUATION_SCHEDULED", "EVALUATED", "IN_JURY", "DECIDED", "WITHDRAWN", "ARCHIVED");
        assertThat(ApplicationStateMachine.TRANSITIONS).containsOnlyKeys(ApplicationState.values());
    }

    @Test
    void theMainPathRunsFromDraftToDecidedThenArchived() {
        List<ApplicationState> path = List.of(DRAFT, SUBMITTED, ADMISSIBLE, DOSSIER_IN_PROGRESS, DOSSIER_SUBMITTED,
                EVALUATION_SCHEDULED, EVALUATED, IN_JURY, DECIDED, ARCHIVED);
        for (int i = 1; i < path.size(); i++) {
            assertThat(ApplicationStateMachine.allows(path.get(i - 1), path.get(i)))
                    .as(path.get(i - 1) + " → " + path.get(i)).isTrue();
        }
    }

    @Test
    void theOfficeDecidesOnlyOnASubmittedRequest() {
        for (ApplicationState from : ApplicationState.values()) {
            boolean decidable = ApplicationStateMachine.allows(from, ADMISSIBLE)
                    || ApplicationStateMachine.allows(from, NOT_ADMISSIBLE);
            assertThat(decidable).as(from.name()).isEqualTo(from == SUBMITTED);
        }
    }

    @Test
    void everyStateIsReachableFromDraftAndArchivedIsTheEnd() {
        EnumSet<ApplicationState> reached = EnumSet.of(DRAFT);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ApplicationState state : EnumSet.copyOf(reached)) {
                grew |= reached.addAll(ApplicationStateMachine.next(state));
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(ApplicationState.values());
        assertThat(ApplicationStateMachine.next(ARCHIVED)).isEmpty();
    }

    @Test
    void aDecisionCanBeRevokedBackToTheQueueButTheDossierCannotSkipAdmissibility() {
        assertThat(ApplicationStateMachine.allows(ADMISSIBLE, SUBMITTED)).isTrue();
        assertThat(ApplicationStateMachine.allows(NOT_ADMISSIBLE, SUBMITTED)).isTrue();
        assertThat(ApplicationStateMachine.allows(INCOMPLETE, SUBMITTED)).isTrue();
        assertThat(ApplicationStateMachine.allows(SUBMITTED, DOSSIER_IN_PROGRESS)).isFalse();
        assertThat(ApplicationStateMachine.allows(DRAFT, ADMISSIBLE)).isFalse();
        assertThat(ApplicationStateMachine.allows(NOT_ADMISSIBLE, DOSSIER_IN_PROGRESS)).isFalse();
        assertThat(ApplicationStateMachine.allows(DECIDED, WITHDRAWN)).isFalse();
    }

    @Test
    void theDossierStepsNeededAfterAdmissibilityAreInTheTable() {
        assertThat(ApplicationStateMachine.allows(ADMISSIBLE, DOSSIER_IN_PROGRESS)).isTrue();
        assertThat(ApplicationStateMachine.allows(DOSSIER_IN_PROGRESS, DOSSIER_SUBMITTED)).isTrue();
        assertThat(ApplicationStateMachine.allows(DOSSIER_SUBMITTED, DOSSIER_IN_PROGRESS)).isTrue();
    }
}
