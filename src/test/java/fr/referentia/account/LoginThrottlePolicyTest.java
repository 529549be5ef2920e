package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.LoginThrottlePolicy.Decision;
import fr.referentia.account.LoginThrottlePolicy.RecentFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

    static final Instant NOW = Instant.parse("2026-11-12T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final List<LoginThrottlePolicy> POLICIES = List.of(
            LoginThrottlePolicy.tooManyFailuresForAccountFromAddress(5, WINDOW),
            LoginThrottlePolicy.tooManyFailuresFromAddress(20, WINDOW));

    /** {@code count} failures, one a minute, the latest {@code minutesAgo} minutes ago. */
    static List<Instant> failures(int count, int minutesAgo) {
        return IntStream.range(0, count).mapToObj(i -> NOW.minus(Duration.ofMinutes(minutesAgo + i))).toList();
    }

    static Decision decide(List<Instant> ofAccount, List<Instant> fromAddress) {
        return LoginThrottlePolicy.checkAll(POLICIES, new RecentFailures(ofAccount, fromAddress, List.of(), List.of()),
                CLOCK);
    }

    @Test
    void fourFailuresForAnAccountStillAllowAnAttempt() {
        assertThat(decide(failures(4, 0), failures(4, 0)).allowed()).isTrue();
    }

    @Test
    void theFifthFailureWithinFifteenMinutesRefusesUntilTheOldestOfThemLeavesTheWindow() {
        // Failures 0, 1, 2, 3 and 4 minutes ago: the one of 4 minutes ago leaves the window in 11 minutes.
        Decision decision = decide(failures(5, 0), List.of());
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.retryAfter()).isEqualTo(Duration.ofMinutes(11));
        assertThat(decision.reason()).isEqualTo("Trop de tentatives de connexion : réessayez dans 11 minutes.");
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        // Four recent failures, and older ones from 15 minutes ago and beyond.
        List<Instant> failures = new ArrayList<>(failures(4, 0));
        failures.addAll(failures(10, 15));
        assertThat(decide(failures, List.of()).allowed()).isTrue();
    }

    @Test
    void withManyFailuresTheWaitIsSetByTheFifthMostRecent() {
        // Ten failures, the latest 2 minutes ago: the fifth most recent (6 minutes ago) frees a try in 9 minutes.
        Decision decision = decide(failures(10, 2), List.of());
        assertThat(decision.retryAfter()).isEqualTo(Duration.ofMinutes(9));
    }

    /** {@code count} failures, one every 30 seconds, the latest just now. */
    static List<Instant> quickFailures(int count) {
        return IntStream.range(0, count).mapToObj(i -> NOW.minusSeconds(30L * i)).toList();
    }

    @Test
    void twentyFailuresFromOneAddressRefuseWhateverTheAccount() {
        assertThat(decide(List.of(), quickFailures(19)).allowed()).isTrue();
        Decision decision = decide(List.of(), quickFailures(20));
        assertThat(decision.allowed()).isFalse();
        // The oldest of the twenty was 9 min 30 s ago: it leaves the window in 5 min 30 s.
        assertThat(decision.retryAfter()).isEqualTo(Duration.ofSeconds(330));
        assertThat(decision.retryAfterMinutes()).isEqualTo(6);
    }

    @Test
    void theLongestWaitWinsWhenBothCountersRefuse() {
        assertThat(decide(failures(5, 0), quickFailures(20)).retryAfter()).isEqualTo(Duration.ofMinutes(11));
        assertThat(decide(failures(5, 10), quickFailures(20)).retryAfter()).isEqualTo(Duration.ofSeconds(330));
    }

    @Test
    void theWaitIsRoundedUpToWholeMinutesAndNeverZero() {
        Decision almostOver = decide(List.of(NOW.minusSeconds(899), NOW.minusSeconds(899), NOW.minusSeconds(899),
                NOW.minusSeconds(899), NOW.minusSeconds(899)), List.of());
        assertThat(almostOver.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(almostOver.retryAfterMinutes()).isEqualTo(1);
        assertThat(almostOver.reason()).endsWith("réessayez dans 1 minute.");
        Decision sixtyOneSeconds = decide(List.of(NOW.minusSeconds(839), NOW.minusSeconds(839),
                NOW.minusSeconds(839), NOW.minusSeconds(839), NOW.minusSeconds(839)), List.of());
        assertThat(sixtyOneSeconds.retryAfter()).isEqualTo(Duration.ofSeconds(61));
        assertThat(sixtyOneSeconds.retryAfterMinutes()).isEqualTo(2);
    }

    // The account-wide delay (issue 10, targeted lockout): failures of the account from every address.

    static final LoginThrottlePolicy DELAY = LoginThrottlePolicy.increasingDelayForAccount(10, Duration.ofSeconds(2),
            WINDOW);

    static Decision delayAfter(List<Instant> ofAccountFromAnywhere) {
        return DELAY.check(new RecentFailures(List.of(), List.of(), ofAccountFromAnywhere, List.of()), CLOCK);
    }

    /** {@code count} failures, one every {@code seconds}, the latest {@code latestSecondsAgo} seconds ago. */
    static List<Instant> failuresEvery(int count, int seconds, int latestSecondsAgo) {
        return IntStream.range(0, count).mapToObj(i -> NOW.minusSeconds(latestSecondsAgo + (long) seconds * i)).toList();
    }

    @Test
    void nineFailuresOfAnAccountFromAnywhereCostNoDelay() {
        assertThat(delayAfter(failuresEvery(9, 1, 0)).allowed()).isTrue();
    }

    @Test
    void fromTheTenthFailureOfAnAccountEachTryWaitsTwiceAsLongAfterTheLatest() {
        assertThat(delayAfter(failuresEvery(10, 1, 0)).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(delayAfter(failuresEvery(11, 1, 0)).retryAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(delayAfter(failuresEvery(14, 1, 0)).retryAfter()).isEqualTo(Duration.ofSeconds(32));
        // Once the delay has passed since the latest failure, one more try is allowed.
        assertThat(delayAfter(failuresEvery(11, 1, 4)).allowed()).isTrue();
        assertThat(delayAfter(failuresEvery(11, 1, 3)).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theDelayNeverExceedsTheWindow() {
        Decision decision = delayAfter(failuresEvery(40, 10, 0));
        assertThat(decision.retryAfter()).isEqualTo(WINDOW);
        assertThat(decision.reason()).isEqualTo("Trop de tentatives de connexion : réessayez dans 15 minutes.");
    }

    @Test
    void anAttackerSpreadOverManyAddressesGetsFarFewerThanAHundredTriesAnHour() {
        // ASVS 2.2.1: simulate a patient attacker who tries as soon as each wait is over, for one hour.
        List<Instant> failures = new ArrayList<>();
        Instant now = NOW;
        int tries = 0;
        while (now.isBefore(NOW.plus(Duration.ofHours(1)))) {
            Clock at = Clock.fixed(now, ZoneOffset.UTC);
            Decision decision = DELAY.check(new RecentFailures(List.of(), List.of(), failures, List.of()), at);
            if (decision.allowed()) {
                failures.add(now);
                tries++;
                now = now.plusMillis(1);
            } else {
                now = now.plus(decision.retryAfter());
            }
        }
        assertThat(tries).isLessThan(100);
    }

    @Test
    void aKnownBrowserIsJudgedByItsOwnFailuresOnly() {
        LoginThrottlePolicy device = LoginThrottlePolicy.tooManyFailuresOfKnownDevice(5, WINDOW);
        assertThat(device.check(new RecentFailures(quickFailures(20), quickFailures(20), quickFailures(20),
                failures(4, 0)), CLOCK).allowed()).isTrue();
        assertThat(device.check(new RecentFailures(List.of(), List.of(), List.of(), failures(5, 0)), CLOCK).allowed())
                .isFalse();
    }
}
