package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void dataOlderThanItsPeriodHasExpiredAndDataExactlyAtTheLimitHasNot() {
        Instant now = Instant.parse("2026-06-15T10:00:00Z");
        Instant limit = Instant.parse("2021-06-15T10:00:00Z");
        assertThat(RetentionPolicy.cutoff(now, PARIS, Period.ofYears(5))).isEqualTo(limit);
        assertThat(RetentionPolicy.isExpired(limit.minusSeconds(1), now, PARIS, Period.ofYears(5))).isTrue();
        assertThat(RetentionPolicy.isExpired(limit, now, PARIS, Period.ofYears(5))).isFalse();
        assertThat(RetentionPolicy.isExpired(now, now, PARIS, Period.ofDays(90))).isFalse();
    }

    @Test
    void periodsCountInTheBranchCalendar() {
        // 29 February 2024 minus a year is 28 February 2023, in Paris; across the DST change the hour is kept.
        assertThat(RetentionPolicy.cutoff(Instant.parse("2024-02-29T11:00:00Z"), PARIS, Period.ofYears(1)))
                .isEqualTo(Instant.parse("2023-02-28T11:00:00Z"));
        assertThat(RetentionPolicy.cutoff(Instant.parse("2026-04-10T10:00:00Z"), PARIS, Period.ofDays(90)))
                .isEqualTo(Instant.parse("2026-01-10T11:00:00Z"));
    }

    @Test
    void settingsNeedPositivePeriodsAndReadInFrench() {
        assertThatThrownBy(() -> new RetentionSettings(Period.ZERO, Period.ofDays(90), Period.ofDays(90), "-"))
                .hasMessageContaining("audit-entries");
        assertThatThrownBy(() -> new RetentionSettings(Period.ofYears(5), Period.ofDays(-1), Period.ofDays(90), "-"))
                .hasMessageContaining("unactivated-accounts");
        assertThat(RetentionSettings.inFrench(Period.ofYears(5))).isEqualTo("5 ans");
        assertThat(RetentionSettings.inFrench(Period.ofDays(1))).isEqualTo("1 jour");
        assertThat(RetentionSettings.inFrench(Period.of(1, 6, 0))).isEqualTo("1 an et 6 mois");
        assertThat(RetentionSettings.inFrench(Period.of(2, 1, 3))).isEqualTo("2 ans, 1 mois et 3 jours");
    }
}
