package fr.referentia.account;

import fr.referentia.shared.NotFoundException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A person's open sessions, on every node (sessions live in the database): listed on « Mes
 * sessions » so that the person can end any of them (ASVS 3.3.4), and all ended after an erasure or
 * a password reset, so that nobody keeps a session opened with the old identity. A session is
 * named to the page by a digest of its id, never by the id, which is a credential.
 */
@Component
public class SignedInSessions {

    /** One open session, as its owner sees it. */
    public record SignedInSession(String reference, Instant createdAt, Instant lastActiveAt, boolean current) {
    }

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** The person's open sessions, the most recently active first; {@code currentId} is the asking page's. */
    public List<SignedInSession> of(String email, String currentId) {
        return sessions.findByPrincipalName(email).values().stream()
                .map(session -> new SignedInSession(reference(session.getId()), session.getCreationTime(),
                        session.getLastAccessedTime(), session.getId().equals(currentId)))
                .sorted(Comparator.comparing(SignedInSession::lastActiveAt).reversed()).toList();
    }

    /** Ends one of the person's own sessions; another person's, or an unknown one, reads as unknown. */
    public void end(String email, String reference) {
        String id = sessions.findByPrincipalName(email).keySet().stream()
                .filter(candidate -> reference(candidate).equals(reference)).findFirst()
                .orElseThrow(() -> new NotFoundException("Cette session n'existe pas ou est déjà fermée."));
        sessions.deleteById(id);
    }

    void endAllOf(String email) {
        sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
    }

    /** Ends every session of the person but the one given (the page from which they changed their password). */
    void endAllOfExcept(String email, String keptSessionId) {
        sessions.findByPrincipalName(email).keySet().stream().filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
    }

    /** The same digest as the links' tokens ({@link LinkTokens#hash}), shortened: enough to tell sessions apart. */
    private static String reference(String sessionId) {
        return LinkTokens.hash(sessionId).substring(0, 32);
    }
}
