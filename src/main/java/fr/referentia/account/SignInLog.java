package fr.referentia.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-ins, successful or refused, in the application log (ASVS 7.1.2 and 7.2.1): the
 * account named and the client address, never the password. The name is what the client sent, so
 * it is cut short and its control characters replaced, lest it forge lines in the log.
 */
@Component
class SignInLog {

    private static final Logger LOG = LoggerFactory.getLogger(SignInLog.class);
    private static final int SHOWN = 100;

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        LOG.info("Connexion réussie : compte {} depuis {}", account(event.getAuthentication()),
                address(event.getAuthentication()));
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        LOG.warn("Connexion refusée : compte {} depuis {} ({})", account(event.getAuthentication()),
                address(event.getAuthentication()), event.getException().getClass().getSimpleName());
    }

    private static String account(Authentication attempt) {
        String name = attempt.getName() == null ? "" : attempt.getName();
        String shown = name.length() > SHOWN ? name.substring(0, SHOWN) + "…" : name;
        return "« " + shown.replaceAll("\\p{Cntrl}", "?") + " »";
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "inconnue";
    }
}
