package fr.referentia.workforce;

import fr.referentia.framework.ItemCitation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workforce module's public API for other modules (certification: seniority for R2, a person's
 * assessed portfolio) and for the module's own analyses (gap, heat map, plans, career interviews):
 * plain records, read-only, no authorisation (callers check it, e.g. with {@link WorkforceAccess}).
 */
@Service
@Transactional(readOnly = true)
public class Workforce {

    /**
     * What the organisation knows of a person's job: the current job profile and since when the person
     * holds it (seniority in the job, R2), the date of their first job in the organisation (hiring), the
     * current team and its manager. Absent fields are null (no team, no profile).
     */
    public record EmployeeFacts(UUID personId, UUID organisationId, UUID jobProfileId, String jobTitle,
            LocalDate jobSince, LocalDate hiredOn, UUID teamId, String teamName, UUID managerId) {
    }

    /** One assessment of one competency, as recorded (never changed). {@code level} is null when not observed. */
    public record AssessedCompetency(UUID assessmentId, ItemCitation citation, AssessmentSource source,
            Integer level, boolean notObserved, String comment, UUID assessorId, LocalDate observedOn,
            Instant assessedAt) {

        static AssessedCompetency of(Assessment a) {
            return new AssessedCompetency(a.getId(), a.citation(), a.getSource(), a.getLevel(), a.isNotObserved(),
                    a.getComment(), a.getAssessorId(), a.getObservedOn(), a.getAssessedAt());
        }

        /** The key of a competency whatever the version assessed: referential code and item code. */
        public String itemKey() {
            return citation.frameworkCode() + "/" + citation.itemCode();
        }
    }

    /** A competency a job requires: the cited item (with the version it was taken from), level, importance. */
    public record RequiredCompetency(ItemCitation citation, int level, Importance importance) {
    }

    /** A job profile of an organisation (or a branch template: {@code organisationId} null). */
    public record JobProfileSummary(UUID id, UUID organisationId, String title, List<RequiredCompetency> requirements) {

        static JobProfileSummary of(JobProfile p) {
            return new JobProfileSummary(p.getId(), p.getOrganisationId(), p.getTitle(), p.getRequirements().stream()
                    .map(r -> new RequiredCompetency(r.citation(), r.getLevel(), r.getImportance())).toList());
        }
    }

    public record TeamSummary(UUID id, UUID organisationId, String name, UUID managerId) {

        static TeamSummary of(Team t) {
            return new TeamSummary(t.getId(), t.getOrganisationId(), t.getName(), t.getManagerId());
        }
    }

    private final JobAssignmentRepository assignments;
    private final JobProfileRepository profiles;
    private final TeamRepository teams;
    private final AssessmentRepository assessments;
    private final ScaleLevelRepository scaleLevels;

    Workforce(JobAssignmentRepository assignments, JobProfileRepository profiles, TeamRepository teams,
            AssessmentRepository assessments, ScaleLevelRepository scaleLevels) {
        this.assignments = assignments;
        this.profiles = profiles;
        this.teams = teams;
        this.assessments = assessments;
        this.scaleLevels = scaleLevels;
    }

    /** The person's current job, team and dates; empty when the person has never been assigned a job. */
    public Optional<EmployeeFacts> factsOf(UUID personId) {
        List<JobAssignment> history = assignments.findByPersonIdOrderBySinceDescRecordedAtDesc(personId);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(facts(history, teamsById(history), profilesById(history)));
    }

    /** Every person with a current job in the organisation (three queries, whatever its size). */
    public List<EmployeeFacts> employeesOf(UUID organisationId) {
        List<JobAssignment> all = assignments.findByOrganisationId(organisationId);
        List<JobAssignment> current = all.stream().filter(JobAssignment::isCurrent).toList();
        Map<UUID, Team> byTeam = teamsById(current);
        Map<UUID, JobProfile> byProfile = profilesById(current);
        Map<UUID, LocalDate> hired = new LinkedHashMap<>();
        all.forEach(a -> hired.merge(a.getPersonId(), a.getSince(), (x, y) -> x.isBefore(y) ? x : y));
        List<EmployeeFacts> facts = new ArrayList<>();
        for (JobAssignment a : current) {
            facts.add(facts(a, hired.get(a.getPersonId()), byTeam, byProfile));
        }
        return facts;
    }

