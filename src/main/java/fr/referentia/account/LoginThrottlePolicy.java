package fr.referentia.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a sign-in may be attempted, from the failed sign-ins of the last minutes. One named
 * policy per counter (the account, the client address); the longest wait among them is the answer.
 * A refusal lasts until enough failures have left the window: a sliding window, so a steady
 * attacker gets one try per expired failure, never a burst.
 */
public interface LoginThrottlePolicy {

    /** Failed sign-ins for the account being signed into, and from the client's address. */
    record RecentFailures(List<Instant> ofAccount, List<Instant> fromAddress) {
    }

    record Decision(boolean allowed, Duration retryAfter) {

        static Decision allow() {
            return new Decision(true, Duration.ZERO);
        }

        static Decision refuseFor(Duration wait) {
            return new Decision(false, wait);
        }

        /** Whole minutes to wait, rounded up: "1 minute" rather than "0" for the last seconds. */
        public long retryAfterMinutes() {
            return Math.max(1, (retryAfter.getSeconds() + 59) / 60);
        }

        public String reason() {
            long minutes = retryAfterMinutes();
            return allowed() ? null : "Trop de tentatives de connexion : réessayez dans " + minutes
                    + (minutes == 1 ? " minute." : " minutes.");
        }
    }

    Decision check(RecentFailures failures, Clock clock);

    /** No more than {@code maxFailures} failed sign-ins for one account within {@code window}. */
    static LoginThrottlePolicy tooManyFailuresForAccount(int maxFailures, Duration window) {
        return (failures, clock) -> refuseWhileTooMany(failures.ofAccount(), maxFailures, window, clock.instant());
    }

    /** No more than {@code maxFailures} failed sign-ins from one client address within {@code window}. */
    static LoginThrottlePolicy tooManyFailuresFromAddress(int maxFailures, Duration window) {
        return (failures, clock) -> refuseWhileTooMany(failures.fromAddress(), maxFailures, window, clock.instant());
    }

    static Decision checkAll(List<LoginThrottlePolicy> policies, RecentFailures failures, Clock clock) {
        return policies.stream().map(policy -> policy.check(failures, clock))
                .filter(decision -> !decision.allowed())
                .max(Comparator.comparing(Decision::retryAfter))
                .orElse(Decision.allow());
    }

    private static Decision refuseWhileTooMany(List<Instant> failures, int maxFailures, Duration window,
            Instant now) {
        List<Instant> recent = failures.stream().filter(failedAt -> failedAt.isAfter(now.minus(window)))
                .sorted(Comparator.reverseOrder()).toList();
        if (recent.size() < maxFailures) {
            return Decision.allow();
        }
        // Allowed again once only maxFailures - 1 failures remain in the window.
        Instant freedAt = recent.get(maxFailures - 1).plus(window);
        return Decision.refuseFor(Duration.between(now, freedAt));
    }
}
