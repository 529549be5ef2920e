package fr.referentia.workforce;

import fr.referentia.framework.FrameworkNotFoundException;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.ItemCitation;
import fr.referentia.framework.ItemCitations;
import fr.referentia.framework.ItemCitations.CitedItem;
import fr.referentia.framework.ItemSuccessor;
import fr.referentia.framework.ItemType;
import fr.referentia.framework.VersionDiff;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job profiles (fiches de poste): HR of an organisation builds them from published referentials, copies a
 * branch template, migrates them to a newer version of a referential; the organisation's people read them.
 * Rules: each requirement cites a competency (or competency element) of a <em>published</em> version; the
 * level is on the organisation's scale; an item appears once.
 */
@Service
@Transactional
public class JobProfiles {

    /** The item types a job may require and a person may be assessed on. */
    public static final Set<ItemType> ASSESSABLE = Set.of(ItemType.COMPETENCY, ItemType.ELEMENT);

    public record RequirementInput(String frameworkCode, String version, String itemCode, Integer level,
            String importance) {
    }

    public record JobProfileInput(String title, String mission, String reportingLine, String conditions,
            List<RequirementInput> requirements) {
    }

    /** A requirement as shown: the citation, its text, the level and its label, and the newer version if any. */
    public record RequirementView(String frameworkCode, String version, String itemCode, int level, String levelLabel,
            Importance importance, String text, String frameworkTitle, String parentCode) {
    }

    public record JobProfileView(UUID id, UUID organisationId, String title, String mission, String reportingLine,
            String conditions, List<RequirementView> requirements, UUID copiedFrom, String templateKey,
            Instant updatedAt, List<String> outdatedReferentials) {
    }

    /** One requirement in a migration to a newer version: what became of it. */
    public record MigrationLine(ItemCitation cited, String newerVersion, Set<ItemSuccessor.Change> changes,
            String oldText, String newText, List<VersionDiff.Word> words, int level, Importance importance) {

        public boolean removed() {
            return changes.contains(ItemSuccessor.Change.REMOVED);
        }

        public boolean reworded() {
            return changes.contains(ItemSuccessor.Change.REWORDED);
        }

        public boolean same() {
            return changes.contains(ItemSuccessor.Change.SAME);
        }
    }

    public record MigrationPreview(String frameworkCode, String fromVersion, String toVersion, List<MigrationLine> lines) {
    }

