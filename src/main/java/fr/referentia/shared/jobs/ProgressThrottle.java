package fr.referentia.shared.jobs;

/**
 * Which progress reports are worth a write: a new phase or total at once (so the page shows where the
 * job is), otherwise at most one per {@code interval} milliseconds, whatever the number of reports (a
 * 17,000-item job reports per item). Not thread-safe: its caller holds a lock.
 */
final class ProgressThrottle {

    private final long interval;
    private String phase;
    private int total = -1;
    private long writtenAt;
    private boolean written;

    ProgressThrottle(long intervalMillis) {
        this.interval = intervalMillis;
    }

    /** Whether this report, at {@code now} (milliseconds), should be written; if so it counts as written. */
    boolean due(String newPhase, int newTotal, long now) {
        boolean changed = !written || !java.util.Objects.equals(phase, newPhase) || total != newTotal;
        if (changed || now - writtenAt >= interval) {
            phase = newPhase;
            total = newTotal;
            writtenAt = now;
            written = true;
            return true;
        }
        return false;
    }
}
