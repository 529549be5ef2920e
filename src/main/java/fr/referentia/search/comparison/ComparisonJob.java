package fr.referentia.search.comparison;

import fr.referentia.search.comparison.Comparisons.ItemProposals;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One comparison run in the background for one person. Its progress only ever grows: workers
 * report in any order, the highest count wins.
 */
public final class ComparisonJob {

    /** Where a job stands. */
    public enum State {
        QUEUED("En attente"),
        RUNNING("En cours"),
        DONE("Terminée"),
        FAILED("Échec");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the status endpoint and the page show; {@code percent} is rounded down, 100 only when done. */
    public record Status(UUID id, State state, String stateLabel, List<String> frameworks, int perItem, int done,
            int total, int percent, Instant createdAt, Instant finishedAt, String error) {
    }

    private final UUID id = UUID.randomUUID();
    private final String requester;
    private final List<String> frameworks;
    private final int perItem;
    private final Instant createdAt;
    private volatile State state = State.QUEUED;
    private volatile int done;
    private volatile int total;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile List<ItemProposals> result;

    ComparisonJob(String requester, List<String> frameworks, int perItem, Instant createdAt) {
        this.requester = requester;
        this.frameworks = List.copyOf(frameworks);
        this.perItem = perItem;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String requester() {
        return requester;
    }

    public List<String> frameworks() {
        return frameworks;
    }

    public int perItem() {
        return perItem;
    }

    public State state() {
        return state;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    /** The proposals, once {@link State#DONE}; null before. */
    public List<ItemProposals> result() {
        return result;
    }

    void running() {
        state = State.RUNNING;
    }

    synchronized void advanced(int count, int of) {
        total = of;
        done = Math.max(done, count);
    }

    void finished(List<ItemProposals> proposals, Instant at) {
        result = proposals;
        finishedAt = at;
        state = State.DONE;
    }

    void failed(String message, Instant at) {
        error = message;
        finishedAt = at;
        state = State.FAILED;
    }

    public synchronized Status status() {
        int percent = state == State.DONE ? 100 : total == 0 ? 0 : Math.min(99, (int) (100L * done / total));
        return new Status(id, state, state.label(), frameworks, perItem, done, total, percent, createdAt, finishedAt,
                error);
    }
}
