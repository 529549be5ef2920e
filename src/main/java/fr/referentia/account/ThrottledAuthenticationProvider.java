package fr.referentia.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) behind {@link LoginThrottle}: a throttled attempt is
 * refused without checking the password, so it reveals nothing and costs no hashing; every other
 * failure counts; a success clears the account's failures from that address and browser. A form
 * sign-in's {@link SignInDetails} carry the known-browser cookie, if any.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        String device = attempt.getDetails() instanceof SignInDetails browser ? browser.deviceToken() : null;
        LoginThrottle.Attempt counted = throttle.attempt(attempt.getName(), address, device);
        var decision = throttle.check(counted);
        if (!decision.allowed()) {
            throw new LoginThrottledException(decision);
        }
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            throttle.recordSuccess(counted);
            return authenticated;
        } catch (AuthenticationException failure) {
            throttle.recordFailure(counted);
            throw failure;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
