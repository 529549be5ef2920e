package fr.referentia.account;

import fr.referentia.account.mail.MailMessage;
import fr.referentia.account.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends link messages after commit (never for a rolled-back creation), off the request thread. A
 * failure is logged with its recipients; the person's HR can resend the invitation, and a reset
 * can be asked for again.
 */
@Component
class LinkMailSender {

    private static final Logger log = LoggerFactory.getLogger(LinkMailSender.class);

    private final Mailer mailer;

    LinkMailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @Async
    @TransactionalEventListener
    void send(LinkMails mails) {
        try {
            mailer.send(mails.messages());
        } catch (RuntimeException e) {
            log.error("Échec de l'envoi de {} e-mail(s) à {}", mails.messages().size(),
                    mails.messages().stream().map(MailMessage::to).toList(), e);
        }
    }
}
