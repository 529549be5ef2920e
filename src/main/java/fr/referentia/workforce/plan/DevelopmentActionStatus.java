package fr.referentia.workforce.plan;

import java.util.Map;
import java.util.Set;

/**
 * Where an action stands. One transition table: planned → in progress → done, and cancelled from either;
 * done and cancelled are final.
 */
public enum DevelopmentActionStatus {
    PLANNED("Prévue"),
    IN_PROGRESS("En cours"),
    DONE("Réalisée"),
    CANCELLED("Annulée");

    private static final Map<DevelopmentActionStatus, Set<DevelopmentActionStatus>> NEXT = Map.of(
            PLANNED, Set.of(IN_PROGRESS, DONE, CANCELLED),
            IN_PROGRESS, Set.of(DONE, CANCELLED),
            DONE, Set.of(),
            CANCELLED, Set.of());

    private final String label;

    DevelopmentActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean mayBecome(DevelopmentActionStatus next) {
        return this == next || NEXT.get(this).contains(next);
    }

    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }
}
