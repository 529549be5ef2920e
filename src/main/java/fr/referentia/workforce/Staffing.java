package fr.referentia.workforce;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.audit.AuditEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams (with their manager) and people's jobs (team, job profile, since when), recorded by the
 * organisation's HR. A new job ends the current one the day before it starts: the history is kept.
 */
@Service
@Transactional
public class Staffing {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** No job nor observation is dated before this day: an older date is a typing error. */
    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    public record TeamView(UUID id, String name, UUID managerId, String managerName, int members) {
    }

    public record AssignmentView(UUID id, UUID personId, UUID teamId, String teamName, UUID jobProfileId,
            String jobTitle, LocalDate since, LocalDate until) {
    }

    /** A person of the organisation with their current job (null fields when none). */
    public record PersonJob(UUID personId, String displayName, String email, List<Role> roles, UUID teamId,
            String teamName, UUID jobProfileId, String jobTitle, LocalDate since) {
    }

    private final TeamRepository teams;
    private final JobAssignmentRepository assignments;
    private final JobProfileRepository profiles;
    private final WorkforceAccess access;
    private final AccountDirectory directory;
    private final AccountAdministration administration;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Staffing(TeamRepository teams, JobAssignmentRepository assignments, JobProfileRepository profiles,
            WorkforceAccess access, AccountDirectory directory, AccountAdministration administration,
            ApplicationEventPublisher events, Clock clock) {
        this.teams = teams;
        this.assignments = assignments;
        this.profiles = profiles;
        this.access = access;
        this.directory = directory;
        this.administration = administration;
        this.events = events;
        this.clock = clock;
    }

    /** The organisation's teams: its HR sees them all, a manager the teams they manage. */
    @Transactional(readOnly = true)
    public List<TeamView> teams(String requesterEmail, UUID organisationId) {
        AccountSummary requester = access.requireRole(requesterEmail, organisationId,
                "Seuls les RH et les managers de l'organisme voient ses équipes.", Role.ORG_HR, Role.MANAGER);
        List<Team> list = teams.findByOrganisationIdOrderByNameAsc(organisationId).stream()
                .filter(t -> requester.holds(Role.ORG_HR) || t.getManagerId().equals(requester.id())).toList();
        Map<UUID, AccountSummary> managers = directory.findAll(list.stream().map(Team::getManagerId).toList());
        Map<UUID, Long> members = list.isEmpty() ? Map.of()
                : assignments.findByTeamIdInAndUntilIsNull(list.stream().map(Team::getId).toList()).stream()
                        .collect(Collectors.groupingBy(JobAssignment::getTeamId, Collectors.counting()));
        return list.stream().map(t -> new TeamView(t.getId(), t.getName(), t.getManagerId(),
                Optional.ofNullable(managers.get(t.getManagerId())).map(AccountSummary::displayName).orElse("Compte supprimé"),
                members.getOrDefault(t.getId(), 0L).intValue())).toList();
    }

    public TeamView createTeam(String requesterEmail, UUID organisationId, String name, UUID managerId) {
        access.requireHr(requesterEmail, organisationId);
        String teamName = Texts.oneLine(name, "Le nom de l'équipe", 200, true);
        AccountSummary manager = directory.find(managerId)
                .filter(m -> organisationId.equals(m.organisationId()))
                .orElseThrow(() -> new BadInputException(managerId == null
                        ? "Choisissez le manager de l'équipe (managerId)."
                        : "Le manager choisi n'est pas une personne de l'organisme."));
        if (!manager.holds(Role.MANAGER)) {
            throw new BadInputException(manager.displayName() + " n'a pas le rôle de manager dans l'organisme : "
                    + "donnez-lui ce rôle avant de lui confier une équipe.");
        }
        if (teams.existsByOrganisationIdAndNameIgnoreCase(organisationId, teamName)) {
            throw new ConflictException("Une équipe s'appelle déjà « " + teamName + " » dans l'organisme.");
        }
        Team team = teams.saveAndFlush(new Team(organisationId, teamName, manager.id(), clock.instant()));
        events.publishEvent(AuditEvent.of("TEAM_CREATED", "TEAM", team.getId().toString()).organisation(organisationId)
                .by(requesterEmail));
        return new TeamView(team.getId(), team.getName(), manager.id(), manager.displayName(), 0);
    }

    /**
     * Gives a person of the organisation a job: team and/or job profile, since a date (not in the future,
     * not before their current job's start). The current job ends the day before.
     */
    public AssignmentView assign(String requesterEmail, UUID organisationId, UUID personId, UUID teamId,
            UUID jobProfileId, String since) {
        access.requireHr(requesterEmail, organisationId);
        AccountSummary person = directory.find(personId).filter(p -> organisationId.equals(p.organisationId()))
                .orElseThrow(() -> new NotFoundException(WorkforceAccessPolicy.UNKNOWN_PERSON));
        Team team = teamId == null ? null : teams.findByIdAndOrganisationId(teamId, organisationId)
                .orElseThrow(() -> new BadInputException("L'équipe choisie n'existe pas dans l'organisme."));
        JobProfile profile = jobProfileId == null ? null : profiles.findByIdAndOrganisationId(jobProfileId, organisationId)
                .orElseThrow(() -> new BadInputException("La fiche de poste choisie n'existe pas dans l'organisme."));
        if (team == null && profile == null) {
            throw new BadInputException("Indiquez l'équipe (teamId), la fiche de poste (jobProfileId) ou les deux.");
        }
        LocalDate start = date(since, "La date de prise de poste (since)");
        LocalDate today = LocalDate.now(clock);
        if (start.isAfter(today)) {
            throw new BadInputException("La date de prise de poste (" + start.format(DAY)
                    + ") est dans le futur : enregistrez l'affectation à partir de ce jour-là.");
        }
        if (start.isBefore(EARLIEST)) {
            throw new BadInputException("La date de prise de poste (" + start.format(DAY) + ") est trop ancienne.");
        }
        Optional<JobAssignment> current = assignments.findFirstByPersonIdAndUntilIsNullOrderBySinceDesc(personId);
        if (current.isPresent() && !start.isAfter(current.get().getSince())) {
            throw new BadInputException("La date de prise de poste (" + start.format(DAY)
                    + ") doit suivre celle du poste actuel (" + current.get().getSince().format(DAY) + ").");
        }
        current.ifPresent(c -> c.end(start.minusDays(1)));
        JobAssignment assignment = assignments.saveAndFlush(new JobAssignment(organisationId, person.id(),
                team == null ? null : team.getId(), profile == null ? null : profile.getId(), start, clock.instant(),
                requesterEmail));
        events.publishEvent(AuditEvent.of("JOB_ASSIGNED", "PERSON", person.id().toString()).organisation(organisationId)
                .subject(person.id()).by(requesterEmail));
        return view(assignment, team, profile);
    }

