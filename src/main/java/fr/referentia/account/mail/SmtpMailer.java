package fr.referentia.account.mail;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.springframework.mail.javamail.JavaMailSender;

/** Production: through the SMTP server of {@code spring.mail.*}, one connection for a batch. */
class SmtpMailer implements Mailer {

    private final JavaMailSender sender;
    private final String from;

    SmtpMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(List<MailMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        sender.send(messages.stream().map(message -> MailComposer.compose(sender.createMimeMessage(), from, message))
                .toArray(MimeMessage[]::new));
    }
}
