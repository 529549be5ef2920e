package fr.referentia.shared.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Fills a MIME message from a {@link MailMessage}: UTF-8 plain text. */
final class MailComposer {

    private MailComposer() {
    }

    static MimeMessage compose(MimeMessage mime, String from, MailMessage message, Clock clock) {
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            helper.setText(message.text(), false);
            helper.setSentDate(Date.from(clock.instant()));
            return mime;
        } catch (MessagingException e) {
            throw new MailPreparationException("Message to " + message.to() + " could not be prepared", e);
        }
    }
}
