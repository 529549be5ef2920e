package fr.referentia.shared.mail;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code referentia.mail.*}: the sender address, and the folder where the embedded default writes
 * messages when no SMTP server is configured.
 */
@ConfigurationProperties("referentia.mail")
public record MailSettings(@DefaultValue("Referentia <ne-pas-repondre@referentia.localhost>") String from,
        @DefaultValue("./data/mail") Path folder) {
}
