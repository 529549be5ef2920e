package fr.referentia.certification;

import fr.referentia.shared.files.FileLimits;
import fr.referentia.shared.files.FilePurpose;
import fr.referentia.shared.files.StoredFile;
import java.time.Period;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The supporting documents of an admissibility request (pay slips, work certificates, employer
 * attestations, identity, diplomas): PDF or images, 10 MB each, 60 MB per candidate; kept six
 * years (R12), identity documents deleted as soon as the decision is final. Read only by those who may
 * read the application.
 */
@Component
class AdmissibilityDocuments implements FilePurpose {

    static final String NAME = "recevabilite-justificatif";

    private final ApplicationDocumentRepository documents;
    private final ApplicationRepository applications;
    private final ApplicationAccess access;

    AdmissibilityDocuments(ApplicationDocumentRepository documents, ApplicationRepository applications,
            ApplicationAccess access) {
        this.documents = documents;
        this.applications = applications;
        this.access = access;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "Justificatif de la demande de recevabilité";
    }

    @Override
    public FileLimits limits() {
        return FileLimits.of(Set.of(FileLimits.PDF, FileLimits.PNG, FileLimits.JPEG, FileLimits.DOCX),
                DataSize.ofMegabytes(10), DataSize.ofMegabytes(60), Period.ofYears(6));
    }

    @Override
    public boolean mayRead(Authentication who, StoredFile file) {
        return documents.findByFileId(file.id())
                .flatMap(document -> applications.findById(document.getApplicationId()))
                .flatMap(application -> access.person(who.getName())
                        .map(person -> ApplicationAccess.mayRead(person, application)))
                .orElse(false);
    }

    @Override
    public Optional<String> mustKeep(StoredFile file) {
        return documents.findByFileId(file.id())
                .flatMap(document -> applications.findById(document.getApplicationId()))
                .filter(application -> application.getState() != ApplicationState.DRAFT)
                .map(application -> "Justificatif d'une demande de certification déposée : il est conservé avec "
                        + "le dossier de la candidature (six ans).");
    }
}
