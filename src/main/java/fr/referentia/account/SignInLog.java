package fr.referentia.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-ins, successful or refused, in the application log (ASVS 7.1.2 and 7.2.1), by password and
 * by personal access token: the account named and the client address, never the password nor the
 * token (only its short hint). An API client, which signs in on every call, is logged once an hour
 * per account and address (per token), not on every call. The name is what the client sent, so
 * it is cut short and its control characters replaced, lest it forge lines in the log.
 */
@Component
class SignInLog {

    private static final Logger LOG = LoggerFactory.getLogger(SignInLog.class);
    private static final int SHOWN = 100;

    /**
     * An API client signs in on every call (HTTP Basic, or a token): one line per account and address
     * (per token) after this much silence, not one per call, which would flood the log.
     */
    static final Duration QUIET = Duration.ofHours(1);
    /** The API sign-ins remembered for {@link #QUIET}, forgotten all at once past this many (a bound on memory). */
    private static final int REMEMBERED = 10_000;

    private final Map<String, Instant> lastApiSignIn = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInLog(Clock clock) {
        this.clock = clock;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (apiCall() && !firstAfterSilence(account(event.getAuthentication()) + " " + address(event.getAuthentication()))) {
            return;
        }
        LOG.info("Connexion réussie : compte {} depuis {}", account(event.getAuthentication()),
                address(event.getAuthentication()));
    }

    /** A call signed in by a personal access token: logged when the token had not been used for {@link #QUIET}. */
    void tokenAccepted(String ownerEmail, String tokenHint, String address, Instant previousUse) {
        if (previousUse == null || !previousUse.isAfter(clock.instant().minus(QUIET))) {
            LOG.info("Connexion réussie par jeton d'accès ({}) : compte {} depuis {}", tokenHint, shown(ownerEmail),
                    address);
        }
    }

    /** A token that is unknown, expired or revoked, or whose owner is deactivated: always logged, like a wrong password. */
    void tokenRefused(String address) {
        LOG.warn("Connexion refusée par jeton d'accès : jeton invalide, expiré ou révoqué, depuis {}", address);
    }

    private boolean firstAfterSilence(String key) {
        Instant now = clock.instant();
        if (lastApiSignIn.size() > REMEMBERED) {
            lastApiSignIn.clear();
        }
        Instant previous = lastApiSignIn.put(key, now);
        return previous == null || !previous.isAfter(now.minus(QUIET));
    }

    private static boolean apiCall() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getRequestURI().startsWith(attributes.getRequest().getContextPath() + "/api/");
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        LOG.warn("Connexion refusée : compte {} depuis {} ({})", account(event.getAuthentication()),
                address(event.getAuthentication()), event.getException().getClass().getSimpleName());
    }

    private static String account(Authentication attempt) {
        return shown(attempt.getName());
    }

    private static String shown(String account) {
        String name = account == null ? "" : account;
        String shown = name.length() > SHOWN ? name.substring(0, SHOWN) + "…" : name;
        return "« " + shown.replaceAll("\\p{Cntrl}", "?") + " »";
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "inconnue";
    }
}
