package fr.referentia.shared.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import org.springframework.mail.javamail.JavaMailSender;

/** Production: through the SMTP server of {@code spring.mail.*}, one connection for a batch. */
class SmtpMailer implements Mailer {

    private final JavaMailSender sender;
    private final String from;
    private final Clock clock;

    SmtpMailer(JavaMailSender sender, String from, Clock clock) {
        this.sender = sender;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(List<MailMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        sender.send(messages.stream().map(message -> MailComposer.compose(sender.createMimeMessage(), from, message, clock))
                .toArray(MimeMessage[]::new));
    }
}
