package fr.referentia.account;

import fr.referentia.shared.BadInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Re-authentication before a sensitive action (ASVS 3.7.1): erasing one's data, creating a write token.
 * The person types their password again, checked and throttled like a sign-in (a wrong one counts as a
 * failed sign-in); once confirmed, the session needs no new confirmation for
 * {@code referentia.security.reauthentication-validity} (5 minutes by default). Signing in does not
 * count: a session left open, or stolen, cannot act without the password.
 */
@Service
public class Reauthentication {

    static final String CONFIRMED_AT = Reauthentication.class.getName() + ".CONFIRMED_AT";

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration validity;

    Reauthentication(UserAccountRepository users, PasswordEncoder passwords, LoginThrottle throttle, Clock clock,
            @Value("${referentia.security.reauthentication-validity:5m}") Duration validity) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
        this.validity = validity;
    }

    /** Minutes a confirmation lasts, for the pages' wording. */
    public long validityMinutes() {
        return validity.toMinutes();
    }

    /** Whether the request's session confirmed the password within the validity. */
    public boolean isRecent(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CONFIRMED_AT) instanceof Instant confirmedAt
                && isRecent(confirmedAt, clock.instant(), validity);
    }

    static boolean isRecent(Instant confirmedAt, Instant now, Duration validity) {
        return !confirmedAt.isAfter(now) && confirmedAt.plus(validity).isAfter(now);
    }

    /**
     * Lets the action go on when the password typed is the person's (the session is then marked), or when
     * none is typed and the session confirmed it recently; otherwise refuses, in French, and nothing is done.
     */
    public void require(HttpServletRequest request, String email, String password) {
        if (password == null || password.isEmpty()) {
            if (isRecent(request)) {
                return;
            }
            throw new BadInputException("Confirmez votre mot de passe pour cette action (il est redemandé après "
                    + validityMinutes() + " minutes) : rien n'a été fait.");
        }
        UserAccount user = users.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
        LoginThrottle.Attempt attempt = throttle.attempt(email, request.getRemoteAddr(), KnownDevices.tokenFrom(request));
        var throttled = throttle.check(attempt);
        if (!throttled.allowed()) {
            throw new BadInputException(throttled.reason() + " Rien n'a été fait.");
        }
        if (user.getPasswordHash() == null || !passwords.matches(password, user.getPasswordHash())) {
            throttle.recordFailure(attempt);
            throw new BadInputException("Mot de passe incorrect : rien n'a été fait.");
        }
        request.getSession().setAttribute(CONFIRMED_AT, clock.instant());
    }
}
