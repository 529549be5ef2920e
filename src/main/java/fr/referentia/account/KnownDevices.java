package fr.referentia.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsers known for an account (OWASP's "device cookies"): after a successful sign-in the browser
 * keeps a random cookie, stored here as its SHA-256 with the account. Its later sign-ins into that
 * account are judged by its own failures only, so that failures sent from elsewhere never lock the
 * owner out (ASVS 2.2.1, {@code docs/security.md}). The cookie is {@code __Host-} prefixed over TLS,
 * HttpOnly and SameSite=Strict; it stays known {@code known-device-validity} after its last sign-in.
 */
@Service
@Transactional
public class KnownDevices {

    static final String PLAIN = "REFERENTIA_APPAREIL";
    static final String HOST_ONLY = "__Host-REFERENTIA_APPAREIL";
    private static final int TOKEN_LENGTH = 43;

    private final KnownDeviceRepository devices;
    private final LoginThrottleSettings settings;
    private final Clock clock;

    KnownDevices(KnownDeviceRepository devices, LoginThrottleSettings settings, ObjectProvider<Clock> clock) {
        this.devices = devices;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The known-browser cookie the request carries, or {@code null}. */
    public static String tokenFrom(HttpServletRequest request) {
        String name = request.isSecure() ? HOST_ONLY : PLAIN;
        return request.getCookies() == null ? null : Arrays.stream(request.getCookies())
                .filter(cookie -> cookie.getName().equals(name)).map(Cookie::getValue).findFirst().orElse(null);
    }

    /** The id of the browser the cookie stands for, if it is known for this (normalised) account. */
    @Transactional(readOnly = true)
    Optional<Long> recognise(String account, String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return Optional.empty();
        }
        return devices.findLive(LinkTokens.hash(token), account, clock.instant().minus(settings.knownDeviceValidity()))
                .map(KnownDevice::getId);
    }

    /**
     * After a successful sign-in: the browser becomes (or stays) known for the account. A cookie known for
     * another account is replaced, so that a browser is known for the last account signed into.
     */
    void remember(String email, HttpServletRequest request, HttpServletResponse response) {
        String account = LoginThrottle.normalised(email);
        Instant now = clock.instant();
        String token = tokenFrom(request);
        Optional<KnownDevice> known = token == null || token.length() != TOKEN_LENGTH ? Optional.empty()
                : devices.findLive(LinkTokens.hash(token), account, now.minus(settings.knownDeviceValidity()));
        if (known.isPresent()) {
            known.get().usedAt(now);
        } else {
            devices.deleteUnusedSince(now.minus(settings.knownDeviceValidity()));
            token = LinkTokens.newToken();
            devices.save(new KnownDevice(account, LinkTokens.hash(token), now));
        }
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(request.isSecure() ? HOST_ONLY : PLAIN, token)
                .path("/").httpOnly(true).secure(request.isSecure()).sameSite("Strict")
                .maxAge(settings.knownDeviceValidity()).build().toString());
    }

    /** At erasure: no browser stays known for the account. */
    void forgetAll(String email) {
        devices.deleteByAccount(LoginThrottle.normalised(email));
    }
}
