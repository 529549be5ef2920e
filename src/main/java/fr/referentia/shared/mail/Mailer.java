package fr.referentia.shared.mail;

import java.util.List;

/**
 * Sends messages: through SMTP when {@code spring.mail.host} is set, else into a local folder
 * (see {@link MailConfig}).
 */
public interface Mailer {

    /** Sends every message; a failure is thrown, the messages before it may have left. */
    void send(List<MailMessage> messages);
}
