package fr.referentia.shared.jobs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job as its page and its status JSON show it. {@code state} is the effective one: an unfinished
 * job of a node that stopped (or silent too long) reads as {@link JobState#INTERRUPTED}.
 */
public record JobView(UUID id, String kind, String title, String owner, String label, JobState state,
        String phase, int done, int total, String error, List<Problem> problems, String resultUrl,
        boolean inputStored, Instant createdAt, Instant finishedAt) {

    public boolean ended() {
        return state.ended();
    }

    /** Rounded down; 100 only once done. */
    public int percent() {
        if (state == JobState.DONE) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(99, 100L * done / total);
    }

    /** Whether its owner may run it again: interrupted, its input still stored. */
    public boolean retryable() {
        return state == JobState.INTERRUPTED && inputStored;
    }

    /** The state in a French sentence, as the page and its live region say it (job.js says the same). */
    public String statusText() {
        return switch (state) {
            case QUEUED -> "En attente de démarrage…";
            case RUNNING -> (phase == null ? "En cours" : phase) + (total > 0 ? " : " + done + " sur " + total : "")
                    + "…";
            case DONE -> "Terminé" + (total > 0 ? " : " + total + " éléments traités." : ".");
            case FAILED -> "Échec.";
            case INTERRUPTED -> "Interrompu : le serveur s'est arrêté avant la fin.";
        };
    }
}
