package fr.referentia.shared.mail;

import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo profile's mail folder holds each person's messages with live links: they go with the
 * person's erasure. Nothing to show on « Mes données » (the messages were sent to the person).
 */
@Component
class LocalMailPersonalData implements PersonalDataContributor {

    private final Mailer mailer;

    LocalMailPersonalData(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public List<Section> sections(Subject subject) {
        return List.of();
    }

    @Override
    public void erase(Subject subject) {
        if (mailer instanceof LocalFolderMailer folder) {
            try {
                folder.eraseMessagesTo(subject.email());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not erase the messages to " + subject.email(), e);
            }
        }
    }
}
