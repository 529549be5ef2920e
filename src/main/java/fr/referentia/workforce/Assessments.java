package fr.referentia.workforce;

import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.ItemCitation;
import fr.referentia.framework.ItemCitations;
import fr.referentia.framework.ItemCitations.CitedItem;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.audit.AuditEvent;
import fr.referentia.shared.files.FileStorage;
import fr.referentia.shared.files.StoredFile;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self and manager assessments of a person's competencies, with their evidence. Append-only: a new
 * assessment is a new row, so each competency's history stays visible and self and manager can be read
 * side by side.
 * <p>
 * Rules (issue 12, « Bad input »): the item is a competency or competency element of a published version
 * of a referential (by default its latest published version); the level is on the organisation's scale,
 * or the competency is marked not observed (never both); the observation date is not in the future. The
 * person assesses any competency (those of their job profile and any other they want to show); their
 * manager assesses the competencies of the person's current job profile and those the person has shown
 * (self-assessed); HR reads but does not assess; anyone else never learns the person exists.
 */
@Service
@Transactional
public class Assessments {

    static final String EVIDENCE_PURPOSE = AssessmentEvidencePurpose.NAME;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    public record AssessmentInput(String frameworkCode, String version, String itemCode, Integer level,
            Boolean notObserved, String comment, String observedOn, List<String> links) {
    }

    public record EvidenceView(UUID id, UUID fileId, String link, String label, Instant addedAt) {
    }

    public record AssessmentView(UUID id, String frameworkCode, String version, String itemCode, Integer level,
            String levelLabel, boolean notObserved, String comment, AssessmentSource source, UUID assessorId,
            String assessorName, LocalDate observedOn, Instant assessedAt, List<EvidenceView> evidence) {
    }

    /**
     * One competency of a person's portfolio, self and manager side by side: what the job requires (if it
     * does), the latest self and manager assessments, and whether they disagree.
     */
    public record PortfolioLine(String frameworkCode, String version, String itemCode, String text,
            Integer required, String requiredLabel, Importance importance, AssessmentView self,
            AssessmentView manager, boolean disagreement) {
    }

    public record Portfolio(UUID personId, String displayName, PersonRelation relation, ProficiencyScale scale,
            String jobTitle, List<PortfolioLine> lines) {
    }

    private final AssessmentRepository assessments;
    private final AssessmentEvidenceRepository evidence;
    private final WorkforceAccess access;
    private final Workforce workforce;
    private final JobProfiles jobProfiles;
    private final AccountDirectory directory;
    private final FileStorage files;
    private final ItemCitations citations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assessments(AssessmentRepository assessments, AssessmentEvidenceRepository evidence, WorkforceAccess access,
            Workforce workforce, JobProfiles jobProfiles, AccountDirectory directory, FileStorage files,
            ItemCitations citations, ApplicationEventPublisher events, Clock clock) {
        this.assessments = assessments;
        this.evidence = evidence;
        this.access = access;
        this.workforce = workforce;
        this.jobProfiles = jobProfiles;
        this.directory = directory;
        this.files = files;
        this.citations = citations;
        this.events = events;
        this.clock = clock;
    }

