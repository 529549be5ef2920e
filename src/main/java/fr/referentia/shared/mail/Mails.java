package fr.referentia.shared.mail;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * How any module sends mail: {@link #sendAfterCommit} hands the messages over, and they leave once
 * the current transaction commits (never for a rolled-back one), or at once outside a transaction,
 * off the calling thread. The module composes its messages (subject, French text, link); this
 * only carries them.
 */
@Service
public class Mails {

    private final ApplicationEventPublisher events;

    Mails(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Sends these messages once the current transaction commits; an empty list sends nothing. */
    public void sendAfterCommit(List<MailMessage> messages) {
        if (!messages.isEmpty()) {
            events.publishEvent(new OutgoingMails(messages));
        }
    }

    /**
     * Messages to send after the publishing transaction commits. Publishing this event directly
     * is the same as calling {@link Mails#sendAfterCommit}.
     */
    public record OutgoingMails(List<MailMessage> messages) {

        public OutgoingMails {
            messages = List.copyOf(messages);
        }
    }
}
