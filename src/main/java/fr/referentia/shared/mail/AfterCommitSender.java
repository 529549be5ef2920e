package fr.referentia.shared.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends {@link Mails.OutgoingMails} after commit (never for a rolled-back transaction), off the
 * request thread; outside a transaction, at once. A failure is logged with its recipients: the
 * sending module offers a way to send again (an invitation can be resent, a reset asked for again).
 */
@Component
class AfterCommitSender {

    private static final Logger log = LoggerFactory.getLogger(AfterCommitSender.class);

    private final Mailer mailer;

    AfterCommitSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void send(Mails.OutgoingMails mails) {
        try {
            mailer.send(mails.messages());
        } catch (RuntimeException e) {
            log.error("Échec de l'envoi de {} e-mail(s) à {}", mails.messages().size(),
                    mails.messages().stream().map(MailMessage::to).toList(), e);
        }
    }
}
