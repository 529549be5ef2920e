package fr.referentia.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password is even checked, because of too many recent failures. */
class LoginThrottledException extends AuthenticationException {

    private final long retryAfterMinutes;
    private final Duration retryAfter;

    LoginThrottledException(LoginThrottlePolicy.Decision decision) {
        super(decision.reason());
        this.retryAfterMinutes = decision.retryAfterMinutes();
        this.retryAfter = decision.retryAfter();
    }

    long retryAfterMinutes() {
        return retryAfterMinutes;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
