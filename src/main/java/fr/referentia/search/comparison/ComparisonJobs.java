package fr.referentia.search.comparison;

import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Comparisons run in the background (R14 at ESCO scale: minutes of work must not hold a request),
 * one at a time, each spread over every core; their progress is polled.
 *
 * <p>Jobs live in memory, on purpose: a job's result is derived data (recomputed from the
 * referentials and the index in a minute), it belongs to the one person who asked for it and is
 * only read by them while they wait, and it is dropped an hour after it ends. A table would add a
 * migration, a 14,000-item result to serialise and stale "running" rows after a restart, for
 * nothing a user would lose: after a restart (or on another node, when several run behind a load
 * balancer without sticky sessions) the job reads as unknown and the page offers to start it again.
 */
@Service
public class ComparisonJobs {

    private static final Logger log = LoggerFactory.getLogger(ComparisonJobs.class);
    /** Comparisons waiting for the one running; more is refused (409) rather than queued for hours. */
    static final int QUEUE = 8;
    static final Duration KEPT = Duration.ofHours(1);
    /** Ended jobs kept per person (results of 14,000 items weigh megabytes): older ones are dropped. */
    static final int KEPT_PER_PERSON = 3;
    /**
     * Above this size (origin items × compared items; ~1,400 × 1,400, about half a second of CPU),
     * the pages run a comparison in the background. All the seeds together are ~30,000.
     */
    static final long BACKGROUND_FROM = 2_000_000;

    private final Comparisons comparisons;
    private final Clock clock;
    private final Map<UUID, ComparisonJob> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolTaskExecutor runner = new ThreadPoolTaskExecutor();
    private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
    private volatile long backgroundFrom;

    ComparisonJobs(Comparisons comparisons, Clock clock,
            @Value("${referentia.comparison.background-from:" + BACKGROUND_FROM + "}") long backgroundFrom) {
        this.comparisons = comparisons;
        this.clock = clock;
        this.backgroundFrom = backgroundFrom;
        runner.setCorePoolSize(1);
        runner.setMaxPoolSize(1);
        runner.setQueueCapacity(QUEUE);
        runner.setThreadNamePrefix("comparison-");
        runner.initialize();
        int cores = Runtime.getRuntime().availableProcessors();
        workers.setCorePoolSize(cores);
        workers.setMaxPoolSize(cores);
        workers.setThreadNamePrefix("comparison-worker-");
        workers.initialize();
    }

    /** Whether a comparison of this size is long enough to be run in the background. */
    public boolean runsInBackground(long size) {
        return size > backgroundFrom;
    }

    /** Changes the threshold (tests: to see the pages of a large comparison with the small seeds). */
    long backgroundFrom(long size) {
        long previous = backgroundFrom;
        backgroundFrom = size;
        return previous;
    }

    /** Starts comparing {@code frameworks} (already checked) for {@code requester}. */
    public ComparisonJob start(List<String> frameworks, int perItem, String requester) {
        Comparisons.checkPerItem(perItem);
        forgetOldJobs();
        jobs.values().stream().filter(job -> job.requester().equals(requester) && job.finishedAt() != null)
                .sorted(Comparator.comparing(ComparisonJob::finishedAt).reversed())
                .skip(KEPT_PER_PERSON - 1).forEach(job -> jobs.remove(job.id()));
        ComparisonJob job = new ComparisonJob(requester, frameworks, perItem, clock.instant());
        jobs.put(job.id(), job);
        try {
            runner.execute(() -> run(job));
        } catch (TaskRejectedException e) {
            jobs.remove(job.id());
            throw new ConflictException("Trop de comparaisons sont déjà en attente : réessayez dans quelques minutes.");
        }
        return job;
    }

    /** The job, for its requester or a branch administrator; anyone else is told it does not exist. */
    public ComparisonJob find(UUID id, String viewer, boolean branchAdministrator) {
        forgetOldJobs();
        ComparisonJob job = id == null ? null : jobs.get(id);
        if (job == null || !(branchAdministrator || job.requester().equals(viewer))) {
            throw new NotFoundException("Comparaison inconnue ou expirée : relancez-la.");
        }
        return job;
    }

    private void run(ComparisonJob job) {
        job.running();
        try {
            job.finished(comparisons.propose(job.frameworks(), job.perItem(), job::advanced, workers),
                    clock.instant());
        } catch (RuntimeException e) {
            log.error("Comparison {} of {} failed", job.id(), job.frameworks(), e);
            job.failed("La comparaison a échoué : " + e.getMessage(), clock.instant());
        }
    }

    private void forgetOldJobs() {
        jobs.values().removeIf(job -> job.finishedAt() != null
                && job.finishedAt().plus(KEPT).isBefore(clock.instant()));
    }

    @PreDestroy
    void stop() {
        runner.shutdown();
        workers.shutdown();
    }
}
