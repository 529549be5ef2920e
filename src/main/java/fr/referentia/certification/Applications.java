package fr.referentia.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import fr.referentia.certification.AdmissibilityPolicies.ExperienceThreshold;
import fr.referentia.certification.AdmissibilityPolicies.Submission;
import fr.referentia.certification.Certifications.CertificationView;
import fr.referentia.framework.ItemCitations;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.files.FileStorage;
import fr.referentia.shared.files.StoredFile;
import fr.referentia.shared.policy.Decision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import fr.referentia.shared.audit.AuditEvent;
import fr.referentia.shared.web.Paged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Applications (candidatures) to a certification, up to the admissibility decision (issue 13): made
 * by the candidate or by HR on their behalf (the candidate then confirms), the admissibility form of
 * seed 004 part 2 with its supporting documents, submission, the office's decision and its
 * revocation. Every change of state goes through {@link ApplicationStateMachine#change}.
 */
@Service
@Transactional
public class Applications {

    /** The office answers an admissibility request within two months of its reception. */
    public static final java.time.Period DECISION_DELAY = java.time.Period.ofMonths(2);

    public record NewApplication(String certificationCode, String route, UUID candidateId) {
    }

    public record DocumentView(UUID id, UUID fileId, DocumentKind kind, String kindLabel, String name,
            String mediaType, long size, Instant uploadedAt, boolean deleted) {

        static DocumentView of(ApplicationDocument d) {
            return new DocumentView(d.getId(), d.isDeleted() ? null : d.getFileId(), d.getKind(), d.getKind().label(),
                    d.getOriginalName(), d.getMediaType(), d.getSize(), d.getUploadedAt(), d.isDeleted());
        }
    }

    /** R2's pre-check, as the office sees it. */
    public record ExperienceCheck(boolean met, int minimumYears, String explanation) {
    }

    public record HistoryEntry(ApplicationState from, ApplicationState to, Instant at, UUID by, String byName,
            String reason) {
    }

    public record ApplicationView(UUID id, String certificationCode, String certificationTitle,
            String frameworkVersion, ApplicationRoute route, String routeLabel, ApplicationState state,
            String stateLabel, UUID candidateId, String candidateName, UUID organisationId, boolean onBehalf,
            boolean candidateConfirmed, Instant createdAt, Instant submittedAt, LocalDate receivedOn,
            AdmissibilityDecision decision, String decisionReason, Instant decidedAt, String decidedBy,
            String nextStep, LocalDate deadline, long ageDays, List<String> missing, ExperienceCheck experienceCheck,
            List<DocumentView> documents, long rowVersion) {
    }

    private final ApplicationRepository applications;
    private final ApplicationDocumentRepository documents;
    private final ApplicationStateMachine states;
    private final ApplicationAccess access;
    private final Certifications certifications;
    private final ItemCitations citations;
    private final AccountDirectory directory;
    private final FileStorage files;
    private final ApplicationMails mails;
    private final ApplicationPrefill prefill;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Applications(ApplicationRepository applications, ApplicationDocumentRepository documents,
            ApplicationStateMachine states, ApplicationAccess access, Certifications certifications,
            ItemCitations citations, AccountDirectory directory, FileStorage files, ApplicationMails mails,
            ApplicationPrefill prefill, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
        this.applications = applications;
        this.documents = documents;
        this.states = states;
        this.access = access;
        this.certifications = certifications;
        this.citations = citations;
        this.directory = directory;
        this.files = files;
        this.mails = mails;
        this.prefill = prefill;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new application, by the candidate for themselves or by HR for an employee of their organisation
     * ({@code candidateId}); R3 refuses it (409) when the candidate already applied to the certification
     * or made three VAE requests this calendar year.
     */
    public ApplicationView create(String requesterEmail, NewApplication input) {
        AccountSummary requester = access.requester(requesterEmail);
        if (input == null || input.certificationCode() == null || input.certificationCode().isBlank()) {
            throw new BadInputException("Choisissez la certification visée (certificationCode).");
        }
        CertificationView certification = certifications.certification(input.certificationCode().strip());
        ApplicationRoute route = route(input.route());
        if (!certification.routes().contains(route)) {
            throw new BadInputException("La certification « " + certification.title() + " » ne s'obtient pas par la "
                    + "voie « " + route.label() + " ».");
        }
        AccountSummary candidate = candidate(requester, input.candidateId());
        int year = today().getYear();
        List<RequestLimits.EarlierRequest> earlier = applications.findByCandidateIdOrderByCreatedAtDesc(candidate.id())
                .stream().map(a -> new RequestLimits.EarlierRequest(a.getCertificationCode(),
                        title(a.getCertificationCode()), a.getRoute(), a.getRequestYear(), a.getState()))
                .toList();
        RequestLimits.check(new RequestLimits.NewRequest(certification.code(), route, year, earlier),
                RequestLimits.IN_FORCE).orConflict();
        String version = citations.latestPublishedVersion(certification.code()).orElse(certification.frameworkVersion());
        Application application = new Application(certification.code(), version, route, year, candidate.id(),
                candidate.organisationId(), requester.id(), clock.instant());
        application.saveForm(write(prefill.formFor(candidate)), clock.instant());
        states.start(application, requester.id(), application.isOnBehalf()
                ? "Demande faite par les RH de l'organisme pour le candidat, à confirmer par lui."
                : "Demande créée par le candidat.");
        if (application.isOnBehalf()) {
            mails.confirmationAsked(candidate, certification.title(), application.getId());
        }
        return view(application, requester);
    }

    @Transactional(readOnly = true)
    public ApplicationView application(String email, UUID id) {
        AccountSummary requester = access.requester(email);
        return view(access.readable(requester, id), requester);
    }

    @Transactional(readOnly = true)
    public Application entity(String email, UUID id) {
        return access.readable(access.requester(email), id);
    }

    /** What the person looking at an application may do there: they are its candidate, the office, may fill it. */
    public record Rights(boolean candidate, boolean office, boolean mayFill) {
    }

    @Transactional(readOnly = true)
    public Rights rights(String email, UUID id) {
        AccountSummary requester = access.requester(email);
        Application application = access.readable(requester, id);
        return new Rights(application.getCandidateId().equals(requester.id()),
                requester.holds(Role.CERTIFICATION_OFFICE), ApplicationAccess.mayFill(requester, application));
    }

    /**
     * The applications a person sees: the office (and the branch administrator) the whole queue, oldest
     * submission first, optionally in one state; HR those of their organisation; anyone else their own.
     */
    @Transactional(readOnly = true)
    public List<ApplicationView> list(String email, ApplicationState state) {
        AccountSummary requester = access.requester(email);
        if (ApplicationAccess.isOffice(requester)) {
            return views(applications.findByStateInOrderBySubmittedAtAscCreatedAtAsc(states(state)), requester);
        }
        return views(own(requester, state), requester);
    }

    /**
     * One page of {@link #list(String, ApplicationState)}: only that page's applications are read and
     * turned into views (the office's queue reads its page from the database).
     */
    @Transactional(readOnly = true)
    public Paged<ApplicationView> list(String email, ApplicationState state, Paged.Request request) {
        AccountSummary requester = access.requester(email);
        if (ApplicationAccess.isOffice(requester)) {
            Set<ApplicationState> states = states(state);
            return Paged.read(request, applications.countByStateIn(states), (page, size) -> views(
                    applications.findByStateIn(states, PageRequest.of(page, size, QUEUE_ORDER)), requester));
        }
        Paged<Application> own = Paged.of(own(requester, state), request.page(), request.size());
        return own.with(views(own.items(), requester));
    }

    /** What the office's queue tile says: how many requests wait, the oldest of them, the nearest deadline. */
    public record QueueSummary(long waiting, ApplicationView oldest, LocalDate nearestDeadline) {
    }

    /**
     * The office's queue of requests waiting for an admissibility decision, summed up without reading it all
     * (a count, the first row, the earliest reception date).
     */
    @Transactional(readOnly = true)
    public QueueSummary queueSummary(String email) {
        if (!ApplicationAccess.isOffice(access.requester(email))) {
            throw new AccessDeniedException("Seul le secrétariat de certification voit la file des demandes.");
        }
        Paged<ApplicationView> first = list(email, ApplicationState.SUBMITTED, new Paged.Request(0, 1));
        LocalDate nearest = applications.earliestReceivedOn(ApplicationState.SUBMITTED)
                .map(received -> received.plus(DECISION_DELAY)).orElse(null);
        return new QueueSummary(first.total(), first.items().isEmpty() ? null : first.items().get(0), nearest);
    }

    private static final Sort QUEUE_ORDER = Sort.by(Sort.Order.asc("submittedAt"), Sort.Order.asc("createdAt"),
            Sort.Order.asc("id"));

    private static Set<ApplicationState> states(ApplicationState state) {
        return state == null ? EnumSet.allOf(ApplicationState.class) : EnumSet.of(state);
    }

    /** A person's own applications and, for HR, their organisation's, the newest first. */
    private List<Application> own(AccountSummary requester, ApplicationState state) {
        Map<UUID, Application> seen = new java.util.LinkedHashMap<>();
        applications.findByCandidateIdOrderByCreatedAtDesc(requester.id()).forEach(a -> seen.put(a.getId(), a));
        if (requester.holds(Role.ORG_HR) && requester.organisationId() != null) {
            applications.findByOrganisationIdOrderByCreatedAtDesc(requester.organisationId())
                    .forEach(a -> seen.putIfAbsent(a.getId(), a));
        }
        return seen.values().stream().filter(a -> state == null || a.getState() == state).toList();
    }

    /** The admissibility form as saved (pre-filled at creation). */
    @Transactional(readOnly = true)
    public AdmissibilityForm form(String email, UUID id) {
        return read(access.readable(access.requester(email), id).getForm());
    }

    /**
     * Saves the whole form (a PUT): refused when the application is no longer editable, when the
     * answers are implausible (a birth date in the future, more experience than age allows) or when
     * {@code expectedVersion} is given and stale (another tab saved meanwhile).
     */
    public ApplicationView saveForm(String email, UUID id, AdmissibilityForm form, Long expectedVersion) {
        AccountSummary requester = access.requester(email);
        Application application = access.fillable(requester, id);
        requireEditable(application);
        if (expectedVersion != null && expectedVersion != application.version()) {
            throw new ConflictException("Cette candidature a été modifiée entre-temps (dans un autre onglet ?) : "
                    + "rechargez-la avant d'enregistrer, vos changements n'ont pas été enregistrés.");
        }
        AdmissibilityForm clean = FormCleaner.clean(form == null ? AdmissibilityForm.empty() : form);
        AdmissibilityPolicies.plausible(clean, today()).orBadInput();
        application.saveForm(write(clean), clock.instant());
        applications.saveAndFlush(application);
        return view(application, requester);
    }

    /** Attaches a supporting document, stored through the platform's file storage (type, size, PDF checks). */
    public DocumentView addDocument(String email, UUID id, String kind, MultipartFile file) {
        AccountSummary requester = access.requester(email);
        Application application = access.fillable(requester, id);
        requireEditable(application);
        DocumentKind documentKind = documentKind(kind);
        if (file == null || file.isEmpty()) {
            throw new BadInputException("Choisissez le fichier à joindre (champ « file »).");
        }
        String owner = directory.find(application.getCandidateId()).map(AccountSummary::email)
                .orElseThrow(() -> new NotFoundException(ApplicationAccess.UNKNOWN));
        StoredFile stored = files.store(owner, AdmissibilityDocuments.NAME, file);
        ApplicationDocument document = documents.save(new ApplicationDocument(application.getId(), stored.id(),
                documentKind, stored.originalName(), stored.mediaType(), stored.size(), requester.id(),
                clock.instant()));
        return DocumentView.of(document);
    }

    /** The candidate confirms an application HR made for them: their consent is dated and audited. */
    public ApplicationView confirm(String email, UUID id) {
        AccountSummary requester = access.requester(email);
        Application application = access.readable(requester, id);
        if (!application.getCandidateId().equals(requester.id())) {
            throw new AccessDeniedException("Seul le candidat confirme une candidature faite pour lui.");
        }
        if (!application.awaitsCandidateConfirmation()) {
            throw new ConflictException("Cette candidature n'attend pas de confirmation.");
        }
        application.confirmByCandidate(clock.instant());
        applications.save(application);
        events.publishEvent(AuditEvent.of("APPLICATION_CONFIRMED", "APPLICATION", application.getId().toString())
                .subject(requester.id()).organisation(application.getOrganisationId()).by(email));
        return view(application, requester);
    }

    /**
     * Submits the request to the office: refused (400, every missing part named) while the form is
     * incomplete, no document proves the experience, or the candidate has not confirmed.
     */
    public ApplicationView submit(String email, UUID id) {
        AccountSummary requester = access.requester(email);
        Application application = access.fillable(requester, id);
        if (!application.getState().formEditable()) {
            throw new ConflictException("La candidature est à l'état « " + application.getState().label()
                    + " » : elle a déjà été déposée.");
        }
        List<String> missing = missing(application);
        if (!missing.isEmpty()) {
            throw new BadInputException(String.join(" ", missing));
        }
        AdmissibilityPolicies.plausible(read(application.getForm()), today()).orBadInput();
        boolean again = application.getState() == ApplicationState.INCOMPLETE;
        states.change(application, ApplicationState.SUBMITTED, requester.id(),
                again ? "Demande complétée et déposée à nouveau." : "Demande de recevabilité déposée.");
        application.recordSubmission(clock.instant(), today());
        applications.save(application);
        return view(application, requester);
    }

    /**
     * The office's admissibility decision on a submitted request, with its reason; the candidate is told
     * by mail after commit. A final decision (favourable or unfavourable) deletes the identity documents (R12).
     */
    public ApplicationView decide(String email, UUID id, String decision, String reason) {
        AccountSummary office = access.requester(email);
        Application application = access.decidable(office, id);
        AdmissibilityDecision chosen = decision(decision);
        String why = FormText.multiLine(reason, "Le motif", 4000);
        if (why == null && chosen != AdmissibilityDecision.FAVOURABLE) {
            throw new BadInputException(chosen == AdmissibilityDecision.INCOMPLETE
                    ? "Indiquez ce qui manque à la demande (motif)." : "Indiquez le motif de la décision défavorable.");
        }
        if (application.getState() != ApplicationState.SUBMITTED) {
            throw new ConflictException("La recevabilité ne se décide que sur une demande déposée : celle-ci est à "
                    + "l'état « " + application.getState().label() + " ».");
        }
        states.change(application, chosen.leadsTo(), office.id(),
                "Recevabilité : " + chosen.label().toLowerCase(java.util.Locale.FRENCH) + (why == null ? "" : ". " + why));
        application.recordDecision(chosen, why, office.id(), clock.instant());
        applications.save(application);
        if (chosen.leadsTo().admissibilityDecided()) {
            deleteIdentityDocuments(application);
        }
        directory.find(application.getCandidateId()).ifPresent(candidate ->
                mails.decided(candidate, title(application.getCertificationCode()), application.getId(), chosen, why));
        return view(application, office);
    }

    /** The office revokes its decision, with a reason kept in the history: the request is back in the queue. */
    public ApplicationView revoke(String email, UUID id, String reason) {
        AccountSummary office = access.requester(email);
        Application application = access.decidable(office, id);
        String why = FormText.multiLine(reason, "Le motif", 4000);
        if (why == null) {
            throw new BadInputException("Indiquez le motif de la révocation de la décision.");
        }
        if (application.getDecision() == null || application.getState() != application.getDecision().leadsTo()) {
            throw new ConflictException("Aucune décision de recevabilité en vigueur à révoquer : la candidature est à "
                    + "l'état « " + application.getState().label() + " ».");
        }
        states.change(application, ApplicationState.SUBMITTED, office.id(), "Décision révoquée : " + why);
        application.clearDecision(clock.instant());
        applications.save(application);
        directory.find(application.getCandidateId()).ifPresent(candidate ->
                mails.revoked(candidate, title(application.getCertificationCode()), application.getId(), why));
        return view(application, office);
    }

    /** The candidate withdraws their application (before the jury). */
    public ApplicationView withdraw(String email, UUID id, String reason) {
        AccountSummary requester = access.requester(email);
        Application application = access.fillable(requester, id);
        String why = FormText.multiLine(reason, "Le motif", 4000);
        states.change(application, ApplicationState.WITHDRAWN, requester.id(),
                why == null ? "Candidature retirée." : "Candidature retirée : " + why);
        return view(application, requester);
    }

    /** The application's history, oldest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(String email, UUID id) {
        Application application = access.readable(access.requester(email), id);
        List<StateChange> changes = states.history(application.getId());
        Map<UUID, AccountSummary> people = directory.findAll(changes.stream().map(StateChange::getBy)
                .collect(Collectors.toSet()));
        return changes.stream().map(c -> new HistoryEntry(c.getFrom(), c.getTo(), c.getAt(), c.getBy(),
                people.containsKey(c.getBy()) ? people.get(c.getBy()).displayName() : "Compte supprimé",
                c.getReason())).toList();
    }

    /** What is still missing before submission (empty when the request can be submitted). */
    List<String> missing(Application application) {
        return missing(application, documents.findByApplicationIdOrderByUploadedAtAsc(application.getId()));
    }

    private List<String> missing(Application application, List<ApplicationDocument> attached) {
        List<DocumentKind> kinds = attached.stream()
                .filter(d -> !d.isDeleted()).map(ApplicationDocument::getKind).toList();
        return AdmissibilityPolicies.missing(new Submission(read(application.getForm()), kinds,
                !application.awaitsCandidateConfirmation()));
    }

    private void deleteIdentityDocuments(Application application) {
        for (ApplicationDocument document : documents.findByApplicationIdOrderByUploadedAtAsc(application.getId())) {
            if (document.getKind() == DocumentKind.IDENTITY && !document.isDeleted()) {
                files.delete(document.getFileId());
                document.markDeleted(clock.instant());
                documents.save(document);
            }
        }
    }

    /** What many views share, read once: the catalogue and the people named. */
    /** What the views of a list share, read in a few queries whatever the list's length (the office queue). */
    private record Context(Map<String, CertificationView> catalogue, Map<UUID, AccountSummary> people,
            Map<UUID, List<ApplicationDocument>> documents) {
    }

    private Context context(Collection<Application> found) {
        Map<String, CertificationView> catalogue = certifications.list().stream()
                .collect(Collectors.toMap(CertificationView::code, Function.identity(), (a, b) -> a));
        Set<UUID> ids = new java.util.HashSet<>();
        found.forEach(a -> {
            ids.add(a.getCandidateId());
            if (a.getDecidedBy() != null) {
                ids.add(a.getDecidedBy());
            }
        });
        Map<UUID, List<ApplicationDocument>> attached = found.isEmpty() ? Map.of()
                : documents.findByApplicationIdInOrderByUploadedAtAsc(found.stream().map(Application::getId).toList())
                        .stream().collect(Collectors.groupingBy(ApplicationDocument::getApplicationId));
        return new Context(catalogue, directory.findAll(ids), attached);
    }

    private List<ApplicationView> views(Collection<Application> found, AccountSummary requester) {
        Context context = context(found);
        return found.stream().map(a -> view(a, requester, context)).toList();
    }

    ApplicationView view(Application a, AccountSummary requester) {
        return view(a, requester, context(List.of(a)));
    }

    private ApplicationView view(Application a, AccountSummary requester, Context context) {
        AccountSummary candidate = context.people().get(a.getCandidateId());
        String decidedBy = a.getDecidedBy() == null ? null : context.people().containsKey(a.getDecidedBy())
                ? context.people().get(a.getDecidedBy()).displayName() : "Compte supprimé";
        boolean office = ApplicationAccess.isOffice(requester);
        AdmissibilityForm form = read(a.getForm());
        CertificationView certification = context.catalogue().get(a.getCertificationCode());
        int minimum = certification == null ? CertificationSetting.DEFAULT_MINIMUM_EXPERIENCE_YEARS
                : certification.minimumExperienceYears();
        String title = certification == null ? a.getCertificationCode() : certification.title();
        ExperienceCheck check = null;
        if (office) {
            Decision decision = new ExperienceThreshold(minimum).check(form);
            check = new ExperienceCheck(decision.isAllowed(), minimum, decision.isAllowed()
                    ? "Le candidat déclare " + AdmissibilityPolicies.years(form.fieldExperienceYears())
                            + " d'expérience en lien avec la certification (" + minimum + " ans requis)."
                    : decision.reason());
        }
        List<ApplicationDocument> attached = context.documents().getOrDefault(a.getId(), List.of());
        List<DocumentView> docs = attached.stream().map(DocumentView::of).toList();
        LocalDate deadline = a.getState() == ApplicationState.SUBMITTED && a.getReceivedOn() != null
                ? a.getReceivedOn().plus(DECISION_DELAY) : null;
        Instant since = a.getSubmittedAt() != null ? a.getSubmittedAt() : a.getCreatedAt();
        long age = Math.max(0, Duration.between(since, clock.instant()).toDays());
        return new ApplicationView(a.getId(), a.getCertificationCode(), title,
                a.getFrameworkVersion(), a.getRoute(), a.getRoute().label(), a.getState(), a.getState().label(),
                a.getCandidateId(), candidate == null ? "Compte supprimé" : candidate.displayName(),
                a.getOrganisationId(), a.isOnBehalf(), !a.awaitsCandidateConfirmation(), a.getCreatedAt(),
                a.getSubmittedAt(), a.getReceivedOn(), a.getDecision(), a.getDecisionReason(), a.getDecidedAt(),
                decidedBy, nextStep(a, requester), deadline, age,
                a.getState().formEditable() ? missing(a, attached) : List.of(), check, docs, a.version());
    }

    /** The next step, as the person looking at it should read it. */
    static String nextStep(Application a, AccountSummary viewer) {
        if (a.awaitsCandidateConfirmation()) {
            return a.getCandidateId().equals(viewer.id())
                    ? "Confirmez cette candidature faite pour vous par les RH de votre organisme."
                    : "Le candidat doit confirmer cette candidature faite pour lui.";
        }
        if (ApplicationAccess.isOffice(viewer) && !a.getCandidateId().equals(viewer.id())) {
            return switch (a.getState()) {
                case SUBMITTED -> "Décidez de la recevabilité (favorable, défavorable ou incomplète).";
                case DOSSIER_SUBMITTED -> "Programmez l'évaluation du candidat.";
                default -> a.getState().candidateNextStep();
            };
        }
        return a.getState().candidateNextStep();
    }

    private AccountSummary candidate(AccountSummary requester, UUID candidateId) {
        if (candidateId == null || candidateId.equals(requester.id())) {
            return requester;
        }
        if (!requester.holds(Role.ORG_HR) || requester.organisationId() == null) {
            throw new AccessDeniedException("Seuls les RH d'un organisme font une demande pour un de ses salariés.");
        }
        return directory.find(candidateId).filter(p -> requester.organisationId().equals(p.organisationId()))
                .orElseThrow(() -> new NotFoundException("Personne introuvable dans votre organisme."));
    }

    private void requireEditable(Application application) {
        if (!application.getState().formEditable()) {
            throw new ConflictException("La candidature est à l'état « " + application.getState().label()
                    + " » : le dossier de recevabilité ne se modifie plus.");
        }
    }

    private String title(String code) {
        return certifications.find(code).map(CertificationView::title).orElse(code);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    AdmissibilityForm read(String text) {
        if (text == null) {
            return AdmissibilityForm.empty();
        }
        try {
            return json.readValue(text, AdmissibilityForm.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored admissibility form unreadable", e);
        }
    }

    private String write(AdmissibilityForm form) {
        try {
            return json.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Admissibility form not writable", e);
        }
    }

    private static ApplicationRoute route(String value) {
        return Stream.of(ApplicationRoute.values()).filter(r -> r.name().equals(value == null ? "" : value.strip()))
                .findFirst().orElseThrow(() -> new BadInputException("Choisissez la voie d'accès (route) : VAE, "
                        + "TRAINING (formation) ou MIXED (parcours mixte)."));
    }

    private static DocumentKind documentKind(String value) {
        return Stream.of(DocumentKind.values()).filter(k -> k.name().equals(value == null ? "" : value.strip()))
                .findFirst().orElseThrow(() -> new BadInputException("Choisissez le type du justificatif (kind) : "
                        + Stream.of(DocumentKind.values()).map(k -> k.name() + " (" + k.label() + ")")
                                .collect(Collectors.joining(", ")) + "."));
    }

    private static AdmissibilityDecision decision(String value) {
        return Stream.of(AdmissibilityDecision.values()).filter(d -> d.name().equals(value == null ? "" : value.strip()))
                .findFirst().orElseThrow(() -> new BadInputException("La décision (decision) est FAVOURABLE, "
                        + "UNFAVOURABLE ou INCOMPLETE."));
    }
}
