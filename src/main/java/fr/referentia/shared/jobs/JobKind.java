package fr.referentia.shared.jobs;

import java.time.Duration;
import java.util.Set;

/**
 * A kind of background job, declared as a bean by the module that owns the work. The runner
 * ({@link Jobs}) gives each kind its bounded pool ({@code referentia.jobs.<name>.threads}, {@code .queue})
 * and its retention ({@code referentia.jobs.<name>.retention}); the defaults come from here.
 */
public interface JobKind {

    /** Stable name, stored with each job and used in the settings, e.g. {@code framework-import}. */
    String name();

    /** French title of the job page, e.g. « Import d'un référentiel ». */
    String title();

    /**
     * Does the work, in the security context of the person who asked, and returns the address of its
     * result (a page), or null. Progress goes through {@code context}; a {@link JobFailure} ends the
     * job as FAILED with its message, any other exception with {@link #unexpectedFailure}.
     */
    String run(JobContext context);

    default int threads() {
        return 1;
    }

    /** Jobs that may wait for a thread; beyond, a new one is refused (409). */
    default int queue() {
        return 20;
    }

    /** How long an ended job is kept (then it reads as unknown and is deleted). */
    default Duration retention() {
        return Duration.ofDays(30);
    }

    /** Ended jobs of this kind kept per person (a new job makes room for itself); unlimited by default. */
    default int keptPerOwner() {
        return Integer.MAX_VALUE;
    }

    /** Roles (without {@code ROLE_}) whose holders may see anyone's job of this kind; its owner always may. */
    default Set<String> viewerRoles() {
        return Set.of();
    }

    /** Whether the job page leads straight to the result once the job is done (rather than linking to it). */
    default boolean opensResult() {
        return false;
    }

    /** French name of the link to the result of a done job. */
    default String resultLabel() {
        return "Voir le résultat";
    }

    /** A page where the person may start such a job again (after a failure), or null. */
    default String againUrl(JobView job) {
        return null;
    }

    default String unexpectedFailure(RuntimeException e) {
        return "Le travail a échoué sur une erreur inattendue.";
    }
}
