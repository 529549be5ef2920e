package fr.referentia.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.IntegrationTest;
import fr.referentia.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Any module's mail through the shared API: after commit, never for a rolled-back transaction. */
@IntegrationTest
class MailsTest {

    @Autowired
    Mails mails;

    @Autowired
    TransactionTemplate transactions;

    private static MailMessage message(String to, String subject) {
        return new MailMessage(to, subject, "Bonjour,\n\nVoici le lien : http://localhost/x\n", "http://localhost/x");
    }

    @Test
    void aMessageLeavesOnceItsTransactionCommitsAndNeverForARolledBackOne() {
        String to = "destinataire-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        transactions.executeWithoutResult(status -> {
            mails.sendAfterCommit(List.of(message(to, "Annulé")));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> {
            mails.sendAfterCommit(List.of(message(to, "Validé")));
            assertThat(TestMailServer.messagesTo(to)).as("before the commit").isEmpty();
        });
        mails.sendAfterCommit(List.of(message(to, "Hors transaction")));

        List<MimeMessage> received = TestMailServer.awaitMessagesTo(to, 2);
        assertThat(received).extracting(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).containsExactlyInAnyOrder("Validé", "Hors transaction");
    }
}
