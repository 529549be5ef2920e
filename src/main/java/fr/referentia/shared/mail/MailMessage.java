package fr.referentia.shared.mail;

/**
 * A plain-text message to one person. {@code link} is the action the message carries (already in
 * the text), named apart so the local-folder mailer can log it for whoever runs the application.
 */
public record MailMessage(String to, String subject, String text, String link) {
}
