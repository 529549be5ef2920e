package fr.referentia.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.certification.DossierAnswers.ActivityAnswer;
import fr.referentia.certification.DossierAnswers.CompetencyAnswers;
import fr.referentia.certification.DossierAnswers.FileRef;
import fr.referentia.certification.DossierAnswers.QuestionAnswer;
import fr.referentia.certification.DossierAnswers.Snapshot;
import fr.referentia.certification.DossierTemplate.Competency;
import fr.referentia.shared.files.FileStorage;
import fr.referentia.shared.files.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: the dossiers of the demo applications that have one (from « dossier en cours »
 * on), so that the office and the candidates see a filled dossier on first start: two competencies
 * answered for a dossier in progress, all of them (with the written piece) and a first frozen version
 * from « dossier déposé » on.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE - 40) // after the demo applications
class DemoDossiers implements ApplicationRunner {

    private static final Set<ApplicationState> WITH_DOSSIER = EnumSet.of(ApplicationState.DOSSIER_IN_PROGRESS,
            ApplicationState.DOSSIER_SUBMITTED, ApplicationState.EVALUATION_SCHEDULED, ApplicationState.EVALUATED,
            ApplicationState.IN_JURY, ApplicationState.DECIDED, ApplicationState.ARCHIVED);

    private final ApplicationRepository applications;
    private final DossierEntryRepository entries;
    private final DossierVersionRepository versions;
    private final DossierRepository dossiers;
    private final DossierFileRepository files;
    private final FileStorage storage;
    private final Dossiers templates;
    private final AccountDirectory directory;
    private final ObjectMapper json;
    private final Clock clock;

    DemoDossiers(ApplicationRepository applications, DossierEntryRepository entries, DossierVersionRepository versions,
            DossierRepository dossiers, DossierFileRepository files, FileStorage storage, Dossiers templates,
            AccountDirectory directory, ObjectMapper json, Clock clock) {
        this.applications = applications;
        this.entries = entries;
        this.versions = versions;
        this.dossiers = dossiers;
        this.files = files;
        this.storage = storage;
        this.templates = templates;
        this.directory = directory;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (int n = 1; n <= 5; n++) {
            Optional<AccountSummary> candidate = directory.findByEmail(DemoApplications.email(n));
            if (candidate.isEmpty()) {
                continue;
            }
            for (Application application : applications.findByCandidateIdOrderByCreatedAtDesc(candidate.get().id())) {
                if (WITH_DOSSIER.contains(application.getState()) && !dossiers.existsById(application.getId())) {
                    fill(application, candidate.get());
                }
            }
        }
    }

    private void fill(Application application, AccountSummary candidate) {
        dossiers.save(new Dossier(application.getId(), clock.instant()));
        boolean complete = application.getState() != ApplicationState.DOSSIER_IN_PROGRESS;
        List<Competency> competencies = templates.template(application).competencies();
        Map<String, CompetencyAnswers> answers = new LinkedHashMap<>();
        for (Competency competency : complete ? competencies : competencies.subList(0, Math.min(2, competencies.size()))) {
            CompetencyAnswers filled = new CompetencyAnswers(competency.activities().stream()
                    .map(a -> new ActivityAnswer(a.code(), true, "Dans mon poste actuel, j'ai réalisé cette activité "
                            + "chaque semaine, par exemple pour un centre de formation d'apprentis de la région.",
                            "Logiciel de gestion de la relation client, tableur de suivi, responsable pédagogique",
                            List.of()))
                    .toList(),
                    competency.questions().stream().filter(q -> !q.asksForDocument())
                            .map(q -> new QuestionAnswer(q.code(), "Je m'appuyais sur les objectifs fixés avec ma "
                                    + "direction et je faisais le point chaque mois sur les résultats obtenus."))
                            .toList(), null);
            DossierEntry entry = new DossierEntry(application.getId(), competency.code());
            entry.write(write(filled), candidate.id(), clock.instant());
            entries.save(entry);
            answers.put(competency.code(), filled);
        }
        List<FileRef> refs = new ArrayList<>();
        if (complete) {
            competencies.stream().flatMap(c -> c.questions().stream()).filter(DossierTemplate.Question::asksForDocument)
                    .forEach(q -> {
                        StoredFile stored = storage.store(candidate.email(), DossierFiles.NAME, "document-ecrit.pdf",
                                new ByteArrayInputStream(pdf(q.writtenPiece().min())));
                        DossierFile file = files.save(new DossierFile(application.getId(), stored.id(),
                                DossierFile.Kind.WRITTEN_PIECE, q.code(), stored.originalName(), stored.mediaType(),
                                stored.size(), stored.pageCount(), clock.instant(), candidate.id()));
                        refs.add(new FileRef(file.getId(), stored.id(), file.getKind().name(), q.code(),
                                stored.originalName(), stored.pageCount()));
                    });
            versions.save(new DossierVersion(application.getId(), 1, write(new Snapshot(answers, refs)),
                    clock.instant(), candidate.id()));
        }
    }

    private static byte[] pdf(int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
