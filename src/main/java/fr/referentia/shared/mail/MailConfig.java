package fr.referentia.shared.mail;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * SMTP when Spring Boot configured a mail sender ({@code spring.mail.host} set); otherwise, in the
 * demo profile only, the local folder (whose files and log lines hold live links); elsewhere
 * nothing leaves and a warning without the link says so. Modules send through {@link Mails}: messages go out after the transaction that
 * decided them commits, off the request thread ({@link EnableAsync}): a bulk invitation does not
 * hold the page, and the answer to a forgotten-password request takes the same time whether the
 * account exists or not.
 */
@Configuration
@EnableAsync
@EnableConfigurationProperties(MailSettings.class)
class MailConfig {

    static final String DEMO_PROFILE = "demo";

    @Bean
    Mailer mailer(ObjectProvider<JavaMailSender> smtp, MailSettings settings, Clock clock, Environment environment) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender != null) {
            return new SmtpMailer(sender, settings.from(), clock);
        }
        return environment.matchesProfiles(DEMO_PROFILE) ? new LocalFolderMailer(settings.folder(), settings.from(), clock)
                : new UnsentMailer();
    }
}
