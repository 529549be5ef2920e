package fr.referentia.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Organisation;
import fr.referentia.certification.DossierAnswers.ActivityAnswer;
import fr.referentia.certification.DossierAnswers.CompetencyAnswers;
import fr.referentia.certification.DossierAnswers.FileRef;
import fr.referentia.certification.DossierAnswers.QuestionAnswer;
import fr.referentia.certification.DossierAnswers.Snapshot;
import fr.referentia.certification.DossierTemplate.Activity;
import fr.referentia.certification.DossierTemplate.Competency;
import fr.referentia.certification.DossierTemplate.Question;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.document.PdfRenderer;
import fr.referentia.shared.files.FileLimits;
import fr.referentia.shared.files.FileStorage;
import fr.referentia.shared.files.StoredFile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The candidate's VAE dossier (seed 004, part 3), once the admissibility decision is favourable:
 * filled competency by competency (activities yes/no with examples, tools or interlocutors and proofs;
 * open questions; the written piece a question asks for), checked for completeness, and frozen in a
 * numbered version at each submission (later changes make a new version; versions are compared field
 * by field). Saving from a version another tab has changed is refused with that version shown.
 */
@Service
@Transactional
public class Dossiers {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private static final Set<ApplicationState> EDITABLE = Set.of(ApplicationState.ADMISSIBLE,
            ApplicationState.DOSSIER_IN_PROGRESS, ApplicationState.DOSSIER_SUBMITTED);

    public record ActivityView(String code, String text, Boolean done, String examples, String tools,
            List<UUID> proofIds) {
    }

    public record QuestionView(String code, String text, Integer minPages, Integer maxPages, String answer,
            FileView writtenPiece) {

        public boolean asksForDocument() {
            return minPages != null;
        }
    }

    public record CompetencyView(UUID applicationId, String code, String text, List<ActivityView> activities,
            List<QuestionView> questions, long version, Instant updatedAt, boolean editable, List<String> missing) {
    }

    public record FileView(UUID id, UUID fileId, String kind, String kindLabel, String itemCode, String name,
            String mediaType, long size, Integer pages, Instant uploadedAt) {

        static FileView of(DossierFile f) {
            return new FileView(f.getId(), f.getFileId(), f.getKind().name(), f.getKind().label(), f.getItemCode(),
                    f.getOriginalName(), f.getMediaType(), f.getSize(), f.getPageCount(), f.getUploadedAt());
        }
    }

    public record CompetencySummary(String code, String text, boolean complete, int missing) {
    }

    public record VersionSummary(int number, Instant submittedAt) {
    }

    public record DossierView(UUID applicationId, String certificationCode, String certificationTitle,
            String frameworkVersion, UUID candidateId, String candidateName, ApplicationState state,
            String stateLabel, boolean editable, boolean candidate, List<CompetencySummary> competencies,
            List<FileView> files, List<VersionSummary> versions, UUID accompanyingOrganisationId,
            String accompanyingOrganisationName, boolean complete, List<String> missing) {
    }

    public record Completeness(boolean complete, List<String> missing) {
    }

    /** One difference between two versions: where (competency, field) and the two values. */
    public record Change(String itemCode, String field, String before, String after) {
    }

    /** Saving from a stale version: 409, with the version saved meanwhile (the « other version »). */
    static final class StaleAnswers extends ConflictException {

        private final transient CompetencyView current;

        StaleAnswers(CompetencyView current) {
            super("Cette compétence a été enregistrée entre-temps (version " + current.version() + ", dans un autre "
                    + "onglet ou par une autre session) : vos modifications n'ont pas été enregistrées. Voici la "
                    + "version enregistrée ; reportez-y vos changements puis enregistrez à nouveau.");
            this.current = current;
        }

        CompetencyView current() {
            return current;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("current", current);
        }
    }

