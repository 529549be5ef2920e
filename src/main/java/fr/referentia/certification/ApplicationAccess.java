package fr.referentia.certification;

import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import fr.referentia.shared.NotFoundException;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on an application: the candidate; HR of the candidate's organisation (and, for
 * an application they made on the candidate's behalf, fill it); the certification office and the
 * branch administrator. Anyone else reads it as unknown (404), so that an application's existence
 * is never disclosed.
 */
@Component
class ApplicationAccess {

    static final String UNKNOWN = "Candidature introuvable : seuls le candidat, les RH de son organisme et le "
            + "secrétariat de certification y ont accès.";

    private final AccountDirectory directory;
    private final ApplicationRepository applications;

    ApplicationAccess(AccountDirectory directory, ApplicationRepository applications) {
        this.directory = directory;
        this.applications = applications;
    }

    AccountSummary requester(String email) {
        return directory.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
    }

    java.util.Optional<AccountSummary> person(String email) {
        return directory.findByEmail(email);
    }

    static boolean isOffice(AccountSummary person) {
        return person.holds(Role.CERTIFICATION_OFFICE) || person.holds(Role.BRANCH_ADMIN);
    }

    static boolean isOrganisationHr(AccountSummary person, Application application) {
        return person.holds(Role.ORG_HR) && application.getOrganisationId() != null
                && application.getOrganisationId().equals(person.organisationId());
    }

    static boolean mayRead(AccountSummary person, Application application) {
        return application.getCandidateId().equals(person.id()) || isOffice(person)
                || isOrganisationHr(person, application);
    }

    /** The candidate, or the HR who made it on their behalf (same organisation). */
    static boolean mayFill(AccountSummary person, Application application) {
        return application.getCandidateId().equals(person.id())
                || application.isOnBehalf() && isOrganisationHr(person, application);
    }

    /** The application if the person may read it; 404 otherwise (unknown id or not theirs). */
    Application readable(AccountSummary person, UUID id) {
        Application application = applications.findById(id).orElseThrow(() -> new NotFoundException(UNKNOWN));
        if (!mayRead(person, application)) {
            throw new NotFoundException(UNKNOWN);
        }
        return application;
    }

    Application fillable(AccountSummary person, UUID id) {
        Application application = readable(person, id);
        if (!mayFill(person, application)) {
            throw new AccessDeniedException("Seul le candidat (ou les RH de son organisme qui ont fait la demande pour "
                    + "lui) remplit sa candidature.");
        }
        return application;
    }

    Application decidable(AccountSummary person, UUID id) {
        Application application = readable(person, id);
        if (!person.holds(Role.CERTIFICATION_OFFICE)) {
            throw new AccessDeniedException("Seul le secrétariat de certification décide de la recevabilité.");
        }
        return application;
    }
}
