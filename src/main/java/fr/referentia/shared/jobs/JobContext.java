package fr.referentia.shared.jobs;

import java.util.Objects;
import java.util.UUID;

/**
 * What a job's work is given: its input, a way to tell its progress, and a place for a large result.
 * Progress may be told from several threads and as often as wished (per item): within one phase and
 * total the count only ever grows, and it is written at most a few times a second.
 */
public final class JobContext {

    private final Jobs runner;
    private final UUID id;
    private final String owner;
    private final byte[] input;
    private final ProgressThrottle throttle;
    private String phase;
    private int done;
    private int total;

    JobContext(Jobs runner, UUID id, String owner, byte[] input, ProgressThrottle throttle) {
        this.runner = runner;
        this.id = id;
        this.owner = owner;
        this.input = input;
        this.throttle = throttle;
    }

    public UUID id() {
        return id;
    }

    /** The person who asked (the security context of the work is theirs too). */
    public String owner() {
        return owner;
    }

    /** What the job was submitted with; null if nothing was. */
    public byte[] input() {
        return input;
    }

    /** {@code done} of {@code total} in {@code phase} (a short French phrase, e.g. « Enregistrement des éléments »). */
    public synchronized void progress(String phase, int done, int total) {
        if (!Objects.equals(phase, this.phase) || total != this.total) {
            this.phase = phase;
            this.total = total;
            this.done = done;
        } else {
            this.done = Math.max(this.done, done);
        }
        if (throttle.due(phase, total, runner.millis())) {
            runner.progress(id, phase, this.done, total);
        }
    }

    /** Stores the job's result (any bytes, e.g. JSON), read back by {@link Jobs#result} from any node. */
    public void storeResult(byte[] result) {
        runner.storeResult(id, result);
    }

    synchronized String phase() {
        return phase;
    }

    synchronized int done() {
        return done;
    }

    synchronized int total() {
        return total;
    }
}