    private final ApplicationRepository applications;
    private final ApplicationStateMachine states;
    private final DossierReaders readers;
    private final DossierRepository dossiers;
    private final DossierEntryRepository entries;
    private final DossierVersionRepository versions;
    private final DossierFileRepository files;
    private final FileStorage storage;
    private final FrameworkCatalog catalog;
    private final AccountDirectory directory;
    private final AccountAdministration administration;
    private final PdfRenderer pdf;
    private final ObjectMapper json;
    private final Clock clock;
    /** Published versions never change: their dossier template is read once. */
    private final Map<String, DossierTemplate> templates = new ConcurrentHashMap<>();

    Dossiers(ApplicationRepository applications, ApplicationStateMachine states, DossierReaders readers,
            DossierRepository dossiers, DossierEntryRepository entries, DossierVersionRepository versions,
            DossierFileRepository files, FileStorage storage, FrameworkCatalog catalog, AccountDirectory directory,
            AccountAdministration administration, PdfRenderer pdf, ObjectMapper json, Clock clock) {
        this.applications = applications;
        this.states = states;
        this.readers = readers;
        this.dossiers = dossiers;
        this.entries = entries;
        this.versions = versions;
        this.files = files;
        this.storage = storage;
        this.catalog = catalog;
        this.directory = directory;
        this.administration = administration;
        this.pdf = pdf;
        this.json = json;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public DossierView dossier(String email, UUID applicationId) {
        AccountSummary person = readers.person(email);
        Application application = readers.readable(person, applicationId);
        return view(application, person);
    }

    @Transactional(readOnly = true)
    public CompetencyView competency(String email, UUID applicationId, String itemCode) {
        AccountSummary person = readers.person(email);
        Application application = readers.readable(person, applicationId);
        Competency competency = competencyOf(template(application), itemCode);
        return competencyView(application, competency, mayEdit(person, application));
    }

    @Transactional(readOnly = true)
    public Completeness completeness(String email, UUID applicationId) {
        Application application = readers.readable(readers.person(email), applicationId);
        List<String> missing = DossierPolicies.missing(draft(application));
        return new Completeness(missing.isEmpty(), missing);
    }

    @Transactional(readOnly = true)
    public List<VersionSummary> versions(String email, UUID applicationId) {
        Application application = readers.readable(readers.person(email), applicationId);
        return versionSummaries(application.getId());
    }

    /** What changed from version {@code from} to version {@code to}, field by field, in the dossier's order. */
    @Transactional(readOnly = true)
    public List<Change> diff(String email, UUID applicationId, int from, int to) {
        Application application = readers.readable(readers.person(email), applicationId);
        Snapshot before = snapshotOf(frozen(application.getId(), from));
        Snapshot after = snapshotOf(frozen(application.getId(), to));
        return changes(template(application), before, after);
    }

    // ---------------------------------------------------------------- writing

    /** Saves the candidate's answers for one competency; the first save opens the dossier. */
    public CompetencyView save(String email, UUID applicationId, String itemCode, CompetencyAnswers input) {
        AccountSummary person = readers.person(email);
        Application application = writable(person, applicationId);
        Competency competency = competencyOf(template(application), itemCode);
        if (input == null) {
            throw new BadInputException("Envoyez les réponses de la compétence (activities, answers).");
        }
        CompetencyAnswers clean = clean(application, competency, input);
        DossierEntry entry = entries.findById(new DossierEntry.Key(application.getId(), competency.code()))
                .orElseGet(() -> new DossierEntry(application.getId(), competency.code()));
        long stored = entry.savedVersion();
        if (input.version() != null && input.version() != stored) {
            throw new StaleAnswers(competencyView(application, competency, true));
        }
        open(application, person);
        entry.write(write(clean.withoutVersion()), person.id(), clock.instant());
        try {
            entries.saveAndFlush(entry);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("Cette compétence vient d'être enregistrée par un autre onglet : rechargez-la, "
                    + "reportez-y vos changements puis enregistrez à nouveau.");
        }
        return competencyView(application, competency, true);
    }

    /**
     * Adds a proof, or the written piece answering a question that asks for a document (PDF or DOCX whose
     * number of pages is in the range the referential states). Refused files change nothing.
     */
    public FileView addFile(String email, UUID applicationId, String kind, String itemCode, MultipartFile upload) {
        AccountSummary person = readers.person(email);
        Application application = writable(person, applicationId);
        DossierFile.Kind fileKind = fileKind(kind);
        if (upload == null || upload.isEmpty()) {
            throw new BadInputException("Choisissez le fichier à déposer (champ « file »).");
        }
        Question question = null;
        if (fileKind == DossierFile.Kind.WRITTEN_PIECE) {
            question = template(application).competencies().stream().flatMap(c -> c.questions().stream())
                    .filter(q -> q.asksForDocument() && q.code().equals(itemCode)).findFirst()
                    .orElseThrow(() -> new BadInputException(itemCode == null || itemCode.isBlank()
                            ? "Indiquez la question à laquelle répond ce document écrit (itemCode)."
                            : "La question « " + itemCode + " » ne demande pas de document écrit dans ce dossier."));
        }
        StoredFile stored = storage.store(candidateEmail(application), DossierFiles.NAME, upload);
        if (question != null) {
            checkWrittenPiece(question, stored);
        }
        open(application, person);
        DossierFile file = files.save(new DossierFile(application.getId(), stored.id(), fileKind,
                question == null ? null : question.code(), stored.originalName(), stored.mediaType(), stored.size(),
                stored.pageCount(), clock.instant(), person.id()));
        return FileView.of(file);
    }

    /** Freezes the dossier in a new numbered version and hands it to the office; refused while incomplete. */
    public DossierView submit(String email, UUID applicationId) {
        AccountSummary person = readers.person(email);
        Application application = writable(person, applicationId);
        if (application.getState() == ApplicationState.DOSSIER_SUBMITTED) {
            throw new ConflictException("Ce dossier est déjà déposé (version " + versionSummaries(application.getId())
                    .size() + ") ; modifiez-le pour en déposer une nouvelle version.");
        }
        List<String> missing = DossierPolicies.missing(draft(application));
        if (!missing.isEmpty()) {
            throw new BadInputException("Le dossier est incomplet : " + missing.size()
                    + (missing.size() == 1 ? " élément manque" : " éléments manquent") + " avant le dépôt.", missing);
        }
        int number = versions.findByApplicationIdOrderByNumberAsc(application.getId()).size() + 1;
        versions.save(new DossierVersion(application.getId(), number, write(current(application)), clock.instant(),
                person.id()));
        if (application.getState() == ApplicationState.ADMISSIBLE) {
            open(application, person);
        }
        states.change(application, ApplicationState.DOSSIER_SUBMITTED, person.id(),
                "Dossier VAE déposé (version " + number + ").");
        return view(application, person);
    }

    /** The candidate names the training organisation that accompanies them (or none): it then reads the dossier. */
    public DossierView accompany(String email, UUID applicationId, UUID organisationId) {
        AccountSummary person = readers.person(email);
        Application application = readers.readable(person, applicationId);
        requireCandidate(person, application);
        if (organisationId != null && administration.findOrganisation(organisationId).isEmpty()) {
            throw new BadInputException("Organisme inconnu : cherchez l'organisme de formation qui vous accompagne "
                    + "par son nom et choisissez-le dans les résultats.");
        }
        Dossier dossier = dossiers.findById(application.getId())
                .orElseGet(() -> new Dossier(application.getId(), clock.instant()));
        dossier.accompaniedBy(organisationId, clock.instant());
        dossiers.save(dossier);
        return view(application, person);
    }

    /** The whole dossier as a PDF laid out like the form of seed 004 (part 3); a frozen version if given. */
    @Transactional(readOnly = true)
    public byte[] pdf(String email, UUID applicationId, Integer versionNumber) {
        AccountSummary person = readers.person(email);
        Application application = readers.readable(person, applicationId);
        DossierTemplate template = template(application);
        Snapshot snapshot;
        Instant submittedAt = null;
        if (versionNumber == null) {
            snapshot = current(application);
        } else {
            DossierVersion version = frozen(application.getId(), versionNumber);
            snapshot = snapshotOf(version);
            submittedAt = version.getSubmittedAt();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("template", template);
        model.put("dossier", view(application, person));
        model.put("answers", snapshot.competencies());
        model.put("files", snapshot.files());
        model.put("versionNumber", versionNumber);
        model.put("submittedOn", submittedAt == null ? null : submittedAt.atZone(FRANCE).toLocalDate());
        model.put("generatedOn", clock.instant().atZone(FRANCE).toLocalDate());
        return pdf.render("pdf/dossier", model);
    }

    /** A training organisation the candidate may name as accompanying them, as a search shows it. */
    public record OrganisationChoice(UUID id, String name, String address) {

        static OrganisationChoice of(Organisation o) {
            return new OrganisationChoice(o.getId(), o.getName(), o.getAddress());
        }
    }

    /** The most organisations one search shows: typing more of the name narrows it. */
    public static final int ORGANISATION_CHOICES = 20;

    /**
     * The organisations whose name holds {@code text}, for the candidate naming who accompanies them
     * (the branch counts some 9,000: searched by name rather than listed); at least 2 characters.
     */
    @Transactional(readOnly = true)
    public List<OrganisationChoice> accompanyingChoices(String email, UUID applicationId, String text) {
        AccountSummary person = readers.person(email);
        requireCandidate(person, readers.readable(person, applicationId));
        String typed = text == null ? "" : text.strip();
        if (typed.length() < 2 || typed.length() > 100) {
            throw new BadInputException("Tapez de 2 à 100 caractères du nom de l'organisme de formation recherché.");
        }
        return administration.organisationsNamed(typed, ORGANISATION_CHOICES).stream().map(OrganisationChoice::of)
                .toList();
    }

    // ---------------------------------------------------------------- internals

    DossierTemplate template(Application application) {
        return templates.computeIfAbsent(application.getCertificationCode() + "@" + application.getFrameworkVersion(),
                key -> DossierTemplate.of(catalog.outline(application.getCertificationCode(),
                        application.getFrameworkVersion(), false)));
    }

    private Competency competencyOf(DossierTemplate template, String itemCode) {
        return template.competency(itemCode).orElseThrow(() -> new NotFoundException("La compétence « " + itemCode
                + " » ne fait pas partie du dossier de cette certification."));
    }

    private Application writable(AccountSummary person, UUID applicationId) {
        Application application = readers.readable(person, applicationId);
        requireCandidate(person, application);
        if (!EDITABLE.contains(application.getState())) {
            throw new ConflictException("La candidature est à l'état « " + application.getState().label()
                    + " » : " + (application.getState().ordinal() < ApplicationState.ADMISSIBLE.ordinal()
                            || application.getState() == ApplicationState.INCOMPLETE
                            || application.getState() == ApplicationState.NOT_ADMISSIBLE
                                    ? "le dossier VAE s'ouvre après une décision de recevabilité favorable."
                                    : "le dossier ne se modifie plus."));
        }
        return application;
    }

    private static void requireCandidate(AccountSummary person, Application application) {
        if (!application.getCandidateId().equals(person.id())) {
            throw new AccessDeniedException("Seul le candidat renseigne son dossier VAE (les autres le lisent).");
        }
    }

    private boolean mayEdit(AccountSummary person, Application application) {
        return application.getCandidateId().equals(person.id()) && EDITABLE.contains(application.getState());
    }

    /** The first change opens the dossier; a change after submission reopens it for a new version. */
    private void open(Application application, AccountSummary person) {
        if (application.getState() == ApplicationState.ADMISSIBLE) {
            states.change(application, ApplicationState.DOSSIER_IN_PROGRESS, person.id(), "Dossier VAE commencé.");
        } else if (application.getState() == ApplicationState.DOSSIER_SUBMITTED) {
            states.change(application, ApplicationState.DOSSIER_IN_PROGRESS, person.id(),
                    "Dossier modifié après dépôt : il sera déposé dans une nouvelle version.");
        }
        if (!dossiers.existsById(application.getId())) {
            dossiers.save(new Dossier(application.getId(), clock.instant()));
        }
    }

    private CompetencyAnswers clean(Application application, Competency competency, CompetencyAnswers input) {
        Set<String> activityCodes = competency.activities().stream().map(Activity::code).collect(Collectors.toSet());
        Set<UUID> proofs = files.findByApplicationIdOrderByUploadedAtAsc(application.getId()).stream()
                .filter(f -> f.getKind() == DossierFile.Kind.PROOF).map(DossierFile::getId).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        List<ActivityAnswer> activities = new ArrayList<>();
        for (ActivityAnswer a : input.activities()) {
            if (a == null || a.code() == null || !activityCodes.contains(a.code())) {
                throw new BadInputException("Activité inconnue pour la compétence " + competency.code() + " : « "
                        + (a == null ? null : a.code()) + " » (attendu : " + String.join(", ", activityCodes.stream()
                                .sorted().toList()) + ").");
            }
            if (!seen.add(a.code())) {
                throw new BadInputException("L'activité « " + a.code() + " » est donnée deux fois.");
            }
            for (UUID proof : a.proofIds()) {
                if (!proofs.contains(proof)) {
                    throw new BadInputException("Preuve inconnue dans ce dossier : « " + proof + " ». Déposez d'abord "
                            + "le fichier (preuve), puis citez son identifiant.");
                }
            }
            activities.add(new ActivityAnswer(a.code(), a.done(), FormText.multiLine(a.examples(), "Les exemples", 4000),
                    FormText.multiLine(a.tools(), "Les documents, outils ou interlocuteurs", 2000), a.proofIds()));
        }
        List<QuestionAnswer> answers = new ArrayList<>();
        for (QuestionAnswer q : input.answers()) {
            Question question = q == null || q.code() == null ? null : competency.question(q.code()).orElse(null);
            if (question == null) {
                throw new BadInputException("Question inconnue pour la compétence " + competency.code() + " : « "
                        + (q == null ? null : q.code()) + " ».");
            }
            if (!seen.add(q.code())) {
                throw new BadInputException("La question « " + q.code() + " » reçoit deux réponses.");
            }
            if (question.asksForDocument()) {
                throw new BadInputException("La question « " + q.code() + " » demande un document écrit de "
                        + question.writtenPiece().min() + " à " + question.writtenPiece().max()
                        + " pages : déposez-le (kind WRITTEN_PIECE) au lieu d'un texte.");
            }
            answers.add(new QuestionAnswer(q.code(), FormText.multiLine(q.text(), "La réponse", 20000)));
        }
        return new CompetencyAnswers(activities, answers, null);
    }

    private static void checkWrittenPiece(Question question, StoredFile stored) {
        if (!FileLimits.PDF.equals(stored.mediaType()) && !FileLimits.DOCX.equals(stored.mediaType())) {
            throw new BadInputException("Le document écrit se dépose en PDF ou en DOCX (Word) : « "
                    + stored.originalName() + " » n'en est pas un.");
        }
        Integer pages = stored.pageCount();
        DossierTemplate.PageRange range = question.writtenPiece();
        if (pages == null) {
            throw new BadInputException("Le nombre de pages de « " + stored.originalName() + " » n'a pas pu être lu : "
                    + "déposez le document en PDF (il doit compter de " + range.min() + " à " + range.max()
                    + " pages).");
        }
        if (pages < range.min() || pages > range.max()) {
            throw new BadInputException("« " + stored.originalName() + " » compte " + pages
                    + (pages == 1 ? " page" : " pages") + " : le document écrit doit en compter de " + range.min()
                    + " à " + range.max() + ".");
        }
    }

    private String candidateEmail(Application application) {
        return directory.find(application.getCandidateId()).map(AccountSummary::email)
                .orElseThrow(() -> new NotFoundException(DossierReaders.UNKNOWN));
    }

    private static DossierFile.Kind fileKind(String kind) {
        try {
            return DossierFile.Kind.valueOf(kind == null || kind.isBlank() ? "PROOF" : kind.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("Type de pièce inconnu : « " + kind + " » (attendu : PROOF ou WRITTEN_PIECE).");
        }
    }

    private DossierPolicies.Draft draft(Application application) {
        Snapshot now = current(application);
        Set<String> writtenPieces = now.files().stream()
                .filter(f -> DossierFile.Kind.WRITTEN_PIECE.name().equals(f.kind())).map(FileRef::itemCode)
                .collect(Collectors.toSet());
        return new DossierPolicies.Draft(template(application), now.competencies(), writtenPieces);
    }

    /** The dossier as it stands now. */
    private Snapshot current(Application application) {
        Map<String, CompetencyAnswers> answers = new LinkedHashMap<>();
        Map<String, DossierEntry> byCode = entries.findByApplicationId(application.getId()).stream()
                .collect(Collectors.toMap(DossierEntry::getItemCode, e -> e));
        for (Competency c : template(application).competencies()) {
            DossierEntry entry = byCode.get(c.code());
            if (entry != null) {
                answers.put(c.code(), read(entry.getContent()));
            }
        }
        List<FileRef> refs = files.findByApplicationIdOrderByUploadedAtAsc(application.getId()).stream()
                .map(f -> new FileRef(f.getId(), f.getFileId(), f.getKind().name(), f.getItemCode(),
                        f.getOriginalName(), f.getPageCount())).toList();
        return new Snapshot(answers, refs);
    }

    private CompetencyView competencyView(Application application, Competency competency, boolean editable) {
        DossierEntry entry = entries.findById(new DossierEntry.Key(application.getId(), competency.code())).orElse(null);
        CompetencyAnswers answers = entry == null ? CompetencyAnswers.empty() : read(entry.getContent());
        List<DossierFile> dossierFiles = files.findByApplicationIdOrderByUploadedAtAsc(application.getId());
        List<ActivityView> activities = competency.activities().stream().map(a -> {
            ActivityAnswer answer = answers.activity(a.code());
            return answer == null ? new ActivityView(a.code(), a.text(), null, null, null, List.of())
                    : new ActivityView(a.code(), a.text(), answer.done(), answer.examples(), answer.tools(),
                            answer.proofIds());
        }).toList();
        List<QuestionView> questions = competency.questions().stream().map(q -> new QuestionView(q.code(), q.text(),
                q.asksForDocument() ? q.writtenPiece().min() : null, q.asksForDocument() ? q.writtenPiece().max() : null,
                answers.answer(q.code()), dossierFiles.stream()
                        .filter(f -> f.getKind() == DossierFile.Kind.WRITTEN_PIECE && q.code().equals(f.getItemCode()))
                        .reduce((first, second) -> second).map(FileView::of).orElse(null))).toList();
        Set<String> writtenPieces = dossierFiles.stream().filter(f -> f.getKind() == DossierFile.Kind.WRITTEN_PIECE)
                .map(DossierFile::getItemCode).collect(Collectors.toSet());
        DossierTemplate single = new DossierTemplate(null, null, null, List.of(competency));
        List<String> missing = DossierPolicies.missing(new DossierPolicies.Draft(single,
                Map.of(competency.code(), answers), writtenPieces));
        return new CompetencyView(application.getId(), competency.code(), competency.text(), activities, questions,
                entry == null ? 0 : entry.savedVersion(), entry == null ? null : entry.getUpdatedAt(), editable,
                missing);
    }

    private DossierView view(Application application, AccountSummary person) {
        DossierTemplate template = template(application);
        DossierPolicies.Draft draft = draft(application);
        List<String> missing = DossierPolicies.missing(draft);
        List<CompetencySummary> competencies = template.competencies().stream().map(c -> {
            long count = missing.stream().filter(m -> m.startsWith("Compétence " + c.code() + " ")).count();
            return new CompetencySummary(c.code(), c.text(), count == 0, (int) count);
        }).toList();
        UUID accompanying = dossiers.findById(application.getId()).map(Dossier::getAccompanyingOrganisationId)
                .orElse(null);
        String accompanyingName = accompanying == null ? null : administration.findOrganisation(accompanying)
                .map(Organisation::getName).orElse(null);
        String candidateName = directory.find(application.getCandidateId()).map(AccountSummary::displayName)
                .orElse("Candidat");
        return new DossierView(application.getId(), application.getCertificationCode(), template.title(),
                application.getFrameworkVersion(), application.getCandidateId(), candidateName, application.getState(),
                application.getState().label(), mayEdit(person, application),
                application.getCandidateId().equals(person.id()), competencies,
                files.findByApplicationIdOrderByUploadedAtAsc(application.getId()).stream().map(FileView::of).toList(),
                versionSummaries(application.getId()), accompanying, accompanyingName, missing.isEmpty(), missing);
    }

    private List<VersionSummary> versionSummaries(UUID applicationId) {
        return versions.findByApplicationIdOrderByNumberAsc(applicationId).stream()
                .map(v -> new VersionSummary(v.getNumber(), v.getSubmittedAt())).toList();
    }

    private DossierVersion frozen(UUID applicationId, int number) {
        return versions.findById(new DossierVersion.Key(applicationId, number))
                .orElseThrow(() -> new BadInputException("Version " + number + " du dossier inconnue : le dossier "
                        + "compte " + versions.findByApplicationIdOrderByNumberAsc(applicationId).size()
                        + " version(s) déposée(s)."));
    }

    static List<Change> changes(DossierTemplate template, Snapshot before, Snapshot after) {
        List<Change> changes = new ArrayList<>();
        for (Competency c : template.competencies()) {
            CompetencyAnswers a = before.competencies().getOrDefault(c.code(), CompetencyAnswers.empty());
            CompetencyAnswers b = after.competencies().getOrDefault(c.code(), CompetencyAnswers.empty());
            for (Activity activity : c.activities()) {
                ActivityAnswer x = a.activity(activity.code());
                ActivityAnswer y = b.activity(activity.code());
                String label = "Activité « " + DossierPolicies.shorten(activity.text()) + " »";
                compare(changes, activity.code(), label + " : réalisée", yesNo(x == null ? null : x.done()),
                        yesNo(y == null ? null : y.done()));
                compare(changes, activity.code(), label + " : exemples", x == null ? null : x.examples(),
                        y == null ? null : y.examples());
                compare(changes, activity.code(), label + " : documents, outils ou interlocuteurs",
                        x == null ? null : x.tools(), y == null ? null : y.tools());
                compare(changes, activity.code(), label + " : preuves", x == null ? null : proofs(x.proofIds()),
                        y == null ? null : proofs(y.proofIds()));
            }
            for (Question question : c.questions()) {
                compare(changes, question.code(), "Question « " + DossierPolicies.shorten(question.text()) + " »",
                        a.answer(question.code()), b.answer(question.code()));
            }
        }
        String filesBefore = before.files().stream().map(f -> f.name()).collect(Collectors.joining(", "));
        String filesAfter = after.files().stream().map(f -> f.name()).collect(Collectors.joining(", "));
        compare(changes, null, "Pièces déposées", filesBefore, filesAfter);
        return changes;
    }

    private static void compare(List<Change> changes, String code, String field, String before, String after) {
        String x = before == null || before.isBlank() ? null : before;
        String y = after == null || after.isBlank() ? null : after;
        if (!Objects.equals(x, y)) {
            changes.add(new Change(code, field, x, y));
        }
    }

    private static String yesNo(Boolean done) {
        return done == null ? null : done ? "oui" : "non";
    }

    private static String proofs(List<UUID> ids) {
        return ids.isEmpty() ? null : ids.stream().map(UUID::toString).collect(Collectors.joining(", "));
    }

    private Snapshot snapshotOf(DossierVersion version) {
        try {
            return json.readValue(version.getContent(), Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable dossier version " + version.getNumber(), e);
        }
    }

    private CompetencyAnswers read(String content) {
        try {
            return json.readValue(content, CompetencyAnswers.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable dossier entry", e);
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
