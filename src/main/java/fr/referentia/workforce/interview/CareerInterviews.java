package fr.referentia.workforce.interview;

import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.audit.AuditEvent;
import fr.referentia.shared.document.PdfRenderer;
import fr.referentia.shared.text.PlainText;
import fr.referentia.workforce.interview.CareerInterviewSchedule.Due;
import fr.referentia.workforce.interview.CareerInterviewSchedule.Held;
import fr.referentia.workforce.interview.CareerInterviewSchedule.Status;
import fr.referentia.workforce.scope.WorkforceScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entretiens de parcours professionnel (R16): the hiring and birth dates HR enters, the interviews held
 * (date, participants, the topics the law lists, agreed follow-ups, the copy handed to the employee), what
 * is due in the organisation, and the employee's PDF copy. Not an appraisal: a record holds no rating and
 * lives apart from the assessments. HR records; the person reads their own; for anyone else the
 * organisation or the person reads as unknown.
 */
@Service
@Transactional
public class CareerInterviews {

    static final int MAX_TOPICS = 20;
    static final int MAX_TOPIC_LENGTH = 500;
    static final int MAX_FOLLOW_UPS_LENGTH = 4000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);

    /** The topics the law lists for the interview, offered on the page (any free text is accepted too). */
    public static final List<String> LEGAL_TOPICS = List.of(
            "Compétences et leur évolution",
            "Qualifications et besoins de formation",
            "Souhaits de mobilité (interne ou externe)",
            "Projet de reconversion",
            "Validation des acquis de l'expérience (VAE)",
            "Utilisation du compte personnel de formation (CPF) et abondements",
            "Conseil en évolution professionnelle (CEP)");

    static final String MANAGER_REFUSAL = "Les entretiens de parcours professionnel ne se lisent que par la personne "
            + "et les RH de l'organisme.";

    private final JdbcClient jdbc;
    private final WorkforceScope scope;
    private final CareerInterviewSettings settings;
    private final PdfRenderer pdf;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CareerInterviews(JdbcClient jdbc, WorkforceScope scope, CareerInterviewSettings settings, PdfRenderer pdf,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.settings = settings;
        this.pdf = pdf;
        this.events = events;
        this.clock = clock;
    }

    /** What HR types: dates as ISO text ({@code 2026-03-31}), checked here so that refusals are in French. */
    public record EmploymentInput(String hiredOn, String birthDate) {
    }

    public record Employment(UUID personId, LocalDate hiredOn, LocalDate birthDate) {
    }

    public record InterviewInput(String date, String kind, List<String> participantIds, List<String> topics,
            String followUps, Boolean progression, String copyDeliveredOn) {
    }

    public record Participant(UUID id, String displayName) {
    }

    public record Interview(UUID id, UUID personId, LocalDate date, CareerInterviewKind kind,
            List<Participant> participants, List<String> topics, String followUps, Boolean progression,
            LocalDate copyDeliveredOn, SummaryReview summaryReview) {

        public String kindLabel() {
            return kind.label();
        }

        public List<UUID> participantIds() {
            return participants.stream().map(Participant::id).toList();
        }
    }

    /** One due interview of one person, with its status today. */
    public record DueInterview(UUID personId, String displayName, CareerInterviewKind kind, LocalDate opensOn,
            LocalDate dueOn, Status status, String reason) {

        public String kindLabel() {
            return kind.label();
        }
    }

    public record PersonName(UUID personId, String displayName) {
    }

    /** The organisation's interviews to hold: overdue, upcoming, and the people whose hiring date is missing. */
    public record DueList(LocalDate today, List<DueInterview> overdue, List<DueInterview> upcoming,
            List<PersonName> missingHiringDate) {
    }

    /** A person's page: their dates, their interviews (newest first) and what is due. */
    public record PersonInterviews(UUID organisationId, PersonName person, Employment employment,
            List<Interview> interviews, List<DueInterview> due, boolean hr, List<PersonName> colleagues) {
    }

    public Employment recordEmployment(String requesterEmail, UUID organisationId, UUID personId, EmploymentInput input) {
        scope.requireHr(requesterEmail, organisationId);
        scope.personIn(organisationId, personId);
        LocalDate today = today();
        LocalDate hiredOn = date(input == null ? null : input.hiredOn(), "La date d'embauche", true);
        LocalDate birthDate = date(input == null ? null : input.birthDate(), "La date de naissance", false);
        if (hiredOn.isAfter(today)) {
            throw new BadInputException("La date d'embauche (" + DAY.format(hiredOn)
                    + ") est dans le futur : enregistrez-la une fois la personne embauchée.");
        }
        if (birthDate != null && Period.between(birthDate, hiredOn).getYears() < 14) {
            throw new BadInputException("La date de naissance (" + DAY.format(birthDate)
                    + ") donne moins de 14 ans à l'embauche : vérifiez les deux dates.");
        }
        Optional<LocalDate> first = jdbc.sql("SELECT MIN(held_on) FROM career_interview WHERE person_id = ?")
                .param(personId).query(LocalDate.class).optional();
        if (first.isPresent() && first.get().isBefore(hiredOn)) {
            throw new BadInputException("Un entretien a déjà eu lieu le " + DAY.format(first.get())
                    + ", avant cette date d'embauche : vérifiez la date.");
        }
        Optional<Employment> before = employment(personId);
        int updated = jdbc.sql("UPDATE employment SET organisation_id = ?, hired_on = ?, birth_date = ?, updated_by = ?, "
                        + "updated_at = ? WHERE person_id = ?")
                .params(organisationId, hiredOn, birthDate, requesterEmail, Timestamp.from(clock.instant()), personId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO employment (person_id, organisation_id, hired_on, birth_date, updated_by, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(personId, organisationId, hiredOn, birthDate, requesterEmail, Timestamp.from(clock.instant()))
                    .update();
        }
        Employment after = new Employment(personId, hiredOn, birthDate);
        events.publishEvent(AuditEvent.of("EMPLOYMENT_RECORDED", "EMPLOYMENT", personId.toString())
                .organisation(organisationId).subject(personId).change(before.orElse(null), after).by(requesterEmail));
        return after;
    }

    @Transactional(readOnly = true)
    public Employment employment(String requesterEmail, UUID organisationId, UUID personId) {
        scope.requireHrOrSelf(requesterEmail, organisationId, personId, MANAGER_REFUSAL);
        return employment(personId).orElse(new Employment(personId, null, null));
    }

    public Interview record(String requesterEmail, UUID organisationId, UUID personId, InterviewInput input) {
        scope.requireHr(requesterEmail, organisationId);
        AccountSummary person = scope.personIn(organisationId, personId);
        InterviewInput in = input == null ? new InterviewInput(null, null, null, null, null, null, null) : input;
        Employment employment = employment(personId).orElseThrow(() -> new BadInputException(
                "Enregistrez d'abord la date d'embauche de " + person.displayName()
                        + " : le calendrier des entretiens part de cette date."));
        List<String> errors = new ArrayList<>();
        LocalDate today = today();
        LocalDate date = null;
        try {
            date = date(in.date(), "La date de l'entretien", true);
        } catch (BadInputException e) {
            errors.add(e.getMessage());
        }
        CareerInterviewKind kind = CareerInterviewKind.parse(in.kind());
        if (kind == null) {
            errors.add("Le type d'entretien « " + (in.kind() == null ? "" : in.kind())
                    + " » n'existe pas ; valeurs possibles : PERIODIC, SUMMARY_REVIEW, MID_CAREER, PRE_60.");
        }
        if (date != null && kind != null) {
            String refusal = CareerInterviewSchedule.refusal(kind, date, employment.hiredOn(), employment.birthDate(), today);
            if (refusal != null) {
                errors.add(refusal);
            }
        }
        List<UUID> participants = participants(organisationId, personId, in.participantIds(), errors);
        List<String> topics = topics(in.topics(), errors);
        String followUps = longText(in.followUps(), "Les suites convenues", MAX_FOLLOW_UPS_LENGTH, errors);
        if (kind == CareerInterviewKind.SUMMARY_REVIEW && in.progression() == null) {
            errors.add("Pour un état des lieux récapitulatif, indiquez si la personne a connu une progression "
                    + "salariale ou professionnelle (oui ou non).");
        }
        if (kind != null && kind != CareerInterviewKind.SUMMARY_REVIEW && in.progression() != null) {
            errors.add("La progression salariale ou professionnelle ne se renseigne que pour un état des lieux récapitulatif.");
        }
        LocalDate delivered = null;
        try {
            delivered = date(in.copyDeliveredOn(), "La date de remise de la copie", false);
        } catch (BadInputException e) {
            errors.add(e.getMessage());
        }
        if (delivered != null) {
            String problem = deliveryProblem(delivered, date, today);
            if (problem != null) {
                errors.add(problem);
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors.get(0), errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO career_interview (id, organisation_id, person_id, held_on, kind, follow_ups, progression, "
                        + "copy_delivered_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, organisationId, personId, date, kind.name(), followUps, in.progression(), delivered,
                        requesterEmail, Timestamp.from(clock.instant()))
                .update();
        for (UUID participant : participants) {
            jdbc.sql("INSERT INTO career_interview_participant (interview_id, person_id) VALUES (?, ?)")
                    .params(id, participant).update();
        }
        for (int i = 0; i < topics.size(); i++) {
            jdbc.sql("INSERT INTO career_interview_topic (interview_id, position, topic) VALUES (?, ?, ?)")
                    .params(id, i, topics.get(i)).update();
        }
        Interview recorded = interview(organisationId, personId, id);
        events.publishEvent(AuditEvent.of("CAREER_INTERVIEW_RECORDED", "CAREER_INTERVIEW", id.toString())
                .organisation(organisationId).subject(personId)
                .change(null, Map.of("date", date.toString(), "kind", kind.name())).by(requesterEmail));
        return recorded;
    }

    /** Records the day the written copy was handed to the employee (HR). */
    public Interview deliverCopy(String requesterEmail, UUID organisationId, UUID personId, UUID interviewId,
            String deliveredOn) {
        scope.requireHr(requesterEmail, organisationId);
        scope.personIn(organisationId, personId);
        Interview interview = interview(organisationId, personId, interviewId);
        LocalDate day = deliveredOn == null || deliveredOn.isBlank() ? today()
                : date(deliveredOn, "La date de remise de la copie", true);
        String problem = deliveryProblem(day, interview.date(), today());
        if (problem != null) {
            throw new BadInputException(problem);
        }
        jdbc.sql("UPDATE career_interview SET copy_delivered_on = ? WHERE id = ?").params(day, interviewId).update();
        events.publishEvent(AuditEvent.of("CAREER_INTERVIEW_COPY_DELIVERED", "CAREER_INTERVIEW", interviewId.toString())
                .organisation(organisationId).subject(personId)
                .change(interview.copyDeliveredOn(), day).by(requesterEmail));
        return interview(organisationId, personId, interviewId);
    }

    @Transactional(readOnly = true)
    public List<Interview> interviews(String requesterEmail, UUID organisationId, UUID personId) {
        scope.requireHrOrSelf(requesterEmail, organisationId, personId, MANAGER_REFUSAL);
        return interviewsOf(organisationId, personId);
    }

    @Transactional(readOnly = true)
    public Interview interview(String requesterEmail, UUID organisationId, UUID personId, UUID interviewId) {
        scope.requireHrOrSelf(requesterEmail, organisationId, personId, MANAGER_REFUSAL);
        return interview(organisationId, personId, interviewId);
    }

    @Transactional(readOnly = true)
    public PersonInterviews personPage(String requesterEmail, UUID organisationId, UUID personId) {
        AccountSummary person = scope.requireHrOrSelf(requesterEmail, organisationId, personId, MANAGER_REFUSAL);
        boolean hr = scope.isHrOf(scope.requester(requesterEmail), organisationId);
        Optional<Employment> employment = employment(personId);
        List<Interview> interviews = interviewsOf(organisationId, personId);
        List<DueInterview> due = employment.map(e -> due(e, person.displayName(), held(interviews))).orElse(List.of());
        return new PersonInterviews(organisationId, new PersonName(personId, person.displayName()),
                employment.orElse(null), interviews, due, hr, hr ? people(requesterEmail, organisationId).stream()
                        .filter(p -> !p.personId().equals(personId)).toList() : List.of());
    }

    /** The organisation's overdue and upcoming interviews (its HR only). */
    @Transactional(readOnly = true)
    public DueList due(String requesterEmail, UUID organisationId) {
        scope.requireHr(requesterEmail, organisationId);
        Map<UUID, String> names = new HashMap<>();
        scope.people(requesterEmail, organisationId).forEach(p -> names.put(p.id(), p.displayName()));
        Map<UUID, Employment> employments = new HashMap<>();
        jdbc.sql("SELECT person_id, hired_on, birth_date FROM employment WHERE organisation_id = ?").param(organisationId)
                .query((rs, n) -> new Employment(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
                .list().forEach(e -> employments.put(e.personId(), e));
        Map<UUID, List<Held>> held = new HashMap<>();
        jdbc.sql("SELECT person_id, held_on, kind FROM career_interview WHERE organisation_id = ?").param(organisationId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new Held(rs.getObject(2, LocalDate.class),
                        CareerInterviewKind.valueOf(rs.getString(3)))))
                .list().forEach(e -> held.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<DueInterview> overdue = new ArrayList<>();
        List<DueInterview> upcoming = new ArrayList<>();
        List<PersonName> missing = new ArrayList<>();
        names.forEach((id, name) -> {
            Employment employment = employments.get(id);
            if (employment == null) {
                missing.add(new PersonName(id, name));
                return;
            }
            for (DueInterview d : due(employment, name, held.getOrDefault(id, List.of()))) {
                if (d.status() == Status.OVERDUE) {
                    overdue.add(d);
                } else if (d.status() == Status.UPCOMING) {
                    upcoming.add(d);
                }
            }
        });
        Comparator<DueInterview> order = Comparator.comparing(DueInterview::dueOn)
                .thenComparing(DueInterview::displayName, String.CASE_INSENSITIVE_ORDER);
        overdue.sort(order);
        upcoming.sort(order);
        missing.sort(Comparator.comparing(PersonName::displayName, String.CASE_INSENSITIVE_ORDER));
        return new DueList(today(), overdue, upcoming, missing);
    }

    /** The organisation's people, by name, for its HR's page. */
    @Transactional(readOnly = true)
    public List<PersonName> people(String requesterEmail, UUID organisationId) {
        scope.requireHr(requesterEmail, organisationId);
        return scope.people(requesterEmail, organisationId).stream().map(p -> new PersonName(p.id(), p.displayName()))
                .sorted(Comparator.comparing(PersonName::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The employee's written copy of one interview, as PDF. */
    @Transactional(readOnly = true)
    public byte[] copy(String requesterEmail, UUID organisationId, UUID personId, UUID interviewId) {
        AccountSummary person = scope.requireHrOrSelf(requesterEmail, organisationId, personId, MANAGER_REFUSAL);
        Interview interview = interview(organisationId, personId, interviewId);
        Map<String, Object> model = new HashMap<>();
        model.put("interview", interview);
        model.put("person", person.displayName());
        model.put("printedOn", DAY.format(today()));
        model.put("date", DAY.format(interview.date()));
        model.put("delivered", interview.copyDeliveredOn() == null ? null : DAY.format(interview.copyDeliveredOn()));
        return pdf.render("pdf/career-interview", model);
    }

    private List<DueInterview> due(Employment employment, String name, List<Held> held) {
        LocalDate today = today();
        return CareerInterviewSchedule.next(employment.hiredOn(), employment.birthDate(), held, settings.periodicity())
                .stream().map(d -> dueInterview(employment.personId(), name, d, today)).toList();
    }

    private DueInterview dueInterview(UUID personId, String name, Due due, LocalDate today) {
        return new DueInterview(personId, name, due.kind(), due.opensOn(), due.dueOn(),
                due.statusOn(today, settings.upcomingWithin()), due.reason());
    }

    private static List<Held> held(List<Interview> interviews) {
        return interviews.stream().map(i -> new Held(i.date(), i.kind())).toList();
    }

    private Optional<Employment> employment(UUID personId) {
        return jdbc.sql("SELECT person_id, hired_on, birth_date FROM employment WHERE person_id = ?").param(personId)
                .query((rs, n) -> new Employment(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
                .optional();
    }

    private record Row(UUID id, LocalDate date, CareerInterviewKind kind, String followUps, Boolean progression,
            LocalDate delivered) {
    }

    private List<Interview> interviewsOf(UUID organisationId, UUID personId) {
        List<Row> rows = jdbc.sql("SELECT id, held_on, kind, follow_ups, progression, copy_delivered_on FROM career_interview "
                        + "WHERE organisation_id = ? AND person_id = ? ORDER BY held_on DESC, recorded_at DESC")
                .params(organisationId, personId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        CareerInterviewKind.valueOf(rs.getString(3)), rs.getString(4),
                        (Boolean) rs.getObject(5), rs.getObject(6, LocalDate.class)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Held> held = rows.stream().map(r -> new Held(r.date(), r.kind())).toList();
        Optional<Employment> employment = employment(personId);
        List<SummaryReview.Action> actions = rows.stream().anyMatch(r -> r.kind() == CareerInterviewKind.SUMMARY_REVIEW)
                ? finishedActions(personId) : List.of();
        Map<UUID, List<UUID>> participants = new HashMap<>();
        Map<UUID, List<String>> topics = new HashMap<>();
        jdbc.sql("SELECT p.interview_id, p.person_id FROM career_interview_participant p JOIN career_interview i "
                        + "ON i.id = p.interview_id WHERE i.person_id = ?").param(personId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list()
                .forEach(e -> participants.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        jdbc.sql("SELECT t.interview_id, t.topic FROM career_interview_topic t JOIN career_interview i "
                        + "ON i.id = t.interview_id WHERE i.person_id = ? ORDER BY t.interview_id, t.position").param(personId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list()
                .forEach(e -> topics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Set<UUID> everyone = new LinkedHashSet<>();
        participants.values().forEach(everyone::addAll);
        Map<UUID, AccountSummary> names = scope.find(everyone);
        return rows.stream().map(r -> new Interview(r.id(), personId, r.date(), r.kind(),
                participants.getOrDefault(r.id(), List.of()).stream()
                        .map(id -> new Participant(id, names.containsKey(id) ? names.get(id).displayName() : "Compte supprimé"))
                        .sorted(Comparator.comparing(Participant::displayName, String.CASE_INSENSITIVE_ORDER)).toList(),
                topics.getOrDefault(r.id(), List.of()), r.followUps(), r.progression(), r.delivered(),
                r.kind() == CareerInterviewKind.SUMMARY_REVIEW && employment.isPresent()
                        ? SummaryReview.of(r.date(), employment.get().hiredOn(), held, actions, r.progression(),
                                settings.periodicity())
                        : null)).toList();
    }

    private Interview interview(UUID organisationId, UUID personId, UUID interviewId) {
        return interviewsOf(organisationId, personId).stream().filter(i -> i.id().equals(interviewId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Entretien introuvable."));
    }

    /** The person's finished development actions, as the summary review counts them. */
    private List<SummaryReview.Action> finishedActions(UUID personId) {
        return jdbc.sql("SELECT COALESCE(closed_on, ends_on, starts_on), kind, certifying FROM development_action "
                        + "WHERE person_id = ? AND status = 'DONE'").param(personId)
                .query((rs, n) -> new SummaryReview.Action(rs.getObject(1, LocalDate.class),
                        "TRAINING".equals(rs.getString(2)), "VAE".equals(rs.getString(2)) || rs.getBoolean(3)))
                .list();
    }

    private List<UUID> participants(UUID organisationId, UUID personId, List<String> ids, List<String> errors) {
        Set<UUID> participants = new LinkedHashSet<>();
        participants.add(personId);
        if (ids != null) {
            for (String id : ids) {
                if (id == null || id.isBlank()) {
                    continue;
                }
                UUID parsed;
                try {
                    parsed = UUID.fromString(id.strip());
                } catch (IllegalArgumentException e) {
                    errors.add("Le participant « " + id + " » n'est pas un identifiant de personne.");
                    continue;
                }
                participants.add(parsed);
            }
        }
        Map<UUID, AccountSummary> known = scope.find(participants);
        for (UUID id : participants) {
            AccountSummary participant = known.get(id);
            if (participant == null || !organisationId.equals(participant.organisationId())) {
                errors.add("Le participant " + id + " n'est pas une personne de l'organisme.");
            }
        }
        return List.copyOf(participants);
    }

    private static List<String> topics(List<String> topics, List<String> errors) {
        List<String> kept = new ArrayList<>();
        if (topics != null) {
            for (String topic : topics) {
                String text = longText(topic, "Un thème abordé", MAX_TOPIC_LENGTH, errors);
                if (!text.isEmpty() && !kept.contains(text)) {
                    kept.add(text);
                }
            }
        }
        if (kept.isEmpty()) {
            errors.add("Indiquez au moins un thème abordé (compétences, formation, mobilité, reconversion, VAE, CPF, CEP…).");
        }
        if (kept.size() > MAX_TOPICS) {
            errors.add("Au plus " + MAX_TOPICS + " thèmes par entretien.");
        }
        return kept;
    }

    private static String longText(String value, String what, int max, List<String> errors) {
        String text = value == null ? "" : PlainText.normalise(value).strip();
        String problem = PlainText.multiLineProblem(text);
        if (problem != null) {
            errors.add(what + " " + problem + ".");
            return "";
        }
        if (text.length() > max) {
            errors.add(what + " dépasse " + max + " caractères.");
            return "";
        }
        return text;
    }

    private static String deliveryProblem(LocalDate delivered, LocalDate interviewDate, LocalDate today) {
        if (delivered.isAfter(today)) {
            return "La date de remise de la copie (" + DAY.format(delivered) + ") est dans le futur.";
        }
        if (interviewDate != null && delivered.isBefore(interviewDate)) {
            return "La copie ne peut pas être remise (" + DAY.format(delivered) + ") avant l'entretien ("
                    + DAY.format(interviewDate) + ").";
        }
        return null;
    }

    static LocalDate date(String value, String what, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new BadInputException(what + " est obligatoire (format AAAA-MM-JJ).");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1900) {
                throw new BadInputException(what + " (" + value.strip() + ") est trop ancienne.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new BadInputException(what + " « " + value.strip() + " » n'est pas une date (format AAAA-MM-JJ).");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
