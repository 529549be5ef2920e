package fr.referentia.workforce.gap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A certification's competency read through the branch framework's items confirmed as matching it. */
class ObservedThroughMatchesTest {

    @Test
    void theBestLevelOfEachSourceAmongTheItemAndItsMatchesCountsAndAbsentLevelsAreNoLevel() {
        Map<String, Integer[]> levels = new HashMap<>();
        levels.put("RAC/A", new Integer[] {null, 2});
        levels.put("RAC/B", new Integer[] {3, null});
        levels.put("RAC/C", new Integer[] {null, null});
        GapAnalysis.Observed observed = GapAnalyses.observed(levels, "CQP/C1", List.of("RAC/A", "RAC/B", "RAC/C"));
        assertThat(observed.self()).isEqualTo(3);
        assertThat(observed.manager()).isEqualTo(2);
        assertThat(observed.through()).containsExactly("RAC/A", "RAC/B");
        GapAnalysis.Observed nothing = GapAnalyses.observed(levels, "CQP/C2", List.of("RAC/C", "RAC/Z"));
        assertThat(nothing.self()).isNull();
        assertThat(nothing.manager()).isNull();
        assertThat(nothing.through()).isEmpty();
    }
}
