package fr.referentia.account;

import fr.referentia.account.LoginThrottlePolicy.Decision;
import fr.referentia.account.LoginThrottlePolicy.RecentFailures;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins in the database rather than in memory: every node behind the load
 * balancer sees the same counters, so adding nodes does not multiply an attacker's tries, and a
 * restart does not reset them. Failures older than the window are deleted as new ones come.
 */
@Service
@Transactional
class LoginThrottle {

    static final int MAX_ACCOUNT_LENGTH = 320;
    static final int MAX_ADDRESS_LENGTH = 64;

    private final LoginFailureRepository failures;
    private final LoginThrottleSettings settings;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, LoginThrottleSettings settings, ObjectProvider<Clock> clock) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional(readOnly = true)
    public Decision check(String account, String clientAddress) {
        Instant since = clock.instant().minus(settings.window());
        RecentFailures recent = new RecentFailures(
                failures.failuresOfAccountSince(normalised(account), since),
                failures.failuresFromAddressSince(address(clientAddress), since));
        return LoginThrottlePolicy.checkAll(settings.policies(), recent, clock);
    }

    public void recordFailure(String account, String clientAddress) {
        Instant now = clock.instant();
        failures.deleteOlderThan(now.minus(settings.window()));
        failures.save(new LoginFailure(normalised(account), address(clientAddress), now));
    }

    /** A successful sign-in clears the account's counter; the address's counter stays. */
    public void recordSuccess(String account) {
        failures.deleteByAccount(normalised(account));
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
