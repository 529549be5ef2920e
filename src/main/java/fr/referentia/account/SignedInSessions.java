package fr.referentia.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every open session of a person, on every node (sessions live in the database): after an
 * erasure, or after a password reset, nobody keeps a session opened with the old identity.
 */
@Component
class SignedInSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    void endAllOf(String email) {
        sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
    }

    /** Ends every session of the person but the one given (the page from which they changed their password). */
    void endAllOfExcept(String email, String keptSessionId) {
        sessions.findByPrincipalName(email).keySet().stream().filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
    }
}
