package fr.referentia.search.comparison;

import fr.referentia.search.comparison.Comparisons.ItemProposals;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One comparison run in the background for one person: on the node that runs it, the live job
 * (its progress only ever grows: workers report in any order, the highest count wins); elsewhere,
 * what its row in {@code comparison_job} says, read by {@link ComparisonJobs#find}.
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

    /** Progress is stored at each hundredth of the work, or after this many nanoseconds without a store. */
    private static final long STORE_EVERY = 1_000_000_000L;

    private final UUID id;
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
    /** Reads the stored result, for a job read from its row; null for a live job. */
    private Supplier<List<ItemProposals>> storedResult;
    private int storedPercent = -1;
    private long storedAt;

    ComparisonJob(String requester, List<String> frameworks, int perItem, Instant createdAt) {
        this(UUID.randomUUID(), requester, frameworks, perItem, createdAt);
    }

    private ComparisonJob(UUID id, String requester, List<String> frameworks, int perItem, Instant createdAt) {
        this.id = id;
        this.requester = requester;
        this.frameworks = List.copyOf(frameworks);
        this.perItem = perItem;
        this.createdAt = createdAt;
    }

    /** The job as its row says, in {@code state} (a stale running job reads as failed), its result read on demand. */
    static ComparisonJob stored(StoredComparisonJob row, State state, String error,
            Supplier<List<ItemProposals>> result) {
        ComparisonJob job = new ComparisonJob(row.getId(), row.getRequester(), row.getFrameworks(), row.getPerItem(),
                row.getCreatedAt());
        job.state = state;
        job.done = row.getDone();
        job.total = row.getTotal();
        job.finishedAt = row.getFinishedAt() != null || state != State.FAILED ? row.getFinishedAt()
                : row.getUpdatedAt();
        job.error = error;
        job.storedResult = result;
        return job;
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
        if (result == null && storedResult != null && state == State.DONE) {
            result = storedResult.get();
        }
        return result;
    }

    void running() {
        state = State.RUNNING;
    }

    /**
     * Counts {@code count} items of {@code of} done; true when the progress is worth storing: its first
     * count, then each new hundredth (at most ten a second: a small job's items are all hundredths) or a
     * second after the last store; not every item (14,000 writes). The end is stored with the result.
     */
    synchronized boolean advanced(int count, int of) {
        boolean newTotal = of != total;
        total = of;
        done = Math.max(done, count);
        int percent = of == 0 ? 0 : (int) (100L * done / of);
        long now = System.nanoTime();
        long since = now - storedAt;
        if (newTotal || percent != storedPercent && since >= STORE_EVERY / 10 || since >= STORE_EVERY) {
            storedPercent = percent;
            storedAt = now;
            return true;
        }
        return false;
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
