package fr.referentia.search.comparison;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.search.comparison.Comparisons.ItemProposals;
import fr.referentia.shared.jobs.JobContext;
import fr.referentia.shared.jobs.JobFailure;
import fr.referentia.shared.jobs.JobKind;
import fr.referentia.shared.jobs.JobView;
import fr.referentia.shared.jobs.Jobs;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Comparisons run in the background (R14 at ESCO scale: minutes of work must not hold a request), a
 * kind of job ({@value #KIND}) of the shared runner: one at a time per node
 * ({@code referentia.jobs.comparison.threads}), each spread over every core, {@value #QUEUE} waiting.
 * The result (the compared versions and the proposals, as JSON) is stored by the runner, so any node
 * shows it. Ended jobs are kept an hour, a person's last {@value #KEPT_PER_PERSON} at most; branch
 * administrators see everyone's.
 */
@Service
public class ComparisonJobs implements JobKind {

    public static final String KIND = "comparison";
    private static final Logger log = LoggerFactory.getLogger(ComparisonJobs.class);
    /** Comparisons waiting on a node for the one it runs; more is refused (409) rather than queued for hours. */
    static final int QUEUE = 8;
    static final Duration KEPT = Duration.ofHours(1);
    /** Ended jobs kept per person (results of 14,000 items weigh megabytes): older ones are dropped. */
    static final int KEPT_PER_PERSON = 3;
    static final String PHASE = "Recherche des rapprochements";
    /**
     * Above this size (origin items × compared items; ~1,400 × 1,400, about half a second of CPU),
     * the pages run a comparison in the background. All the seeds together are ~30,000.
     */
    static final long BACKGROUND_FROM = 2_000_000;

    /** What a job compares: its stored input. */
    record Request(List<String> frameworks, int perItem) {
    }

    /** A done comparison: what was compared (the versions current when it ran) and its proposals. */
    public record Result(List<String> frameworks, List<String> versions, int perItem,
            List<ItemProposals> proposals) {
    }

    private final Comparisons comparisons;
    private final FrameworkCatalog catalog;
    private final Jobs jobs;
    private final ObjectMapper json;
    private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
    /** The last result read, for the pages of 200 items of one result that follow one another. */
    private volatile Cached cached;
    private volatile long backgroundFrom;

    private record Cached(UUID id, Result result) {
    }

    ComparisonJobs(Comparisons comparisons, FrameworkCatalog catalog, Jobs jobs, ObjectMapper json,
            @Value("${referentia.comparison.background-from:" + BACKGROUND_FROM + "}") long backgroundFrom) {
        this.comparisons = comparisons;
        this.catalog = catalog;
        this.jobs = jobs;
        this.json = json;
        this.backgroundFrom = backgroundFrom;
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

    /** Starts comparing {@code frameworks} (already checked) for {@code requester}; returns the job's id. */
    public UUID start(List<String> frameworks, int perItem, String requester) {
        Comparisons.checkPerItem(perItem);
        try {
            return jobs.submit(KIND, requester, String.join(", ", frameworks),
                    json.writeValueAsBytes(new Request(frameworks, perItem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of a done comparison {@code viewer} may see (404 otherwise; 409 while it runs). */
    public Result result(UUID id, Jobs.Viewer viewer) {
        Cached last = cached;
        if (last != null && last.id().equals(id)) {
            jobs.find(id, viewer); // the cache is shared: the viewer must still be allowed
            return last.result();
        }
        Result result;
        try {
            result = json.readValue(jobs.result(id, viewer), Result.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable result of comparison " + id, e);
        }
        cached = new Cached(id, result);
        return result;
    }

    /** Forgets the result read last (tests: to read it back from the database). */
    void forgetCachedResult() {
        cached = null;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String title() {
        return "Comparaison de référentiels";
    }

    @Override
    public int queue() {
        return QUEUE;
    }

    @Override
    public Duration retention() {
        return KEPT;
    }

    @Override
    public int keptPerOwner() {
        return KEPT_PER_PERSON;
    }

    @Override
    public Set<String> viewerRoles() {
        return Set.of("BRANCH_ADMIN");
    }

    @Override
    public boolean opensResult() {
        return true;
    }

    @Override
    public String resultLabel() {
        return "Voir les propositions";
    }

    @Override
    public String againUrl(JobView job) {
        return UriComponentsBuilder.fromPath("/comparaisons/propositions")
                .queryParam("referentiels", job.label() == null ? "" : job.label().replace(", ", ","))
                .encode().toUriString();
    }

    @Override
    public String run(JobContext context) {
        Request request;
        try {
            request = json.readValue(context.input(), Request.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<String> versions = request.frameworks().stream().map(code -> catalog.summary(code).version())
                    .toList();
            List<ItemProposals> proposals = comparisons.propose(request.frameworks(), request.perItem(),
                    (done, total) -> context.progress(PHASE, done, total), workers);
            context.storeResult(json.writeValueAsBytes(new Result(request.frameworks(), versions,
                    request.perItem(), proposals)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            log.error("Comparison {} of {} failed", context.id(), request.frameworks(), e);
            throw new JobFailure("La comparaison a échoué : " + e.getMessage());
        }
        return "/comparaisons/travaux/" + context.id();
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }
}
