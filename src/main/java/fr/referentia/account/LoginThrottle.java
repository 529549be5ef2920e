package fr.referentia.account;

import fr.referentia.account.LoginThrottlePolicy.Decision;
import fr.referentia.account.LoginThrottlePolicy.RecentFailures;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins in the database rather than in memory: every node behind the load
 * balancer sees the same counters, so adding nodes does not multiply an attacker's tries, and a
 * restart does not reset them. Failures older than the window are deleted as new ones come. An
 * attempt from a browser known for the account ({@link KnownDevices}) is judged by that browser's
 * own failures only (see {@link LoginThrottlePolicy}).
 */
@Service
@Transactional
class LoginThrottle {

    static final int MAX_ACCOUNT_LENGTH = 320;
    static final int MAX_ADDRESS_LENGTH = 64;

    private final LoginFailureRepository failures;
    private final KnownDevices devices;
    private final LoginThrottleSettings settings;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, KnownDevices devices, LoginThrottleSettings settings,
            ObjectProvider<Clock> clock) {
        this.failures = failures;
        this.devices = devices;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** An attempt to sign into {@code account} from an address, with a known-browser cookie or {@code null}. */
    record Attempt(String account, String clientAddress, Long knownDeviceId) {
    }

    /** Recognises the browser's cookie, if any, as one known for the account. */
    @Transactional(readOnly = true)
    public Attempt attempt(String account, String clientAddress, String deviceToken) {
        return new Attempt(normalised(account), address(clientAddress),
                devices.recognise(normalised(account), deviceToken).orElse(null));
    }

    @Transactional(readOnly = true)
    public Decision check(String account, String clientAddress) {
        return check(attempt(account, clientAddress, null));
    }

    @Transactional(readOnly = true)
    public Decision check(Attempt attempt) {
        Instant since = clock.instant().minus(settings.window());
        boolean known = attempt.knownDeviceId() != null;
        RecentFailures recent = known
                ? new RecentFailures(List.of(), List.of(), List.of(),
                        failures.failuresOfDeviceSince(attempt.knownDeviceId(), since))
                : new RecentFailures(
                        failures.failuresOfAccountFromAddressSince(attempt.account(), attempt.clientAddress(), since),
                        failures.failuresFromAddressSince(attempt.clientAddress(), since),
                        failures.failuresOfAccountSince(attempt.account(), since), List.of());
        return LoginThrottlePolicy.checkAll(settings.policies(known), recent, clock);
    }

    public void recordFailure(String account, String clientAddress) {
        recordFailure(attempt(account, clientAddress, null));
    }

    public void recordFailure(Attempt attempt) {
        Instant now = clock.instant();
        failures.deleteOlderThan(now.minus(settings.window()));
        failures.save(new LoginFailure(attempt.account(), attempt.clientAddress(), now, attempt.knownDeviceId()));
    }

    /**
     * A successful sign-in clears the account's failures from that address and those of that browser; the
     * failures sent from elsewhere stay (an attacker cannot clear them by signing into an account of their own).
     */
    public void recordSuccess(Attempt attempt) {
        failures.deleteAfterSuccess(attempt.account(), attempt.clientAddress(), attempt.knownDeviceId());
    }

    /** The e-mail as the user details service reads it, so that "A@x.fr " and "a@x.fr" count together. */
    static String normalised(String account) {
        String value = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return value.length() > MAX_ACCOUNT_LENGTH ? value.substring(0, MAX_ACCOUNT_LENGTH) : value;
    }

    private static String address(String clientAddress) {
        String value = clientAddress == null ? "inconnue" : clientAddress;
        return value.length() > MAX_ADDRESS_LENGTH ? value.substring(0, MAX_ADDRESS_LENGTH) : value;
    }
}
