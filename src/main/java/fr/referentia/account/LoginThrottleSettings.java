package fr.referentia.account;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of login throttling ({@code referentia.security.login-throttle.*}, see {@link LoginThrottlePolicy}):
 * {@code account-max-failures} per account from one address, {@code address-max-failures} from one address,
 * an increasing delay from the {@code account-delay-after}-th failure of an account from anywhere (first
 * {@code account-first-delay}, doubling), {@code device-max-failures} from one known browser; a browser stays
 * known {@code known-device-validity} after its last sign-in.
 */
@ConfigurationProperties("referentia.security.login-throttle")
record LoginThrottleSettings(@DefaultValue("5") int accountMaxFailures, @DefaultValue("20") int addressMaxFailures,
        @DefaultValue("15m") Duration window, @DefaultValue("10") int accountDelayAfter,
        @DefaultValue("2s") Duration accountFirstDelay, @DefaultValue("5") int deviceMaxFailures,
        @DefaultValue("90d") Duration knownDeviceValidity) {

    /** The rules of an attempt from a browser known for the account, or from anywhere else. */
    List<LoginThrottlePolicy> policies(boolean knownDevice) {
        return knownDevice ? List.of(LoginThrottlePolicy.tooManyFailuresOfKnownDevice(deviceMaxFailures, window))
                : List.of(LoginThrottlePolicy.tooManyFailuresForAccountFromAddress(accountMaxFailures, window),
                        LoginThrottlePolicy.tooManyFailuresFromAddress(addressMaxFailures, window),
                        LoginThrottlePolicy.increasingDelayForAccount(accountDelayAfter, accountFirstDelay, window));
    }
}