    /** Records an assessment by the person (SELF) or their manager (MANAGER). */
    public AssessmentView record(String requesterEmail, UUID organisationId, UUID personId, AssessmentInput input) {
        PersonRelation relation = access.requirePerson(requesterEmail, organisationId, personId);
        AssessmentSource source = relation.assessmentSource();
        if (source == null) {
            throw new AccessDeniedException("Les RH consultent les évaluations mais n'évaluent pas : la personne "
                    + "s'auto-évalue et son manager l'évalue.");
        }
        if (input == null) {
            throw new BadInputException("L'évaluation est vide : indiquez la compétence et le niveau.");
        }
        String where = "";
        ItemCitation citation = jobProfiles.cite(input.frameworkCode(), input.version(), input.itemCode(), where);
        CitedItem item = jobProfiles.resolve(citation, where);
        if (item.versionStatus() != FrameworkStatus.PUBLISHED) {
            throw new BadInputException("La version « " + citation.version() + " » du référentiel « "
                    + citation.frameworkCode() + " » n'est pas la version publiée : évaluez la compétence dans la "
                    + "version publiée.");
        }
        if (!JobProfiles.ASSESSABLE.contains(item.type())) {
            throw new BadInputException("« " + citation.itemCode() + " » est un(e) "
                    + item.typeName().toLowerCase(Locale.FRENCH) + " : on n'évalue que des compétences ou des "
                    + "éléments de compétence.");
        }
        if (source == AssessmentSource.MANAGER && !mayManagerAssess(personId, citation)) {
            throw new BadInputException("« " + citation.itemCode() + " » (" + citation.frameworkCode()
                    + ") n'est ni dans la fiche de poste de la personne ni parmi les compétences qu'elle a présentées : "
                    + "le manager évalue les compétences du poste et celles que la personne a auto-évaluées.");
        }
        boolean notObserved = Boolean.TRUE.equals(input.notObserved());
        Integer level = input.level();
        if (notObserved && level != null) {
            throw new BadInputException("Choisissez un niveau ou « pas eu l'occasion de le montrer » (notObserved), "
                    + "pas les deux.");
        }
        ProficiencyScale scale = workforce.scaleOf(organisationId);
        if (!notObserved) {
            scale.require(level, "Le niveau");
        }
        String comment = Texts.multiLine(input.comment(), "Le commentaire", 5000);
        LocalDate today = LocalDate.now(clock);
        LocalDate observedOn = input.observedOn() == null || input.observedOn().isBlank() ? today
                : Staffing.date(input.observedOn(), "La date d'observation (observedOn)");
        if (observedOn.isBefore(Staffing.EARLIEST)) {
            throw new BadInputException("La date d'observation (" + observedOn.format(DAY) + ") est trop ancienne.");
        }
        if (observedOn.isAfter(today)) {
            throw new BadInputException("La date d'observation (" + observedOn.format(DAY)
                    + ") est dans le futur : on évalue ce qui a déjà été observé.");
        }
        List<String> links = links(input.links());
        AccountSummary assessor = access.requester(requesterEmail);
        Assessment assessment = assessments.saveAndFlush(new Assessment(organisationId, personId, citation,
                notObserved ? null : level, comment, source, assessor.id(), observedOn, clock.instant()));
        for (String link : links) {
            evidence.save(AssessmentEvidence.link(assessment.getId(), link, label(link), requesterEmail, clock.instant()));
        }
        events.publishEvent(AuditEvent.of("ASSESSMENT_RECORDED", "ASSESSMENT", assessment.getId().toString())
                .organisation(organisationId).subject(personId).by(requesterEmail));
        return views(List.of(assessment), scale).get(0);
    }

    /** Every assessment of the person, newest first. */
    @Transactional(readOnly = true)
    public List<AssessmentView> history(String requesterEmail, UUID organisationId, UUID personId) {
        access.requirePerson(requesterEmail, organisationId, personId);
        return views(assessments.findByPersonIdOrderByAssessedAtDescIdAsc(personId).stream()
                .filter(a -> a.getOrganisationId().equals(organisationId)).toList(), workforce.scaleOf(organisationId));
    }

    /** Adds a file to an assessment the requester recorded; the storage checks its type and size. */
    public EvidenceView addFile(String requesterEmail, UUID organisationId, UUID personId, UUID assessmentId,
            String originalName, InputStream content) {
        Assessment assessment = ownAssessment(requesterEmail, organisationId, personId, assessmentId);
        StoredFile file = files.store(requesterEmail, EVIDENCE_PURPOSE, originalName, content);
        AssessmentEvidence added = evidence.saveAndFlush(AssessmentEvidence.file(assessment.getId(), file.id(),
                file.originalName(), requesterEmail, clock.instant()));
        events.publishEvent(AuditEvent.of("ASSESSMENT_EVIDENCE_ADDED", "ASSESSMENT", assessment.getId().toString())
                .organisation(organisationId).subject(personId).by(requesterEmail));
        return view(added);
    }

