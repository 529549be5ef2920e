package fr.referentia.certification;

import fr.referentia.shared.files.FileStorage;
import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's applications on « Mes données », in their archive, and at erasure (R12): drafts never
 * submitted are deleted with their documents; submitted requests are kept with the application file,
 * since the certification office's decisions rest on them.
 */
@Component
@Transactional
class ApplicationPersonalData implements PersonalDataContributor {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withZone(ZoneId.of("Europe/Paris"));

    private final ApplicationRepository applications;
    private final ApplicationDocumentRepository documents;
    private final FileStorage files;

    ApplicationPersonalData(ApplicationRepository applications, ApplicationDocumentRepository documents,
            FileStorage files) {
        this.applications = applications;
        this.documents = documents;
        this.files = files;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Section> sections(Subject subject) {
        List<List<String>> rows = applications.findByCandidateIdOrderByCreatedAtDesc(subject.userId()).stream()
                .map(a -> List.of(a.getCertificationCode(), a.getRoute().label(), a.getState().label(),
                        DAY.format(a.getCreatedAt()), a.getDecision() == null ? "" : a.getDecision().label(),
                        a.getDecisionReason() == null ? "" : a.getDecisionReason()))
                .toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        return List.of(new Section("candidatures", "Mes candidatures",
                List.of("Certification", "Voie", "État", "Créée le", "Recevabilité", "Motif"), rows));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Kept> mustKeep(Subject subject) {
        boolean submitted = applications.findByCandidateIdOrderByCreatedAtDesc(subject.userId()).stream()
                .anyMatch(a -> a.getState() != ApplicationState.DRAFT);
        return submitted ? List.of(new Kept("Vos demandes de certification déposées, leur historique et leurs justificatifs",
                "Le secrétariat de certification a rendu ou doit rendre une décision sur ces demandes : elles sont "
                        + "conservées avec le dossier de la candidature (six ans).")) : List.of();
    }

    @Override
    public void erase(Subject subject) {
        for (Application application : applications.findByCandidateIdOrderByCreatedAtDesc(subject.userId())) {
            if (application.getState() == ApplicationState.DRAFT) {
                documents.findByApplicationIdOrderByUploadedAtAsc(application.getId())
                        .forEach(document -> files.delete(document.getFileId()));
                applications.delete(application);
            }
        }
    }
}
