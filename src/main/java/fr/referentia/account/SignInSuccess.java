package fr.referentia.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a successful form sign-in: the browser becomes known for the account ({@link KnownDevices}),
 * then the person goes to the page they asked for, or to their workspace.
 */
class SignInSuccess implements AuthenticationSuccessHandler {

    private final KnownDevices devices;
    private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInSuccess(KnownDevices devices, String defaultTargetUrl) {
        this.devices = devices;
        next.setDefaultTargetUrl(defaultTargetUrl);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        devices.remember(authentication.getName(), request, response);
        next.onAuthenticationSuccess(request, response, authentication);
    }
}
