package fr.referentia.search.comparison;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.search.comparison.Comparisons.ItemProposals;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Comparisons run in the background (R14 at ESCO scale: minutes of work must not hold a request),
 * one at a time per node, each spread over every core; their progress is polled.
 *
 * <p>Jobs are rows of {@code comparison_job} (the result gzipped in {@code comparison_job_part}), not
 * memory: nodes are stateless behind a load balancer without sticky sessions, so the node that
 * answers a poll or shows the result is often not the one that runs the job. Progress is committed
 * on its own, at each hundredth or second, not per item. A job whose node stopped reads as
 * interrupted after {@link #STALE} without news, as imports do. Ended jobs are kept {@link #KEPT}, a
 * person's last {@link #KEPT_PER_PERSON} at most.
 */
@Service
public class ComparisonJobs {

    private static final Logger log = LoggerFactory.getLogger(ComparisonJobs.class);
    /** Comparisons waiting on a node for the one it runs; more is refused (409) rather than queued for hours. */
    static final int QUEUE = 8;
    static final Duration KEPT = Duration.ofHours(1);
    /** Ended jobs kept per person (results of 14,000 items weigh megabytes): older ones are dropped. */
    static final int KEPT_PER_PERSON = 3;
    /** A job not heard of for this long (progress is stored every second or so) was cut short by its node's stop. */
    static final Duration STALE = Duration.ofMinutes(10);
    static final String INTERRUPTED = "La comparaison a été interrompue (arrêt du serveur) : relancez-la.";
    /**
     * Above this size (origin items × compared items; ~1,400 × 1,400, about half a second of CPU),
     * the pages run a comparison in the background. All the seeds together are ~30,000.
     */
    static final long BACKGROUND_FROM = 2_000_000;

    private final Comparisons comparisons;
    private final FrameworkCatalog catalog;
    private final ComparisonJobRepository rows;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate reading;
    /** The jobs waiting on this node: kept alive in their rows while this node works (see {@link #store}). */
    private final Set<UUID> waitingHere = ConcurrentHashMap.newKeySet();
    private final Set<UUID> runningHere = ConcurrentHashMap.newKeySet();
    private final ThreadPoolTaskExecutor runner = new ThreadPoolTaskExecutor();
    private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
    /** The last result read, for the pages of 200 items of one result that follow one another. */
    private volatile Cached cached;
    private volatile long backgroundFrom;

    private record Cached(UUID id, List<ItemProposals> result) {
    }

    ComparisonJobs(Comparisons comparisons, FrameworkCatalog catalog, ComparisonJobRepository rows, ObjectMapper json,
            Clock clock, PlatformTransactionManager transactions,
            @Value("${referentia.comparison.background-from:" + BACKGROUND_FROM + "}") long backgroundFrom) {
        this.comparisons = comparisons;
        this.catalog = catalog;
        this.rows = rows;
        this.json = json;
        this.clock = clock;
        this.backgroundFrom = backgroundFrom;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
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

    /**
     * Starts comparing {@code frameworks} (already checked) for {@code requester}; the live job is
     * returned (its progress is this node's, ahead of its row's).
     */
    public ComparisonJob start(List<String> frameworks, int perItem, String requester) {
        Comparisons.checkPerItem(perItem);
        forgetOldJobs(requester);
        ComparisonJob job = new ComparisonJob(requester, frameworks, perItem, clock.instant());
        ownTransaction.executeWithoutResult(status -> rows.save(
                new StoredComparisonJob(job.id(), requester, frameworks, perItem, clock.instant())));
        waitingHere.add(job.id());
        try {
            runner.execute(() -> run(job));
        } catch (TaskRejectedException e) {
            waitingHere.remove(job.id());
            ownTransaction.executeWithoutResult(status -> rows.deleteById(job.id()));
            throw new ConflictException("Trop de comparaisons sont déjà en attente : réessayez dans quelques minutes.");
        }
        return job;
    }

    /** The job, for its requester or a branch administrator; anyone else is told it does not exist. */
    public ComparisonJob find(UUID id, String viewer, boolean branchAdministrator) {
        Instant now = clock.instant();
        StoredComparisonJob row = id == null ? null : reading.execute(status -> rows.findById(id).orElse(null));
        if (row == null || !(branchAdministrator || row.getRequester().equals(viewer))
                || expired(row, now)) {
            throw new NotFoundException("Comparaison inconnue ou expirée : relancez-la.");
        }
        boolean stale = row.getFinishedAt() == null && row.getUpdatedAt().isBefore(now.minus(STALE));
        ComparisonJob.State state = stale ? ComparisonJob.State.FAILED : row.getState();
        return ComparisonJob.stored(row, state, stale ? INTERRUPTED : row.getMessage(), () -> result(id));
    }

    /** Drops the jobs past their hour (and those of a stopped node, an hour after their last news). */
    @Scheduled(fixedDelay = 15, initialDelay = 15, timeUnit = TimeUnit.MINUTES)
    void forgetOldJobs() {
        ownTransaction.executeWithoutResult(status -> {
            List<UUID> old = rows.endedBefore(clock.instant().minus(KEPT));
            if (!old.isEmpty()) {
                rows.deleteAllByIdInBatch(old);
            }
        });
    }

    /** Also keeps room for the one about to start among the person's last ended jobs. */
    private void forgetOldJobs(String requester) {
        forgetOldJobs();
        ownTransaction.executeWithoutResult(status -> {
            List<UUID> ended = rows.ended(requester, clock.instant().minus(STALE));
            if (ended.size() >= KEPT_PER_PERSON) {
                rows.deleteAllByIdInBatch(ended.subList(KEPT_PER_PERSON - 1, ended.size()));
            }
        });
    }

    /** As {@link ComparisonJobRepository#endedBefore}: a job silent for an hour is stale, so ended. */
    private static boolean expired(StoredComparisonJob row, Instant now) {
        Instant ended = row.getFinishedAt() != null ? row.getFinishedAt() : row.getUpdatedAt();
        return ended.plus(KEPT).isBefore(now);
    }

    /** Forgets the result read last (tests: to read it back from the database). */
    void forgetCachedResult() {
        cached = null;
    }

    private List<ItemProposals> result(UUID id) {
        Cached last = cached;
        if (last != null && last.id().equals(id)) {
            return last.result();
        }
        // Dropped between its status and its result (retention): as unknown as any expired job.
        List<String> parts = reading.execute(status -> rows.findById(id).map(row -> List.copyOf(row.getParts()))
                .orElseThrow(() -> new NotFoundException("Comparaison inconnue ou expirée : relancez-la.")));
        List<ItemProposals> result = StoredResult.decode(json, parts);
        cached = new Cached(id, result);
        return result;
    }

    private void run(ComparisonJob job) {
        waitingHere.remove(job.id());
        runningHere.add(job.id());
        try {
            String versions = job.frameworks().stream().map(code -> catalog.summary(code).version())
                    .collect(Collectors.joining(","));
            job.running();
            ownTransaction.executeWithoutResult(status -> rows.running(job.id(), versions, clock.instant()));
            List<ItemProposals> proposals = comparisons.propose(job.frameworks(), job.perItem(), (done, total) -> {
                if (job.advanced(done, total)) {
                    store(job);
                }
            }, workers);
            List<String> parts = StoredResult.encode(json, proposals);
            ownTransaction.executeWithoutResult(status -> rows.findById(job.id())
                    .ifPresent(row -> row.finished(parts, proposals.size(), clock.instant())));
            job.finished(proposals, clock.instant());
        } catch (RuntimeException e) {
            log.error("Comparison {} of {} failed", job.id(), job.frameworks(), e);
            String message = "La comparaison a échoué : " + e.getMessage();
            ownTransaction.executeWithoutResult(status -> rows.failed(List.of(job.id()),
                    message.length() > 2000 ? message.substring(0, 2000) : message, clock.instant()));
            job.failed(message, clock.instant());
        } finally {
            runningHere.remove(job.id());
        }
    }

    /** Stores the live job's progress, and tells the jobs waiting behind it that this node is alive. */
    private void store(ComparisonJob job) {
        ComparisonJob.Status status = job.status();
        Instant now = clock.instant();
        ownTransaction.executeWithoutResult(tx -> {
            rows.progress(job.id(), status.done(), status.total(), now);
            if (!waitingHere.isEmpty()) {
                rows.waiting(Set.copyOf(waitingHere), now);
            }
        });
    }

    /** The jobs of this node end with it: their rows say so at once rather than after {@link #STALE}. */
    @PreDestroy
    void stop() {
        runner.shutdown();
        workers.shutdown();
        Set<UUID> cut = new HashSet<>(waitingHere);
        cut.addAll(runningHere);
        if (!cut.isEmpty()) {
            try {
                ownTransaction.executeWithoutResult(status -> rows.failed(cut, INTERRUPTED, clock.instant()));
            } catch (RuntimeException e) {
                log.warn("Could not mark the comparisons {} as interrupted", cut, e);
            }
        }
    }
}