    /** A person's jobs, newest first (self, their manager, their HR). */
    @Transactional(readOnly = true)
    public List<AssignmentView> history(String requesterEmail, UUID organisationId, UUID personId) {
        access.requirePerson(requesterEmail, organisationId, personId);
        List<AssignmentView> views = new ArrayList<>();
        for (JobAssignment a : assignments.findByPersonIdOrderBySinceDescRecordedAtDesc(personId)) {
            if (a.getOrganisationId().equals(organisationId)) {
                views.add(view(a, a.getTeamId() == null ? null : teams.findById(a.getTeamId()).orElse(null),
                        a.getJobProfileId() == null ? null : profiles.findById(a.getJobProfileId()).orElse(null)));
            }
        }
        return views;
    }

    /** The organisation's people with their current job (HR), by name. */
    @Transactional(readOnly = true)
    public List<PersonJob> people(String requesterEmail, UUID organisationId) {
        access.requireHr(requesterEmail, organisationId);
        List<JobAssignment> current = assignments.findByOrganisationIdAndUntilIsNull(organisationId);
        Map<UUID, JobAssignment> byPerson = current.stream()
                .collect(Collectors.toMap(JobAssignment::getPersonId, a -> a, (a, b) -> a));
        List<PersonJob> people = new ArrayList<>();
        List<UUID> ids = administration.people(requesterEmail, organisationId).stream()
                .map(AccountAdministration.Person::id).toList();
        for (AccountSummary person : directory.findAll(ids).values()) {
            JobAssignment a = byPerson.get(person.id());
            Team team = a == null || a.getTeamId() == null ? null : teams.findById(a.getTeamId()).orElse(null);
            JobProfile profile = a == null || a.getJobProfileId() == null ? null
                    : profiles.findById(a.getJobProfileId()).orElse(null);
            people.add(new PersonJob(person.id(), person.displayName(), person.email(),
                    person.roles().stream().sorted().toList(), team == null ? null : team.getId(),
                    team == null ? null : team.getName(), profile == null ? null : profile.getId(),
                    profile == null ? null : profile.getTitle(), a == null ? null : a.getSince()));
        }
        people.sort(Comparator.comparing(p -> p.displayName().toLowerCase(java.util.Locale.FRENCH)));
        return people;
    }

    /** The members of the teams the manager manages, with their job. */
    @Transactional(readOnly = true)
    public List<PersonJob> myTeam(String managerEmail) {
        AccountSummary manager = access.requester(managerEmail);
        if (!manager.holds(Role.MANAGER)) {
            throw new AccessDeniedException("Seuls les managers ont une équipe.");
        }
        List<Team> managed = teams.findByManagerIdOrderByNameAsc(manager.id());
        if (managed.isEmpty()) {
            return List.of();
        }
        Map<UUID, Team> byId = managed.stream().collect(Collectors.toMap(Team::getId, t -> t));
        List<JobAssignment> current = assignments.findByTeamIdInAndUntilIsNull(byId.keySet());
        Map<UUID, AccountSummary> people = directory.findAll(current.stream().map(JobAssignment::getPersonId).toList());
        List<PersonJob> members = new ArrayList<>();
        for (JobAssignment a : current) {
            AccountSummary person = people.get(a.getPersonId());
            if (person == null) {
                continue;
            }
            JobProfile profile = a.getJobProfileId() == null ? null : profiles.findById(a.getJobProfileId()).orElse(null);
            Team team = byId.get(a.getTeamId());
            members.add(new PersonJob(person.id(), person.displayName(), person.email(),
                    person.roles().stream().sorted().toList(), team.getId(), team.getName(),
                    profile == null ? null : profile.getId(), profile == null ? null : profile.getTitle(), a.getSince()));
        }
        members.sort(Comparator.comparing(p -> p.displayName().toLowerCase(java.util.Locale.FRENCH)));
        return members;
    }

    static LocalDate date(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(what + " est obligatoire (AAAA-MM-JJ).");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException(what + " « " + value.strip() + " » n'est pas une date (AAAA-MM-JJ).");
        }
    }

    private static AssignmentView view(JobAssignment a, Team team, JobProfile profile) {
        return new AssignmentView(a.getId(), a.getPersonId(), team == null ? null : team.getId(),
                team == null ? null : team.getName(), profile == null ? null : profile.getId(),
                profile == null ? null : profile.getTitle(), a.getSince(), a.getUntil());
    }
}