    /** Adds a link to an assessment the requester recorded. */
    public EvidenceView addLink(String requesterEmail, UUID organisationId, UUID personId, UUID assessmentId,
            String link) {
        Assessment assessment = ownAssessment(requesterEmail, organisationId, personId, assessmentId);
        List<String> checked = links(link == null ? null : List.of(link));
        if (checked.isEmpty()) {
            throw new BadInputException("Indiquez le lien (https://…) ou déposez un fichier.");
        }
        AssessmentEvidence added = evidence.saveAndFlush(AssessmentEvidence.link(assessment.getId(), checked.get(0),
                label(checked.get(0)), requesterEmail, clock.instant()));
        return view(added);
    }

    /** The person's competencies, self and manager side by side: their job's first, then the others shown. */
    @Transactional(readOnly = true)
    public Portfolio portfolio(String requesterEmail, UUID organisationId, UUID personId) {
        PersonRelation relation = access.requirePerson(requesterEmail, organisationId, personId);
        ProficiencyScale scale = workforce.scaleOf(organisationId);
        Optional<Workforce.EmployeeFacts> facts = workforce.factsOf(personId);
        List<Workforce.RequiredCompetency> required = facts.map(Workforce.EmployeeFacts::jobProfileId)
                .flatMap(id -> workforce.jobProfile(organisationId, id))
                .map(Workforce.JobProfileSummary::requirements).orElse(List.of());
        List<Assessment> all = assessments.findByPersonIdOrderByAssessedAtDescIdAsc(personId).stream()
                .filter(a -> a.getOrganisationId().equals(organisationId)).toList();
        Map<UUID, AssessmentView> viewed = views(all, scale).stream()
                .collect(Collectors.toMap(AssessmentView::id, v -> v));
        Map<String, Assessment> latestSelf = new LinkedHashMap<>();
        Map<String, Assessment> latestManager = new LinkedHashMap<>();
        for (Assessment a : all) {
            (a.getSource() == AssessmentSource.SELF ? latestSelf : latestManager)
                    .putIfAbsent(a.getFrameworkCode() + "/" + a.getItemCode(), a);
        }
        List<PortfolioLine> lines = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (Workforce.RequiredCompetency r : required) {
            String key = r.citation().frameworkCode() + "/" + r.citation().itemCode();
            done.add(key);
            lines.add(line(r.citation(), r.level(), scale.label(r.level()), r.importance(), latestSelf.get(key),
                    latestManager.get(key), viewed));
        }
        java.util.Set<String> others = new java.util.LinkedHashSet<>(latestSelf.keySet());
        others.addAll(latestManager.keySet());
        for (String key : others) {
            if (done.add(key)) {
                Assessment any = Optional.ofNullable(latestSelf.get(key)).orElse(latestManager.get(key));
                lines.add(line(any.citation(), null, null, null, latestSelf.get(key), latestManager.get(key), viewed));
            }
        }
        String name = directory.find(personId).map(AccountSummary::displayName).orElse("");
        return new Portfolio(personId, name, relation, scale, facts.map(Workforce.EmployeeFacts::jobTitle).orElse(null),
                lines);
    }

    private PortfolioLine line(ItemCitation citation, Integer required, String requiredLabel, Importance importance,
            Assessment self, Assessment manager, Map<UUID, AssessmentView> viewed) {
        // Assessed and required items were resolved when recorded, in versions that are never deleted.
        String text = citations.resolve(citation).text();
        boolean disagreement = self != null && manager != null
                && (self.isNotObserved() != manager.isNotObserved() || !Objects.equals(self.getLevel(), manager.getLevel()));
        return new PortfolioLine(citation.frameworkCode(), citation.version(), citation.itemCode(), text, required,
                requiredLabel, importance, self == null ? null : viewed.get(self.getId()),
                manager == null ? null : viewed.get(manager.getId()), disagreement);
    }

