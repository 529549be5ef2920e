package fr.referentia.shared.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the authorisation matrix: a job of a given kind and owner that has already ended (failed), written
 * directly. Submitting a real job for each of the matrix's calls (some 130) went through the kind's
 * queue on this node, which other test classes of the same JVM may have filled: the submission was then
 * refused (« Trop de travaux … en attente », 409) before any authorisation was checked. Who may read,
 * retry or open a job depends only on its row (kind, owner, state), which is what this writes.
 */
@Component
public class MatrixJobs {

    private final JobRepository rows;
    private final Jobs jobs;
    private final Clock clock;
    private final TransactionTemplate transactions;

    MatrixJobs(JobRepository rows, Jobs jobs, Clock clock, PlatformTransactionManager transactionManager) {
        this.rows = rows;
        this.jobs = jobs;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A failed job of {@code kind} owned by {@code owner}, as if its input had been refused at once. */
    public UUID failed(String kind, String owner, String label) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            rows.saveAndFlush(new Job(id, kind, owner, label, jobs.node(), false, now));
            rows.ended(id, JobState.FAILED, null, 0, 0, null, "Fichier refusé (matrice d'autorisation).", null, now);
        });
        return id;
    }
}
