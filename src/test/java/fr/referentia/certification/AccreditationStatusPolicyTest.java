package fr.referentia.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.shared.BadInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** R5: only habilitated assessors evaluate; statuses around the first and the last day. */
class AccreditationStatusPolicyTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate UNTIL = LocalDate.of(2028, 12, 31);
    static final AccreditationValidity VALIDITY = new AccreditationValidity(FROM, UNTIL);
    static final AccreditationStatusPolicy SIXTY_DAYS = AccreditationStatusPolicy.DEFAULT;

    @Test
    void isNotYetValidTheDayBeforeItStartsAndValidTheDayItStarts() {
        assertThat(SIXTY_DAYS.statusOn(VALIDITY, FROM.minusDays(1))).isEqualTo(AccreditationStatus.NOT_YET_VALID);
        assertThat(SIXTY_DAYS.statusOn(VALIDITY, FROM)).isEqualTo(AccreditationStatus.VALID);
    }

    @Test
    void stillAllowsEvaluationTheDayItExpiresAndIsExpiredTheDayAfter() {
        AccreditationStatus lastDay = SIXTY_DAYS.statusOn(VALIDITY, UNTIL);
        assertThat(lastDay).isEqualTo(AccreditationStatus.EXPIRING_SOON);
        assertThat(lastDay.allowsEvaluation()).isTrue();
        AccreditationStatus dayAfter = SIXTY_DAYS.statusOn(VALIDITY, UNTIL.plusDays(1));
        assertThat(dayAfter).isEqualTo(AccreditationStatus.EXPIRED);
        assertThat(dayAfter.allowsEvaluation()).isFalse();
    }

    @Test
    void expiresSoonWhenTheLastDayIsWithinTheChosenNumberOfDays() {
        assertThat(SIXTY_DAYS.statusOn(VALIDITY, UNTIL.minusDays(60))).isEqualTo(AccreditationStatus.EXPIRING_SOON);
        assertThat(SIXTY_DAYS.statusOn(VALIDITY, UNTIL.minusDays(61))).isEqualTo(AccreditationStatus.VALID);
        AccreditationStatusPolicy tenDays = new AccreditationStatusPolicy(10);
        assertThat(tenDays.statusOn(VALIDITY, UNTIL.minusDays(10))).isEqualTo(AccreditationStatus.EXPIRING_SOON);
        assertThat(tenDays.statusOn(VALIDITY, UNTIL.minusDays(11))).isEqualTo(AccreditationStatus.VALID);
        AccreditationStatusPolicy sameDay = new AccreditationStatusPolicy(0);
        assertThat(sameDay.statusOn(VALIDITY, UNTIL)).isEqualTo(AccreditationStatus.EXPIRING_SOON);
        assertThat(sameDay.statusOn(VALIDITY, UNTIL.minusDays(1))).isEqualTo(AccreditationStatus.VALID);
    }

    @Test
    void aNotYetStartedAccreditationIsNotYetValidEvenIfItEndsSoon() {
        var shortOne = new AccreditationValidity(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 20));
        assertThat(SIXTY_DAYS.statusOn(shortOne, LocalDate.of(2026, 3, 9))).isEqualTo(AccreditationStatus.NOT_YET_VALID);
        assertThat(AccreditationStatus.NOT_YET_VALID.allowsEvaluation()).isFalse();
    }

    @Test
    void readsTodayFromTheClockInItsZone() {
        // 31 December 2028 at 23:30 UTC is already 1 January 2029 in Paris: expired there.
        Clock lateEvening = Clock.fixed(Instant.parse("2028-12-31T23:30:00Z"), ZoneId.of("Europe/Paris"));
        assertThat(SIXTY_DAYS.status(VALIDITY, lateEvening)).isEqualTo(AccreditationStatus.EXPIRED);
        Clock utc = Clock.fixed(Instant.parse("2028-12-31T23:30:00Z"), ZoneId.of("UTC"));
        assertThat(SIXTY_DAYS.status(VALIDITY, utc)).isEqualTo(AccreditationStatus.EXPIRING_SOON);
    }

    @Test
    void refusesANegativeOrAbsurdNumberOfDays() {
        assertThatThrownBy(() -> new AccreditationStatusPolicy(-1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("entre 0 et 3650");
        assertThatThrownBy(() -> new AccreditationStatusPolicy(3651)).isInstanceOf(BadInputException.class);
    }
}
