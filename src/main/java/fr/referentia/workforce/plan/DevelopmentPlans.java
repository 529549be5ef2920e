package fr.referentia.workforce.plan;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.audit.AuditEvent;
import fr.referentia.shared.text.PlainText;
import fr.referentia.workforce.PersonRelation;
import fr.referentia.workforce.scope.WorkforceScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's development plan: actions (training, tutoring, mentoring, VAE, internal mobility) with dates, status
 * and outcome, each linked to the gaps (competencies) it closes. The organisation's HR and the person's manager
 * write it; the person reads it. Closing an action as done prompts a new assessment of the competencies it
 * closes.
 */
@Service
@Transactional
public class DevelopmentPlans {

    static final String WRITERS_ONLY = "Le plan de développement est établi par les RH de l'organisme ou le manager de la personne.";

    private final JdbcClient jdbc;
    private final WorkforceScope scope;
    private final FrameworkCatalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DevelopmentPlans(JdbcClient jdbc, WorkforceScope scope, FrameworkCatalog catalog, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    public record GapRef(String frameworkCode, String itemCode) {
    }

    public record ActionInput(String kind, String title, String startsOn, String endsOn, Integer estimatedHours,
            List<GapRef> gaps) {
    }

    public record ActionUpdate(String status, String outcome, Boolean certifying, String closedOn) {
    }

    public record Action(UUID id, UUID personId, DevelopmentActionKind kind, String title, LocalDate startsOn,
            LocalDate endsOn, DevelopmentActionStatus status, String outcome, boolean certifying,
            Integer estimatedHours, LocalDate closedOn, List<GapRef> gaps, List<GapRef> reassess) {

        public String kindLabel() {
            return kind.label();
        }

        public String statusLabel() {
            return status.label();
        }
    }

    public record Plan(UUID organisationId, UUID personId, String displayName, PersonRelation relation,
            List<Action> actions) {

        public boolean mayWrite() {
            return relation != PersonRelation.SELF;
        }
    }

    @Transactional(readOnly = true)
    public Plan plan(String requesterEmail, UUID organisationId, UUID personId) {
        PersonRelation relation = scope.relation(requesterEmail, organisationId, personId);
        return new Plan(organisationId, personId, scope.personIn(organisationId, personId).displayName(), relation,
                actions(organisationId, personId));
    }

    public Action create(String requesterEmail, UUID organisationId, UUID personId, ActionInput input) {
        requireWriter(requesterEmail, organisationId, personId);
        ActionInput in = input == null ? new ActionInput(null, null, null, null, null, null) : input;
        List<String> errors = new ArrayList<>();
        DevelopmentActionKind kind = parse(DevelopmentActionKind.class, in.kind());
        if (kind == null) {
            errors.add("Le type d'action « " + (in.kind() == null ? "" : in.kind()) + " » n'existe pas ; valeurs possibles : "
                    + "TRAINING, TUTORING, MENTORING, VAE, INTERNAL_MOBILITY.");
        }
        String title = in.title() == null ? "" : PlainText.normalise(in.title()).strip();
        String problem = PlainText.oneLineProblem(title);
        if (title.isEmpty()) {
            errors.add("L'intitulé de l'action est obligatoire.");
        } else if (problem != null) {
            errors.add("L'intitulé " + problem + ".");
        } else if (title.length() > 300) {
            errors.add("L'intitulé dépasse 300 caractères.");
        }
        LocalDate starts = date(in.startsOn(), "La date de début", true, errors);
        LocalDate ends = date(in.endsOn(), "La date de fin", false, errors);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add("La date de fin précède la date de début.");
        }
        if (in.estimatedHours() != null && (in.estimatedHours() < 0 || in.estimatedHours() > 5000)) {
            errors.add("La durée estimée doit être comprise entre 0 et 5 000 heures.");
        }
        List<GapRef> gaps = gaps(in.gaps(), errors);
        if (!errors.isEmpty()) {
            throw new BadInputException(errors.get(0), errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO development_action (id, organisation_id, person_id, kind, title, starts_on, ends_on, status, "
                        + "certifying, estimated_hours, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, organisationId, personId, kind.name(), title, starts, ends,
                        DevelopmentActionStatus.PLANNED.name(), false, in.estimatedHours(), requesterEmail,
                        Timestamp.from(clock.instant()))
                .update();
        for (GapRef gap : gaps) {
            jdbc.sql("INSERT INTO development_action_gap (action_id, framework_code, item_code) VALUES (?, ?, ?)")
                    .params(id, gap.frameworkCode(), gap.itemCode()).update();
        }
        events.publishEvent(AuditEvent.of("DEVELOPMENT_ACTION_CREATED", "DEVELOPMENT_ACTION", id.toString())
                .organisation(organisationId).subject(personId)
                .change(null, Map.of("kind", kind.name(), "title", title)).by(requesterEmail));
        return action(organisationId, personId, id);
    }

    /** A status change (one transition table), the outcome, and whether it led to certification elements. */
    public Action update(String requesterEmail, UUID organisationId, UUID personId, UUID actionId, ActionUpdate update) {
        requireWriter(requesterEmail, organisationId, personId);
        Action before = action(organisationId, personId, actionId);
        ActionUpdate in = update == null ? new ActionUpdate(null, null, null, null) : update;
        DevelopmentActionStatus status = in.status() == null || in.status().isBlank() ? before.status()
                : parse(DevelopmentActionStatus.class, in.status());
        if (status == null) {
            throw new BadInputException("Le statut « " + in.status() + " » n'existe pas ; valeurs possibles : PLANNED, "
                    + "IN_PROGRESS, DONE, CANCELLED.");
        }
        if (!before.status().mayBecome(status)) {
            throw new ConflictException("L'action est « " + before.status().label() + " » : elle ne peut plus devenir « "
                    + status.label() + " ».");
        }
        String outcome = in.outcome() == null ? before.outcome() : PlainText.normalise(in.outcome()).strip();
        if (outcome != null) {
            String problem = PlainText.multiLineProblem(outcome);
            if (problem != null) {
                throw new BadInputException("Le résultat " + problem + ".");
            }
            if (outcome.length() > 2000) {
                throw new BadInputException("Le résultat dépasse 2 000 caractères.");
            }
        }
        // A closing date is read whenever one is sent, so that a wrong one is refused rather than silently ignored
        // (it is kept only when the action closes).
        List<String> errors = new ArrayList<>();
        LocalDate closedOnSent = date(in.closedOn(), "La date de clôture", false, errors);
        if (!errors.isEmpty()) {
            throw new BadInputException(errors.get(0), errors);
        }
        LocalDate closedOn = before.closedOn();
        if (status.closed() && !before.status().closed()) {
            closedOn = closedOnSent;
            LocalDate today = LocalDate.now(clock);
            closedOn = closedOn == null ? today : closedOn;
            if (closedOn.isAfter(today)) {
                throw new BadInputException("La date de clôture est dans le futur : une action se clôt une fois réalisée ou annulée.");
            }
            if (closedOn.isBefore(before.startsOn())) {
                throw new BadInputException("La date de clôture précède le début de l'action.");
            }
            if (status == DevelopmentActionStatus.DONE && (outcome == null || outcome.isEmpty())) {
                throw new BadInputException("Indiquez le résultat de l'action réalisée.");
            }
        }
        boolean certifying = in.certifying() == null ? before.certifying() : in.certifying();
        jdbc.sql("UPDATE development_action SET status = ?, outcome = ?, certifying = ?, closed_on = ? WHERE id = ?")
                .params(status.name(), outcome, certifying, closedOn, actionId).update();
        events.publishEvent(AuditEvent.of("DEVELOPMENT_ACTION_CHANGED", "DEVELOPMENT_ACTION", actionId.toString())
                .organisation(organisationId).subject(personId)
                .change(before.status().name(), status.name()).by(requesterEmail));
        Action after = action(organisationId, personId, actionId);
        boolean justDone = status == DevelopmentActionStatus.DONE && before.status() != DevelopmentActionStatus.DONE;
        return justDone ? withReassess(after) : after;
    }

    private static Action withReassess(Action a) {
        return new Action(a.id(), a.personId(), a.kind(), a.title(), a.startsOn(), a.endsOn(), a.status(), a.outcome(),
                a.certifying(), a.estimatedHours(), a.closedOn(), a.gaps(), a.gaps());
    }

    private void requireWriter(String requesterEmail, UUID organisationId, UUID personId) {
        if (scope.relation(requesterEmail, organisationId, personId) == PersonRelation.SELF) {
            throw new AccessDeniedException(WRITERS_ONLY);
        }
    }

    private Action action(UUID organisationId, UUID personId, UUID actionId) {
        return actions(organisationId, personId).stream().filter(a -> a.id().equals(actionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Action introuvable."));
    }

    private List<Action> actions(UUID organisationId, UUID personId) {
        Map<UUID, List<GapRef>> gaps = new HashMap<>();
        jdbc.sql("SELECT g.action_id, g.framework_code, g.item_code FROM development_action_gap g JOIN development_action a "
                        + "ON a.id = g.action_id WHERE a.person_id = ? ORDER BY g.framework_code, g.item_code")
                .param(personId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new GapRef(rs.getString(2), rs.getString(3))))
                .list().forEach(e -> gaps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return jdbc.sql("SELECT id, kind, title, starts_on, ends_on, status, outcome, certifying, estimated_hours, closed_on "
                        + "FROM development_action WHERE organisation_id = ? AND person_id = ? ORDER BY starts_on, created_at")
                .params(organisationId, personId)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    int hours = rs.getInt(9);
                    Integer estimated = rs.wasNull() ? null : hours;
                    return new Action(id, personId, DevelopmentActionKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                            DevelopmentActionStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getBoolean(8),
                            estimated, rs.getObject(10, LocalDate.class), gaps.getOrDefault(id, List.of()), List.of());
                })
                .list();
    }

    private List<GapRef> gaps(List<GapRef> input, List<String> errors) {
        Set<GapRef> gaps = new LinkedHashSet<>();
        if (input == null) {
            return List.of();
        }
        Map<String, Set<String>> known = new HashMap<>();
        for (GapRef gap : input) {
            if (gap == null || gap.frameworkCode() == null || gap.itemCode() == null) {
                errors.add("Chaque écart visé nomme un référentiel (frameworkCode) et une compétence (itemCode).");
                continue;
            }
            String code = gap.frameworkCode().strip();
            String item = gap.itemCode().strip();
            Set<String> items = known.computeIfAbsent(code, c -> catalog.currentVersionLabels().containsKey(c)
                    ? new java.util.HashSet<>(catalog.items(c, null).stream().map(i -> i.code()).toList())
                    : Set.of());
            if (!items.contains(item)) {
                errors.add("La compétence « " + item + " » n'existe pas dans la version publiée du référentiel « " + code + " ».");
                continue;
            }
            gaps.add(new GapRef(code, item));
        }
        return List.copyOf(gaps);
    }

    private static LocalDate date(String value, String what, boolean required, List<String> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(what + " est obligatoire (format AAAA-MM-JJ).");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                errors.add(what + " (" + value.strip() + ") est hors des dates possibles.");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(what + " « " + value.strip() + " » n'est pas une date (format AAAA-MM-JJ).");
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.strip())) {
                    return constant;
                }
            }
        }
        return null;
    }
}
