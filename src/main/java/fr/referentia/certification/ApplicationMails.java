package fr.referentia.certification;

import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.shared.mail.MailMessage;
import fr.referentia.shared.mail.Mails;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The messages a candidate receives about their application, sent after the transaction commits. */
@Component
class ApplicationMails {

    private final Mails mails;
    private final String baseUrl;

    ApplicationMails(Mails mails, @Value("${referentia.base-url:http://localhost:8080}") String baseUrl) {
        this.mails = mails;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    String link(UUID applicationId) {
        return baseUrl + "/candidatures/" + applicationId;
    }

    void confirmationAsked(AccountSummary candidate, String certification, UUID id) {
        String link = link(id);
        send(candidate, "Candidature à confirmer : " + certification,
                "Bonjour " + candidate.displayName() + ",\n\nLes RH de votre organisme ont préparé pour vous une "
                        + "candidature à la certification « " + certification + " ». Elle ne sera déposée qu'avec "
                        + "votre accord : confirmez-la (ou retirez-la) ici :\n" + link + "\n", link);
    }

    void decided(AccountSummary candidate, String certification, UUID id, AdmissibilityDecision decision,
            String reason) {
        String link = link(id);
        String what = switch (decision) {
            case FAVOURABLE -> "Votre demande est recevable : vous pouvez maintenant renseigner votre dossier VAE.";
            case UNFAVOURABLE -> "Votre demande n'est pas recevable.";
            case INCOMPLETE -> "Votre demande est incomplète : complétez-la puis déposez-la à nouveau.";
        };
        send(candidate, "Recevabilité de votre candidature : " + decision.label().toLowerCase(java.util.Locale.FRENCH),
                "Bonjour " + candidate.displayName() + ",\n\nLe secrétariat de certification a examiné votre demande "
                        + "pour la certification « " + certification + " ».\n" + what
                        + (reason == null ? "" : "\nMotif : " + reason) + "\n\nVotre candidature : " + link + "\n",
                link);
    }

    void revoked(AccountSummary candidate, String certification, UUID id, String reason) {
        String link = link(id);
        send(candidate, "Décision de recevabilité révoquée : " + certification,
                "Bonjour " + candidate.displayName() + ",\n\nLe secrétariat de certification a révoqué sa décision "
                        + "sur votre demande pour la certification « " + certification + " » ; votre demande est de "
                        + "nouveau en cours d'examen.\nMotif : " + reason + "\n\nVotre candidature : " + link + "\n",
                link);
    }

    private void send(AccountSummary to, String subject, String text, String link) {
        mails.sendAfterCommit(List.of(new MailMessage(to.email(), subject, text, link)));
    }
}
