package fr.referentia.account;

import fr.referentia.shared.BadInputException;
import fr.referentia.shared.audit.AuditEvent;
import fr.referentia.shared.mail.MailMessage;
import fr.referentia.shared.mail.Mails;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in person changes their password (ASVS 2.1.6): the current one is asked, and throttled
 * like a sign-in so that the form cannot be used to guess it; the new one follows
 * {@link PasswordPolicy}; the person's other sessions end; the change is audited and announced by
 * mail, so that a change the person did not make does not go unnoticed.
 */
@Service
public class PasswordChanges {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRENCH);

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final SignedInSessions sessions;
    private final AuditTrail audit;
    private final Mails mails;
    private final MessageSource messages;
    private final String baseUrl;
    private final Clock clock;
    private final TransactionTemplate transactions;

    PasswordChanges(UserAccountRepository users, PasswordEncoder passwords, LoginThrottle throttle,
            SignedInSessions sessions, AuditTrail audit, Mails mails, MessageSource messages,
            @Value("${referentia.base-url:http://localhost:8080}") String baseUrl, Clock clock,
            TransactionTemplate transactions) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
        this.mails = mails;
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Changes the password of the signed-in person; every other session of theirs ends, the one
     * given ({@code keptSessionId}, the page's own) stays open. The checks run outside the change's
     * transaction, so that a wrong current password stays counted when the change is refused.
     */
    public void change(String email, String current, String password, String confirmation, String keptSessionId,
            String clientAddress) {
        UserAccount user = users.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
        if (current == null || current.isEmpty()) {
            throw new BadInputException("Saisissez votre mot de passe actuel.");
        }
        var throttled = throttle.check(email, clientAddress);
        if (!throttled.allowed()) {
            throw new BadInputException(throttled.reason());
        }
        if (user.getPasswordHash() == null || !passwords.matches(current, user.getPasswordHash())) {
            throttle.recordFailure(email, clientAddress);
            throw new BadInputException("Le mot de passe actuel est incorrect.");
        }
        List<String> refused = PasswordPolicy.rejections(new PasswordPolicy.Candidate(password, confirmation, email));
        if (!refused.isEmpty()) {
            throw new BadInputException(String.join(" ", refused), refused);
        }
        if (passwords.matches(password, user.getPasswordHash())) {
            throw new BadInputException("Le nouveau mot de passe doit être différent de l'actuel.");
        }
        String hash = passwords.encode(password);
        transactions.executeWithoutResult(status -> record(email, hash, keptSessionId));
    }

    private void record(String email, String hash, String keptSessionId) {
        UserAccount user = users.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
        user.changePassword(hash);
        sessions.endAllOfExcept(email, keptSessionId);
        audit.record(AuditEvent.of("PASSWORD_CHANGED", "USER_ACCOUNT", user.getId().toString()).subject(user.getId())
                .by(email));
        String forgotten = baseUrl + "/mot-de-passe-oublie";
        mails.sendAfterCommit(List.of(new MailMessage(email, messages.getMessage("mail.changed.subject", null,
                Locale.FRENCH), messages.getMessage("mail.changed.body", new Object[] {user.getDisplayName(), email,
                WHEN.format(clock.instant().atZone(PARIS)), forgotten}, Locale.FRENCH), forgotten)));
    }
}
