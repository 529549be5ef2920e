package fr.referentia.certification;

import fr.referentia.shared.ConflictException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's state machine: one transition table ({@link #TRANSITIONS}) and one function that
 * changes the state ({@link #change}), which appends the move to the application's history (who,
 * when, from, to, reason). The history is never updated nor deleted.
 */
@Component
public class ApplicationStateMachine {

    /** Every allowed move, from a state to the states it may reach. */
    static final Map<ApplicationState, Set<ApplicationState>> TRANSITIONS = table();

    private final ApplicationRepository applications;
    private final StateChangeRepository changes;
    private final Clock clock;

    ApplicationStateMachine(ApplicationRepository applications, StateChangeRepository changes, Clock clock) {
        this.applications = applications;
        this.changes = changes;
        this.clock = clock;
    }

    private static Map<ApplicationState, Set<ApplicationState>> table() {
        Map<ApplicationState, Set<ApplicationState>> t = new EnumMap<>(ApplicationState.class);
        t.put(ApplicationState.DRAFT, EnumSet.of(ApplicationState.SUBMITTED, ApplicationState.WITHDRAWN));
        // The office decides; INCOMPLETE goes back to the candidate.
        t.put(ApplicationState.SUBMITTED, EnumSet.of(ApplicationState.ADMISSIBLE, ApplicationState.NOT_ADMISSIBLE,
                ApplicationState.INCOMPLETE, ApplicationState.WITHDRAWN));
        // Completed and submitted again, or the "incomplete" decision revoked (back to SUBMITTED too).
        t.put(ApplicationState.INCOMPLETE, EnumSet.of(ApplicationState.SUBMITTED, ApplicationState.WITHDRAWN));
        // A decision revoked (with a reason) puts the request back in the office's queue.
        t.put(ApplicationState.ADMISSIBLE, EnumSet.of(ApplicationState.DOSSIER_IN_PROGRESS,
                ApplicationState.SUBMITTED, ApplicationState.WITHDRAWN));
        t.put(ApplicationState.NOT_ADMISSIBLE, EnumSet.of(ApplicationState.SUBMITTED, ApplicationState.ARCHIVED));
        t.put(ApplicationState.DOSSIER_IN_PROGRESS, EnumSet.of(ApplicationState.DOSSIER_SUBMITTED,
                ApplicationState.WITHDRAWN));
        // A submitted dossier may be reopened (a new version) until the evaluation is scheduled.
        t.put(ApplicationState.DOSSIER_SUBMITTED, EnumSet.of(ApplicationState.DOSSIER_IN_PROGRESS,
                ApplicationState.EVALUATION_SCHEDULED, ApplicationState.WITHDRAWN));
        t.put(ApplicationState.EVALUATION_SCHEDULED, EnumSet.of(ApplicationState.EVALUATED,
                ApplicationState.WITHDRAWN));
        t.put(ApplicationState.EVALUATED, EnumSet.of(ApplicationState.IN_JURY));
        t.put(ApplicationState.IN_JURY, EnumSet.of(ApplicationState.DECIDED));
        t.put(ApplicationState.DECIDED, EnumSet.of(ApplicationState.ARCHIVED));
        t.put(ApplicationState.WITHDRAWN, EnumSet.of(ApplicationState.ARCHIVED));
        t.put(ApplicationState.ARCHIVED, EnumSet.noneOf(ApplicationState.class));
        return Map.copyOf(t);
    }

    /** Whether the table allows moving from {@code from} to {@code to}. */
    public static boolean allows(ApplicationState from, ApplicationState to) {
        return TRANSITIONS.get(from).contains(to);
    }

    /** The states reachable from {@code from}. */
    public static Set<ApplicationState> next(ApplicationState from) {
        Set<ApplicationState> next = TRANSITIONS.get(from);
        return next.isEmpty() ? EnumSet.noneOf(ApplicationState.class) : EnumSet.copyOf(next);
    }

    /**
     * Records a new application at {@link ApplicationState#DRAFT}: the first line of its history.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(Application application, UUID by, String reason) {
        applications.save(application);
        changes.save(new StateChange(application.getId(), 0, null, ApplicationState.DRAFT, clock.instant(), by,
                reason));
    }

    /**
     * The one function that changes an application's state: refused (409, nothing changed) when the
     * table does not allow the move; otherwise the state changes and the move is appended to the history.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StateChange change(Application application, ApplicationState to, UUID by, String reason) {
        ApplicationState from = application.getState();
        if (!allows(from, to)) {
            throw new ConflictException("La candidature est à l'état « " + from.label()
                    + " » : elle ne peut pas passer à l'état « " + to.label() + " ».");
        }
        int step = changes.countByApplicationId(application.getId());
        application.moveTo(to, clock.instant());
        applications.save(application);
        return changes.save(new StateChange(application.getId(), step, from, to, clock.instant(), by, reason));
    }

    /** The application's history, oldest first. */
    @Transactional(readOnly = true)
    public List<StateChange> history(UUID applicationId) {
        return changes.findByApplicationIdOrderByStepAsc(applicationId);
    }
}
