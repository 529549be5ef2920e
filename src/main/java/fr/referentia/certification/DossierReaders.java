package fr.referentia.certification;

import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import fr.referentia.shared.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who reads a VAE dossier: the candidate, the certification office (and the branch administrator), and
 * the HR of the accompanying organisation the candidate named (read-only). Not the employer's HR, not
 * an assessor before the evaluation (Certification II), not another candidate: for them the dossier is
 * unknown (404). Only the candidate writes it.
 */
@Component
class DossierReaders {

    static final String UNKNOWN = "Dossier introuvable : seuls le candidat, le secrétariat de certification et "
            + "l'organisme qui accompagne le candidat y ont accès.";

    private final AccountDirectory directory;
    private final ApplicationRepository applications;
    private final DossierRepository dossiers;

    DossierReaders(AccountDirectory directory, ApplicationRepository applications, DossierRepository dossiers) {
        this.directory = directory;
        this.applications = applications;
        this.dossiers = dossiers;
    }

    AccountSummary person(String email) {
        return directory.findByEmail(email).orElseThrow(() -> new NotFoundException(UNKNOWN));
    }

    boolean mayRead(String email, UUID applicationId) {
        return directory.findByEmail(email)
                .flatMap(person -> applications.findById(applicationId).map(a -> mayRead(person, a)))
                .orElse(false);
    }

    boolean mayRead(AccountSummary person, Application application) {
        return application.getCandidateId().equals(person.id()) || ApplicationAccess.isOffice(person)
                || accompanies(person, application);
    }

    boolean accompanies(AccountSummary person, Application application) {
        return person.holds(Role.ORG_HR) && person.organisationId() != null
                && dossiers.findById(application.getId())
                        .map(d -> person.organisationId().equals(d.getAccompanyingOrganisationId())).orElse(false);
    }

    /** The application whose dossier the person may read; 404 otherwise. */
    Application readable(AccountSummary person, UUID applicationId) {
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException(UNKNOWN));
        if (!mayRead(person, application)) {
            throw new NotFoundException(UNKNOWN);
        }
        return application;
    }
}
