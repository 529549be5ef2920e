package fr.referentia.account;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits of login throttling ({@code referentia.security.login-throttle.*}). */
@ConfigurationProperties("referentia.security.login-throttle")
record LoginThrottleSettings(@DefaultValue("5") int accountMaxFailures, @DefaultValue("20") int addressMaxFailures,
        @DefaultValue("15m") Duration window) {

    List<LoginThrottlePolicy> policies() {
        return List.of(LoginThrottlePolicy.tooManyFailuresForAccount(accountMaxFailures, window),
                LoginThrottlePolicy.tooManyFailuresFromAddress(addressMaxFailures, window));
    }
}