    /** {@link #latestAssessments(UUID)} of everyone assessed in the organisation, by person (one query). */
    public Map<UUID, List<AssessedCompetency>> latestAssessmentsIn(UUID organisationId) {
        Map<UUID, List<Assessment>> byPerson = assessments.findByOrganisationIdOrderByAssessedAtDescIdAsc(organisationId)
                .stream().collect(Collectors.groupingBy(Assessment::getPersonId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, List<AssessedCompetency>> latest = new LinkedHashMap<>();
        byPerson.forEach((person, list) -> latest.put(person, latest(list)));
        return latest;
    }

    /** The latest assessment of each competency (referential and item code) by each source, newest first. */
    public List<AssessedCompetency> latestAssessments(UUID personId) {
        return latest(assessments.findByPersonIdOrderByAssessedAtDescIdAsc(personId));
    }

    /** {@link #latestAssessments(UUID)} of several people at once (heat maps, plans). */
    public Map<UUID, List<AssessedCompetency>> latestAssessments(Collection<UUID> personIds) {
        Map<UUID, List<Assessment>> byPerson = assessments.findByPersonIdInOrderByAssessedAtDescIdAsc(personIds)
                .stream().collect(Collectors.groupingBy(Assessment::getPersonId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, List<AssessedCompetency>> latest = new LinkedHashMap<>();
        personIds.forEach(id -> latest.put(id, latest(byPerson.getOrDefault(id, List.of()))));
        return latest;
    }

    /** Every assessment of the person, newest first. */
    public List<AssessedCompetency> assessmentHistory(UUID personId) {
        return assessments.findByPersonIdOrderByAssessedAtDescIdAsc(personId).stream().map(AssessedCompetency::of)
                .toList();
    }

    /** A job profile of the organisation; empty for another organisation's. */
    public Optional<JobProfileSummary> jobProfile(UUID organisationId, UUID jobProfileId) {
        return profiles.findByIdAndOrganisationId(jobProfileId, organisationId).map(JobProfileSummary::of);
    }

    public List<JobProfileSummary> jobProfiles(UUID organisationId) {
        return profiles.findByOrganisationIdOrderByTitleAsc(organisationId).stream().map(JobProfileSummary::of)
                .toList();
    }

    public List<TeamSummary> teams(UUID organisationId) {
        return teams.findByOrganisationIdOrderByNameAsc(organisationId).stream().map(TeamSummary::of).toList();
    }

    /** The organisation's proficiency scale (the default four levels unless it set its own). */
    public ProficiencyScale scaleOf(UUID organisationId) {
        List<ScaleLevel> own = organisationId == null ? List.of()
                : scaleLevels.findByOrganisationIdOrderByRankAsc(organisationId);
        return own.isEmpty() ? ProficiencyScale.DEFAULT
                : new ProficiencyScale(own.stream().map(ScaleLevel::level).toList());
    }

    private static List<AssessedCompetency> latest(List<Assessment> newestFirst) {
        Map<String, Assessment> latest = new LinkedHashMap<>();
        for (Assessment a : newestFirst) {
            latest.putIfAbsent(a.getFrameworkCode() + "/" + a.getItemCode() + "/" + a.getSource(), a);
        }
        return latest.values().stream().map(AssessedCompetency::of).toList();
    }

    private EmployeeFacts facts(List<JobAssignment> newestFirst, Map<UUID, Team> byTeam,
            Map<UUID, JobProfile> byProfile) {
        JobAssignment latest = newestFirst.get(0);
        LocalDate hiredOn = newestFirst.stream().filter(a -> a.getOrganisationId().equals(latest.getOrganisationId()))
                .map(JobAssignment::getSince).min(Comparator.naturalOrder()).orElse(latest.getSince());
        return facts(latest, hiredOn, byTeam, byProfile);
    }

    private static EmployeeFacts facts(JobAssignment a, LocalDate hiredOn, Map<UUID, Team> byTeam,
            Map<UUID, JobProfile> byProfile) {
        boolean current = a.isCurrent();
        Team team = current && a.getTeamId() != null ? byTeam.get(a.getTeamId()) : null;
        JobProfile profile = current && a.getJobProfileId() != null ? byProfile.get(a.getJobProfileId()) : null;
        return new EmployeeFacts(a.getPersonId(), a.getOrganisationId(), profile == null ? null : profile.getId(),
                profile == null ? null : profile.getTitle(), current ? a.getSince() : null, hiredOn,
                team == null ? null : team.getId(), team == null ? null : team.getName(),
                team == null ? null : team.getManagerId());
    }

    private Map<UUID, Team> teamsById(List<JobAssignment> list) {
        return teams.findAllById(list.stream().map(JobAssignment::getTeamId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Team::getId, Function.identity()));
    }

    private Map<UUID, JobProfile> profilesById(List<JobAssignment> list) {
        return profiles.findAllById(list.stream().map(JobAssignment::getJobProfileId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(JobProfile::getId, Function.identity()));
    }
}
