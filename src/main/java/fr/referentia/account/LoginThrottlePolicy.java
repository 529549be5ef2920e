package fr.referentia.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a sign-in may be attempted, from the failed sign-ins of the last minutes (ASVS 2.2.1; the
 * design is explained in {@code docs/security.md}). One named policy per counter; the longest wait
 * among them is the answer. From a browser unknown for the account (and on the API): failures of the
 * account from this address (a sliding window, so a steady attacker gets one try per expired failure,
 * never a burst), failures from this address whatever the account (password spraying), and an
 * increasing delay after many failures of the account from anywhere (distributed guessing: far
 * fewer than the hundred tries an hour ASVS allows). From a browser that signed into the account before (a known
 * device, by its cookie): that browser's own failures only, so that nobody elsewhere can lock the
 * owner out.
 */
public interface LoginThrottlePolicy {

    /**
     * Failed sign-ins: for the account from the client's address, from that address for any account,
     * for the account from anywhere (these three from unknown browsers only), and of the known browser
     * the attempt comes from (empty for an unknown one).
     */
    record RecentFailures(List<Instant> ofAccountFromAddress, List<Instant> fromAddress, List<Instant> ofAccount,
            List<Instant> ofDevice) {
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

    /**
     * No more than {@code maxFailures} failed sign-ins for one account from one client address within
     * {@code window}: an attacker locks the account for their own address only.
     */
    static LoginThrottlePolicy tooManyFailuresForAccountFromAddress(int maxFailures, Duration window) {
        return (failures, clock) -> refuseWhileTooMany(failures.ofAccountFromAddress(), maxFailures, window,
                clock.instant());
    }

    /**
     * After {@code freeFailures} failed sign-ins for one account from anywhere within {@code window},
     * each further try waits after the latest failure: {@code firstDelay}, then twice as long each time,
     * never longer than the window. It slows guessing spread over many addresses without a lockout: the
     * owner's known browsers are not subject to it.
     */
    static LoginThrottlePolicy increasingDelayForAccount(int freeFailures, Duration firstDelay, Duration window) {
        return (failures, clock) -> {
            Instant now = clock.instant();
            List<Instant> recent = failures.ofAccount().stream().filter(failedAt -> failedAt.isAfter(now.minus(window)))
                    .sorted(Comparator.reverseOrder()).toList();
            if (recent.size() < freeFailures) {
                return Decision.allow();
            }
            int doublings = Math.min(recent.size() - freeFailures, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            Duration wait = delay.compareTo(window) > 0 ? window : delay;
            Instant freedAt = recent.get(0).plus(wait);
            return freedAt.isAfter(now) ? Decision.refuseFor(Duration.between(now, freedAt)) : Decision.allow();
        };
    }

    /** No more than {@code maxFailures} failed sign-ins from one known browser within {@code window}. */
    static LoginThrottlePolicy tooManyFailuresOfKnownDevice(int maxFailures, Duration window) {
        return (failures, clock) -> refuseWhileTooMany(failures.ofDevice(), maxFailures, window, clock.instant());
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