    private boolean mayManagerAssess(UUID personId, ItemCitation citation) {
        String key = citation.frameworkCode() + "/" + citation.itemCode();
        boolean inProfile = workforce.factsOf(personId).map(Workforce.EmployeeFacts::jobProfileId)
                .flatMap(id -> workforce.factsOf(personId).map(Workforce.EmployeeFacts::organisationId)
                        .flatMap(org -> workforce.jobProfile(org, id)))
                .map(p -> p.requirements().stream().anyMatch(r -> (r.citation().frameworkCode() + "/"
                        + r.citation().itemCode()).equals(key)))
                .orElse(false);
        return inProfile || assessments.findByPersonIdOrderByAssessedAtDescIdAsc(personId).stream()
                .anyMatch(a -> a.getSource() == AssessmentSource.SELF
                        && (a.getFrameworkCode() + "/" + a.getItemCode()).equals(key));
    }

    private Assessment ownAssessment(String requesterEmail, UUID organisationId, UUID personId, UUID assessmentId) {
        access.requirePerson(requesterEmail, organisationId, personId);
        AccountSummary requester = access.requester(requesterEmail);
        Assessment assessment = assessments.findById(assessmentId)
                .filter(a -> a.getPersonId().equals(personId) && a.getOrganisationId().equals(organisationId))
                .orElseThrow(() -> new NotFoundException("Évaluation introuvable."));
        if (!assessment.getAssessorId().equals(requester.id())) {
            throw new AccessDeniedException("Seule la personne qui a fait l'évaluation y joint des preuves.");
        }
        return assessment;
    }

    /** A link as its evidence is labelled: the address itself, shortened past 300 characters. */
    private static String label(String link) {
        return link.length() <= 300 ? link : link.substring(0, 299) + "…";
    }

    private static List<String> links(List<String> input) {
        List<String> links = new ArrayList<>();
        if (input == null) {
            return links;
        }
        if (input.size() > 20) {
            throw new BadInputException("Une évaluation porte au plus 20 liens.");
        }
        for (String raw : input) {
            String link = Texts.oneLine(raw, "Le lien", 2000, false);
            if (link == null) {
                continue;
            }
            try {
                URI uri = new URI(link);
                if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                        || uri.getHost() == null) {
                    throw new URISyntaxException(link, "scheme");
                }
            } catch (URISyntaxException e) {
                throw new BadInputException("Le lien « " + link + " » n'est pas une adresse web (https://…).");
            }
            links.add(link);
        }
        return links;
    }

    private List<AssessmentView> views(List<Assessment> list, ProficiencyScale scale) {
        Map<UUID, List<EvidenceView>> byAssessment = list.isEmpty() ? Map.of()
                : evidence.findByAssessmentIdInOrderByAddedAtAsc(list.stream().map(Assessment::getId).toList()).stream()
                        .collect(Collectors.groupingBy(AssessmentEvidence::getAssessmentId,
                                Collectors.mapping(Assessments::view, Collectors.toList())));
        Map<UUID, AccountSummary> assessors = directory.findAll(list.stream().map(Assessment::getAssessorId)
                .collect(Collectors.toSet()));
        return list.stream().map(a -> new AssessmentView(a.getId(), a.getFrameworkCode(), a.getFrameworkVersion(),
                a.getItemCode(), a.getLevel(), a.isNotObserved() ? "Pas eu l'occasion de le montrer" : scale.label(a.getLevel()),
                a.isNotObserved(), a.getComment(), a.getSource(), a.getAssessorId(),
                Optional.ofNullable(assessors.get(a.getAssessorId())).map(AccountSummary::displayName).orElse("Compte supprimé"),
                a.getObservedOn(), a.getAssessedAt(), byAssessment.getOrDefault(a.getId(), List.of()))).toList();
    }

    private static EvidenceView view(AssessmentEvidence e) {
        return new EvidenceView(e.getId(), e.getFileId(), e.getLink(), e.getLabel(), e.getAddedAt());
    }
}
