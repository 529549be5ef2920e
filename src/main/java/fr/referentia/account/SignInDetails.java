package fr.referentia.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** What a password sign-in knows of the browser: its address and session, and its known-browser cookie. */
class SignInDetails extends WebAuthenticationDetails {

    private final transient String deviceToken;

    SignInDetails(HttpServletRequest request) {
        super(request);
        this.deviceToken = KnownDevices.tokenFrom(request);
    }

    /** The known-browser cookie ({@link KnownDevices}), or {@code null}; never shown nor logged. */
    String deviceToken() {
        return deviceToken;
    }

    @Override
    public String toString() {
        return super.toString(); // without the cookie
    }
}
