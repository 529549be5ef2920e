package fr.referentia.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LocalFolderMailerTest {

    @TempDir
    Path folder;

    @Test
    void writesEachMessageAsAnEmlFileAnyMailClientOpens() throws Exception {
        new LocalFolderMailer(folder.resolve("mail"), "Referentia <ne-pas-repondre@referentia.localhost>",
                Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC))
                .send(List.of(new MailMessage("camille@organisme.fr", "Votre compte Referentia",
                        "Bonjour Camille,\n\nOuvrez ce lien : http://localhost:8080/invitation/abc\n",
                        "http://localhost:8080/invitation/abc")));

        List<Path> files;
        try (var listing = Files.list(folder.resolve("mail"))) {
            files = listing.toList();
        }
        assertThat(files).singleElement().satisfies(file -> assertThat(file.getFileName().toString())
                .startsWith("20260302-093000-camille@organisme.fr-").endsWith(".eml"));
        // Readable as it is, link unbroken, for whoever opens the file in a text editor.
        assertThat(Files.readString(files.get(0))).contains("Bonjour Camille,")
                .contains("Ouvrez ce lien : http://localhost:8080/invitation/abc");
        try (InputStream in = Files.newInputStream(files.get(0))) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("camille@organisme.fr");
            assertThat(message.getSubject()).isEqualTo("Votre compte Referentia");
            assertThat(message.getSentDate()).isEqualTo(Date.from(Instant.parse("2026-03-02T09:30:00Z")));
            assertThat((String) message.getContent()).contains("http://localhost:8080/invitation/abc");
        }
    }

    @Test
    void theLocalFolderOnlyInTheDemoProfileSmtpWithAHostAndOtherwiseNothingLeaves() {
        var runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withUserConfiguration(MailConfig.class).withBean(Clock.class, Clock::systemUTC);
        runner.withPropertyValues("spring.profiles.active=demo")
                .run(context -> assertThat(context.getBean(Mailer.class)).isInstanceOf(LocalFolderMailer.class));
        runner.withPropertyValues("spring.profiles.active=postgres")
                .run(context -> assertThat(context.getBean(Mailer.class)).isInstanceOf(UnsentMailer.class));
        runner.withPropertyValues("spring.profiles.active=postgres", "spring.mail.host=smtp.example.org")
                .run(context -> assertThat(context.getBean(Mailer.class)).isInstanceOf(SmtpMailer.class));
    }

    @Test
    void aPersonsErasureDeletesTheirMessagesAndOnlyTheirs() throws Exception {
        LocalFolderMailer mailer = new LocalFolderMailer(folder.resolve("mail"), "Referentia <ne-pas-repondre@x.fr>",
                Clock.systemUTC());
        mailer.send(List.of(new MailMessage("camille@organisme.fr", "Invitation", "Lien : http://x/invitation/a",
                "http://x/invitation/a"), new MailMessage("dominique@organisme.fr", "Invitation",
                "Lien : http://x/invitation/b", "http://x/invitation/b")));
        new LocalMailPersonalData(mailer).erase(new fr.referentia.shared.personaldata.PersonalDataContributor.Subject(
                java.util.UUID.randomUUID(), "camille@organisme.fr", "Camille"));
        try (var listing = Files.list(folder.resolve("mail"))) {
            assertThat(listing.map(file -> file.getFileName().toString()).toList())
                    .singleElement().satisfies(name -> assertThat(name).contains("dominique@organisme.fr"));
        }
    }
}
