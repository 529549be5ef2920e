package fr.referentia.shared.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;

/**
 * The demo profile's default, without an SMTP server: each message becomes an {@code .eml} file
 * (opened by any mail client) in a local folder, and its link is logged so that a newcomer can click
 * it. A person's erasure deletes their messages ({@link LocalMailPersonalData}).
 */
class LocalFolderMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(LocalFolderMailer.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;
    private final String from;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    LocalFolderMailer(Path folder, String from, Clock clock) {
        this.folder = folder;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(List<MailMessage> messages) {
        for (MailMessage message : messages) {
            Path file = write(message);
            log.info("E-mail pour {} (« {} ») écrit dans {} — lien : {}", message.to(), message.subject(),
                    file.toAbsolutePath().normalize(), message.link());
        }
    }

    /** Deletes the messages written for this address (their links are live): part of the person's erasure. */
    int eraseMessagesTo(String address) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        String marker = "-" + fileNamePart(address) + "-";
        int erased = 0;
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".eml")
                    && f.getFileName().toString().contains(marker)).toList()) {
                Files.deleteIfExists(file);
                erased++;
            }
        }
        return erased;
    }

    private static String fileNamePart(String address) {
        return address.replaceAll("[^A-Za-z0-9.@_-]", "_");
    }

    private Path write(MailMessage message) {
        MimeMessage mime = MailComposer.compose(new MimeMessage(session), from, message, clock);
        String name = STAMP.format(LocalDateTime.now(clock)) + "-" + fileNamePart(message.to())
                + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml";
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            // Plain 8-bit UTF-8 rather than quoted-printable, so the file reads (and its link copies) as is.
            mime.saveChanges();
            mime.setHeader("Content-Transfer-Encoding", "8bit");
            try (OutputStream out = Files.newOutputStream(file)) {
                mime.writeTo(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + name + " in " + folder, e);
        } catch (MessagingException e) {
            throw new MailSendException("Could not write the message to " + message.to(), e);
        }
    }
}
