package fr.referentia;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * An in-process SMTP server (GreenMail), started once per JVM on a free port, which every test
 * context sends its mail to. Tests find their messages by recipient, since contexts are shared.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final long WAIT_MILLIS = 10_000;
    private static GreenMail greenMail;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("referentiaTestMail", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", server().getSmtp().getPort())));
    }

    static synchronized GreenMail server() {
        if (greenMail == null) {
            greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    /** The messages received so far for this address. */
    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(message -> isFor(message, address)).toList();
    }

    /** Waits (10 s at most) until this address has received {@code count} messages; returns them all. */
    public static List<MimeMessage> awaitMessagesTo(String address, int count) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        List<MimeMessage> found = messagesTo(address);
        while (found.size() < count && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = messagesTo(address);
        }
        return found;
    }

    /** The plain-text body of a message, decoded. */
    public static String text(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of the first link of the message that starts with {@code base} (e.g. "/invitation/"). */
    public static String linkPath(MimeMessage message, String base) {
        Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(base) + "[A-Za-z0-9_-]+)")
                .matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("No " + base + " link in: " + GreenMailUtil.getBody(message));
        }
        return matcher.group(1);
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
