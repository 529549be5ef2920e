package fr.referentia.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

    @Test
    void theFirstReportAndEachNewPhaseOrTotalAreWrittenAtOnce() {
        ProgressThrottle throttle = new ProgressThrottle(250);

        assertThat(throttle.due("Lecture", 0, 1_000)).isTrue();
        assertThat(throttle.due("Lecture", 0, 1_001)).isFalse();
        assertThat(throttle.due("Enregistrement", 17_000, 1_002)).as("a new phase").isTrue();
        assertThat(throttle.due("Enregistrement", 17_000, 1_003)).isFalse();
        assertThat(throttle.due("Enregistrement", 17_001, 1_004)).as("a new total").isTrue();
    }

    @Test
    void fourteenThousandReportsAMillisecondApartAreWrittenAtMostFourTimesASecond() {
        ProgressThrottle throttle = new ProgressThrottle(250);
        int writes = 0;
        for (int done = 0; done < 14_000; done++) {
            if (throttle.due("Recherche des rapprochements", 14_000, done)) {
                writes++;
            }
        }
        // 14 seconds of reports: the first one, then one each quarter of a second.
        assertThat(writes).isEqualTo(1 + 13_999 / 250);
    }
}