    private final JobProfileRepository profiles;
    private final WorkforceAccess access;
    private final Workforce workforce;
    private final ItemCitations citations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JobProfiles(JobProfileRepository profiles, WorkforceAccess access, Workforce workforce, ItemCitations citations,
            ApplicationEventPublisher events, Clock clock) {
        this.profiles = profiles;
        this.access = access;
        this.workforce = workforce;
        this.citations = citations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<JobProfileView> list(String requesterEmail, UUID organisationId) {
        access.requireMember(requesterEmail, organisationId);
        ProficiencyScale scale = workforce.scaleOf(organisationId);
        return profiles.findByOrganisationIdOrderByTitleAsc(organisationId).stream().map(p -> view(p, scale)).toList();
    }

    @Transactional(readOnly = true)
    public JobProfileView get(String requesterEmail, UUID organisationId, UUID id) {
        access.requireMember(requesterEmail, organisationId);
        return view(find(organisationId, id), workforce.scaleOf(organisationId));
    }

    /** The branch's starting templates, which any organisation may copy. */
    @Transactional(readOnly = true)
    public List<JobProfileView> templates() {
        return profiles.findByOrganisationIdIsNullOrderByTitleAsc().stream()
                .map(p -> view(p, ProficiencyScale.DEFAULT)).toList();
    }

    public JobProfileView create(String requesterEmail, UUID organisationId, JobProfileInput input) {
        access.requireHr(requesterEmail, organisationId);
        JobProfile profile = new JobProfile(organisationId, null, null, clock.instant());
        apply(profile, input, workforce.scaleOf(organisationId), List.of());
        profiles.saveAndFlush(profile);
        events.publishEvent(AuditEvent.of("JOB_PROFILE_CREATED", "JOB_PROFILE", profile.getId().toString())
                .by(requesterEmail));
        return view(profile, workforce.scaleOf(organisationId));
    }

    public JobProfileView update(String requesterEmail, UUID organisationId, UUID id, JobProfileInput input) {
        access.requireHr(requesterEmail, organisationId);
        JobProfile profile = find(organisationId, id);
        apply(profile, input, workforce.scaleOf(organisationId), profile.getRequirements());
        profiles.saveAndFlush(profile);
        events.publishEvent(AuditEvent.of("JOB_PROFILE_CHANGED", "JOB_PROFILE", profile.getId().toString())
                .by(requesterEmail));
        return view(profile, workforce.scaleOf(organisationId));
    }

    /** A copy of a branch template in the organisation, levels capped to the organisation's scale. */
    public JobProfileView copyTemplate(String requesterEmail, UUID organisationId, UUID templateId) {
        access.requireHr(requesterEmail, organisationId);
        JobProfile template = profiles.findById(templateId).filter(JobProfile::isTemplate)
                .orElseThrow(() -> new BadInputException("Modèle de fiche de poste introuvable."));
        ProficiencyScale scale = workforce.scaleOf(organisationId);
        JobProfile copy = new JobProfile(organisationId, null, template.getId(), clock.instant());
        copy.describe(template.getTitle(), template.getMission(), template.getReportingLine(), template.getConditions(),
                clock.instant());
        copy.replaceRequirements(template.getRequirements().stream().map(r -> new JobRequirement(r.citation(),
                Math.min(r.getLevel(), scale.size()), r.getImportance())).toList(), clock.instant());
        profiles.saveAndFlush(copy);
        events.publishEvent(AuditEvent.of("JOB_PROFILE_CREATED", "JOB_PROFILE", copy.getId().toString())
                .by(requesterEmail));
        return view(copy, scale);
    }

    /** What migrating the profile's requirements of one referential to its latest published version changes. */
    @Transactional(readOnly = true)
    public MigrationPreview migrationPreview(String requesterEmail, UUID organisationId, UUID id, String frameworkCode) {
        access.requireHr(requesterEmail, organisationId);
        return preview(find(organisationId, id), frameworkCode);
    }

    /**
     * Accepts the migration previewed for {@code toVersion}: unchanged, reworded and moved requirements now cite
     * the newer version with their level and importance; removed ones are dropped. Refused (409) when the latest
     * published version is no longer {@code toVersion}.
     */
    public JobProfileView acceptMigration(String requesterEmail, UUID organisationId, UUID id, String frameworkCode,
            String toVersion) {
        access.requireHr(requesterEmail, organisationId);
        JobProfile profile = find(organisationId, id);
        MigrationPreview preview = preview(profile, frameworkCode);
        if (!preview.toVersion().equals(toVersion)) {
            throw new fr.referentia.shared.ConflictException("La dernière version publiée du référentiel « "
                    + frameworkCode + " » est « " + preview.toVersion() + " » : relisez l'aperçu de la migration.");
        }
        Map<String, MigrationLine> byCode = new HashMap<>();
        preview.lines().forEach(line -> byCode.put(line.cited().itemCode(), line));
        List<JobRequirement> migrated = new ArrayList<>();
        for (JobRequirement r : profile.getRequirements()) {
            MigrationLine line = r.getFrameworkCode().equals(frameworkCode) ? byCode.get(r.getItemCode()) : null;
            if (line == null) {
                migrated.add(r);
            } else if (!line.removed()) {
                migrated.add(new JobRequirement(r.citation().inVersion(toVersion), r.getLevel(), r.getImportance()));
            }
        }
        profile.replaceRequirements(migrated, clock.instant());
        profiles.saveAndFlush(profile);
        events.publishEvent(AuditEvent.of("JOB_PROFILE_MIGRATED", "JOB_PROFILE", profile.getId().toString())
                .by(requesterEmail));
        return view(profile, workforce.scaleOf(organisationId));
    }

    /** Creates or refreshes a branch template (startup, seeds); its requirements are trusted. */
    JobProfile saveTemplate(String key, String title, String mission, String reportingLine, String conditions,
            List<JobRequirement> requirements) {
        JobProfile template = profiles.findByTemplateKey(key)
                .orElseGet(() -> new JobProfile(null, key, null, clock.instant()));
        template.describe(title, mission, reportingLine, conditions, clock.instant());
        template.replaceRequirements(requirements, clock.instant());
        return profiles.save(template);
    }

    private MigrationPreview preview(JobProfile profile, String frameworkCode) {
        List<JobRequirement> cited = profile.getRequirements().stream()
                .filter(r -> r.getFrameworkCode().equals(frameworkCode)).toList();
        if (cited.isEmpty()) {
            throw new BadInputException("La fiche de poste ne cite aucun élément du référentiel « " + frameworkCode + " ».");
        }
        String latest = citations.latestPublishedVersion(frameworkCode).orElseThrow(
                () -> new BadInputException("Le référentiel « " + frameworkCode + " » n'a pas de version publiée."));
        List<MigrationLine> lines = new ArrayList<>();
        String from = null;
        for (JobRequirement r : cited) {
            from = r.getFrameworkVersion();
            Optional<ItemSuccessor> successor = citations.successorInLatest(r.citation());
            if (successor.isEmpty()) {
                continue;
            }
            ItemSuccessor s = successor.get();
            lines.add(new MigrationLine(r.citation(), s.newerVersion(), s.changes(), s.oldText(), s.newText(),
                    s.is(ItemSuccessor.Change.REWORDED) ? VersionDiff.words(s.oldText(), s.newText()) : List.of(),
                    r.getLevel(), r.getImportance()));
        }
        if (lines.isEmpty()) {
            throw new BadInputException("La fiche de poste cite déjà la dernière version publiée (« " + latest
                    + " ») du référentiel « " + frameworkCode + " ».");
        }
        return new MigrationPreview(frameworkCode, from, latest, lines);
    }

    private void apply(JobProfile profile, JobProfileInput input, ProficiencyScale scale, List<JobRequirement> before) {
        if (input == null) {
            throw new BadInputException("La fiche de poste est vide : indiquez au moins son intitulé.");
        }
        String title = Texts.oneLine(input.title(), "L'intitulé du poste", 200, true);
        String mission = Texts.multiLine(input.mission(), "La mission", 10000);
        String reporting = Texts.oneLine(input.reportingLine(), "Le rattachement hiérarchique", 500, false);
        String conditions = Texts.multiLine(input.conditions(), "Les conditions d'exercice", 5000);
        List<JobRequirement> requirements = requirements(input.requirements(), scale, before);
        profile.describe(title, mission, reporting, conditions, clock.instant());
        profile.replaceRequirements(requirements, clock.instant());
    }

    private List<JobRequirement> requirements(List<RequirementInput> input, ProficiencyScale scale,
            List<JobRequirement> before) {
        if (input == null) {
            return List.of();
        }
        if (input.size() > 500) {
            throw new BadInputException("Une fiche de poste compte au plus 500 compétences requises.");
        }
        Set<ItemCitation> kept = new HashSet<>();
        before.forEach(r -> kept.add(r.citation()));
        Set<String> seen = new HashSet<>();
        List<JobRequirement> requirements = new ArrayList<>();
        int line = 0;
        for (RequirementInput r : input) {
            line++;
            if (r == null) {
                throw new BadInputException("Compétence requise n° " + line + " vide.");
            }
            String where = "Compétence requise n° " + line + " : ";
            ItemCitation citation = cite(r.frameworkCode(), r.version(), r.itemCode(), where);
            boolean alreadyCited = kept.contains(citation);
            CitedItem item = resolve(citation, where);
            if (item.versionStatus() != FrameworkStatus.PUBLISHED && !alreadyCited) {
                throw new BadInputException(where + "la version « " + citation.version() + " » du référentiel « "
                        + citation.frameworkCode() + " » n'est pas la version publiée : citez une version publiée.");
            }
            if (!ASSESSABLE.contains(item.type())) {
                throw new BadInputException(where + "« " + citation.itemCode() + " » est un(e) "
                        + item.typeName().toLowerCase(Locale.FRENCH)
                        + ", pas une compétence : une fiche de poste requiert des compétences (cochez une activité "
                        + "pour en prendre toutes les compétences).");
            }
            if (!seen.add(citation.frameworkCode() + "/" + citation.itemCode())) {
                throw new BadInputException(where + "« " + citation.itemCode() + " » du référentiel « "
                        + citation.frameworkCode() + " » est déjà requise par la fiche.");
            }
            scale.require(r.level(), where + "le niveau requis");
            requirements.add(new JobRequirement(citation, r.level(), importance(r.importance(), where)));
        }
        return requirements;
    }

    /** A citation from what was sent; without a version, the latest published one. */
    ItemCitation cite(String frameworkCode, String version, String itemCode, String where) {
        if (frameworkCode == null || frameworkCode.isBlank() || itemCode == null || itemCode.isBlank()) {
            throw new BadInputException(where + "indiquez le code du référentiel (frameworkCode) et celui de la "
                    + "compétence (itemCode).");
        }
        String cited = version == null || version.isBlank()
                ? citations.latestPublishedVersion(frameworkCode.strip()).orElseThrow(() -> new BadInputException(
                        where + "le référentiel « " + frameworkCode.strip() + " » n'existe pas ou n'a pas de version publiée."))
                : version;
        if (frameworkCode.length() > 80 || cited.length() > 40 || itemCode.length() > 80) {
            throw new BadInputException(where + "code de référentiel, de version ou d'élément trop long.");
        }
        return new ItemCitation(frameworkCode, cited, itemCode);
    }

    /** The cited item; an unknown referential, version or item (or a draft) is bad input here. */
    CitedItem resolve(ItemCitation citation, String where) {
        try {
            return citations.resolve(citation);
        } catch (FrameworkNotFoundException e) {
            throw new BadInputException(where + e.getMessage());
        }
    }

    private static Importance importance(String value, String where) {
        if (value == null || value.isBlank()) {
            return Importance.ESSENTIAL;
        }
        for (Importance importance : Importance.values()) {
            if (importance.name().equals(value.strip())) {
                return importance;
            }
        }
        throw new BadInputException(where + "l'importance « " + value.strip()
                + " » n'existe pas : ESSENTIAL (essentielle) ou OPTIONAL (optionnelle).");
    }

    private JobProfile find(UUID organisationId, UUID id) {
        return profiles.findByIdAndOrganisationId(id, organisationId)
                .orElseThrow(() -> new NotFoundException("Fiche de poste introuvable."));
    }

    JobProfileView view(JobProfile p, ProficiencyScale scale) {
        List<RequirementView> requirements = new ArrayList<>();
        Set<String> outdated = new java.util.TreeSet<>();
        Map<String, Optional<String>> latest = new HashMap<>();
        for (JobRequirement r : p.getRequirements()) {
            // Cited versions are published or retired ones, never deleted: the citation always resolves.
            CitedItem item = citations.resolve(r.citation());
            requirements.add(new RequirementView(r.getFrameworkCode(), r.getFrameworkVersion(), r.getItemCode(),
                    r.getLevel(), scale.label(r.getLevel()), r.getImportance(), item.text(), item.frameworkTitle(),
                    item.parentCode()));
            Optional<String> newest = latest.computeIfAbsent(r.getFrameworkCode(), citations::latestPublishedVersion);
            if (newest.isPresent() && !newest.get().equals(r.getFrameworkVersion())) {
                outdated.add(r.getFrameworkCode());
            }
        }
        return new JobProfileView(p.getId(), p.getOrganisationId(), p.getTitle(), p.getMission(), p.getReportingLine(),
                p.getConditions(), requirements, p.getCopiedFrom(), p.getTemplateKey(), p.getUpdatedAt(),
                List.copyOf(outdated));
    }
}
