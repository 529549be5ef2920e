package fr.referentia.shared.mail;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outside the demo profile with no SMTP server configured: nothing leaves, and the log says so
 * without the message's link, which would let anyone reading the log use an invitation or a reset.
 */
class UnsentMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(UnsentMailer.class);

    @Override
    public void send(List<MailMessage> messages) {
        for (MailMessage message : messages) {
            log.warn("E-mail « {} » pour {} non envoyé : aucun serveur SMTP n'est configuré (spring.mail.host).",
                    message.subject(), message.to());
        }
    }
}
