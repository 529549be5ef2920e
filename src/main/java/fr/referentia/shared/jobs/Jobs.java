package fr.referentia.shared.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one runner of background jobs. Each {@link JobKind} gets a bounded pool of its own; each job is a
 * row of {@code job} (its input and result in {@code job_data}), so that any node behind a load balancer
 * shows its progress and result, and nothing is lost from memory but the work itself.
 *
 * <p>Progress is committed apart from the work's own transaction (an import writes everything in one, so
 * that nothing is half-imported), at most a few times a second. A node is named
 * ({@code referentia.jobs.node}, by default the host name: the same across restarts); when it stops it
 * marks its unfinished jobs {@link JobState#INTERRUPTED}, and when it starts it marks so those a crash
 * left behind. Another node's job without news for {@code referentia.jobs.stale-after} reads as
 * interrupted too (a node tells it is alive every minute). An interrupted job whose input is stored may
 * be run again by its owner. Ended jobs are kept for their kind's retention, then deleted.
 *
 * <p>A job is shown to its owner, and to the holders of its kind's {@link JobKind#viewerRoles()};
 * to anyone else it does not exist.
 */
@Service
public class Jobs implements SmartLifecycle {

    /** Who looks at a job: their name (e-mail) and roles (without {@code ROLE_}). */
    public record Viewer(String name, Set<String> roles) {

        public static Viewer of(Authentication authentication) {
            if (authentication == null) {
                return new Viewer(null, Set.of());
            }
            return new Viewer(authentication.getName(), authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).filter(a -> a != null && a.startsWith("ROLE_"))
                    .map(a -> a.substring("ROLE_".length())).collect(Collectors.toUnmodifiableSet()));
        }

        public static Viewer owner(String name) {
            return new Viewer(name, Set.of());
        }
    }

    private record Kind(JobKind work, ThreadPoolTaskExecutor executor, Duration retention, int keptPerOwner) {
    }

    static final String INPUT = "INPUT";
    static final String RESULT = "RESULT";
    static final int MAX_PROBLEMS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {
    };

    private final ObjectProvider<JobKind> declared;
    private final JobRepository rows;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Environment environment;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate reading;
    private final String node;
    private final Duration staleAfter;
    private final long progressInterval;
    private final Duration shutdownWait;
    private final String baseUrl;
    private volatile Map<String, Kind> kinds;
    private volatile boolean running;

    Jobs(ObjectProvider<JobKind> declared, JobRepository rows, JdbcTemplate jdbc, ObjectMapper json, Clock clock,
            PlatformTransactionManager transactions, Environment environment,
            @Value("${referentia.jobs.node:}") String node,
            @Value("${referentia.jobs.stale-after:10m}") Duration staleAfter,
            @Value("${referentia.jobs.progress-interval:250ms}") Duration progressInterval,
            @Value("${referentia.jobs.shutdown-wait:30s}") Duration shutdownWait,
            @Value("${referentia.base-url:http://localhost:8080}") String baseUrl) {
        this.declared = declared;
        this.rows = rows;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.environment = environment;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Progress is written while the work's own transaction is still open: it must commit apart.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.node = node == null || node.isBlank() ? hostName() : node.strip();
        this.staleAfter = staleAfter;
        this.progressInterval = progressInterval.toMillis();
        this.shutdownWait = shutdownWait;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * The absolute address of a job's status, for the {@code Location} of an asynchronous request: from
     * the configured base URL, never from the request's {@code Host} header.
     */
    public URI statusUri(UUID id) {
        return URI.create(baseUrl + "/api/v1/jobs/" + id);
    }

    /** This node's name, as its jobs' rows carry it. */
    public String node() {
        return node;
    }

    /**
     * Queues a job of {@code kind} for {@code owner}, to run in the current security context; its input
     * (null if none) is stored until it ends, so that it can be run again if interrupted.
     */
    public UUID submit(String kind, String owner, String label, byte[] input) {
        Kind type = kind(kind);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        write(() -> {
            purge(type, now);
            makeRoom(type, owner, now);
            rows.saveAndFlush(new Job(id, kind, owner, label, node, input != null, now));
            if (input != null) {
                store(id, INPUT, input);
            }
            return null;
        });
        enqueue(type, id, owner, input);
        return id;
    }

    /** The job, if {@code viewer} may see it and it is not past its retention; otherwise it does not exist. */
    public JobView find(UUID id, Viewer viewer) {
        Instant now = clock.instant();
        Job row = id == null ? null : reading.execute(status -> rows.findById(id).orElse(null));
        Kind type = row == null ? null : kinds().get(row.getKind());
        if (type == null || !visible(row, type, viewer) || expired(row, type, now)) {
            throw new NotFoundException("Travail inconnu ou expiré : il n'existe pas, ou plus, pour vous.");
        }
        return view(row, type, now);
    }

    /** The person's latest jobs of {@code kind}, most recent first. */
    public List<JobView> recent(String kind, String owner, int count) {
        Kind type = kind(kind);
        Instant now = clock.instant();
        return reading.execute(status -> rows.findByOwnerAndKindOrderByCreatedAtDesc(owner, kind,
                PageRequest.of(0, count)).stream().filter(row -> !expired(row, type, now))
                .map(row -> view(row, type, now)).toList());
    }

    /** The stored result of a done job {@code viewer} may see. */
    public byte[] result(UUID id, Viewer viewer) {
        JobView job = find(id, viewer);
        if (job.state() != JobState.DONE) {
            throw new ConflictException("Le travail n'est pas terminé (" + job.state().label().toLowerCase()
                    + ", " + job.percent() + " %).");
        }
        byte[] result = load(id, RESULT);
        if (result == null) {
            throw new NotFoundException("Ce travail n'a pas de résultat enregistré.");
        }
        return result;
    }

    /**
     * Runs an interrupted job again, with its stored input, on this node and in the current security
     * context: its owner's only.
     */
    public JobView retry(UUID id, Viewer viewer) {
        JobView job = find(id, viewer);
        if (!job.owner().equals(viewer.name())) {
            throw new AccessDeniedException("Seule la personne qui a lancé ce travail peut le relancer.");
        }
        if (!job.retryable()) {
            throw new ConflictException("Seul un travail interrompu dont les données sont conservées peut être "
                    + "relancé : celui-ci est « " + job.state().label().toLowerCase() + " ».");
        }
        Kind type = kind(job.kind());
        byte[] input = load(id, INPUT);
        Instant now = clock.instant();
        int requeued = write(() -> rows.requeued(id, node, now, now.minus(staleAfter)));
        if (requeued == 0) {
            throw new ConflictException("Ce travail vient d'être relancé.");
        }
        enqueue(type, id, job.owner(), input);
        return find(id, viewer);
    }

    /** Every job of the person (for « Mes données »), any kind, latest first. */
    List<JobView> ofOwner(String owner) {
        Instant now = clock.instant();
        return reading.execute(status -> rows.findByOwnerOrderByCreatedAtDesc(owner).stream()
                .filter(row -> kinds().containsKey(row.getKind()))
                .map(row -> view(row, kinds().get(row.getKind()), now)).toList());
    }

    /** Deletes every job of the person (erasure), their inputs and results with them. */
    int eraseOwner(String owner) {
        return write(() -> rows.deleteByOwner(owner));
    }

    /** Drops the jobs past their kind's retention (they already read as unknown). */
    @Scheduled(fixedDelay = 15, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    public void purge() {
        Instant now = clock.instant();
        kinds().values().forEach(type -> write(() -> {
            purge(type, now);
            return null;
        }));
    }

    /** Tells the other nodes that this one's waiting and running jobs are alive, progress or not. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    public void heartbeat() {
        write(() -> rows.alive(node, clock.instant()));
    }

    /** Marks this node's unfinished jobs interrupted: at start-up, those a crash left behind. */
    int interruptOwnJobs() {
        return write(() -> rows.interrupted(node, clock.instant()));
    }

    @Override
    public void start() {
        int left = interruptOwnJobs();
        if (left > 0) {
            log.warn("{} job(s) of node {} were left unfinished by its previous run: marked interrupted", left, node);
        }
        running = true;
    }

    /** Stops taking work: waiting jobs are dropped, running ones get a little time, then all read as interrupted. */
    @Override
    public void stop() {
        running = false;
        if (kinds == null) {
            return;
        }
        for (Kind type : kinds.values()) {
            ThreadPoolExecutor pool = type.executor().getThreadPoolExecutor();
            pool.getQueue().clear();
            pool.shutdown();
        }
        long deadline = clock.millis() + shutdownWait.toMillis();
        for (Kind type : kinds.values()) {
            try {
                type.executor().getThreadPoolExecutor().awaitTermination(
                        Math.max(0, deadline - clock.millis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            int cut = interruptOwnJobs();
            if (cut > 0) {
                log.warn("{} unfinished job(s) of node {} marked interrupted at shutdown", cut, node);
            }
        } catch (RuntimeException e) {
            log.warn("Could not mark the unfinished jobs of node {} as interrupted", node, e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    long millis() {
        return clock.millis();
    }

    void progress(UUID id, String phase, int done, int total) {
        write(() -> rows.progress(id, phase, done, total, clock.instant()));
    }

    void storeResult(UUID id, byte[] result) {
        write(() -> {
            jdbc.update("DELETE FROM job_data WHERE job_id = ? AND purpose = ?", id, RESULT);
            store(id, RESULT, result);
            return null;
        });
    }

    private void enqueue(Kind type, UUID id, String owner, byte[] input) {
        SecurityContext requester = SecurityContextHolder.createEmptyContext();
        requester.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        try {
            // The work acts as the person who asked: the audit trail names them, not "the system".
            type.executor().execute(new DelegatingSecurityContextRunnable(() -> run(type, id, owner, input),
                    requester));
        } catch (TaskRejectedException e) {
            write(() -> {
                rows.deleteByIds(List.of(id));
                return null;
            });
            throw new ConflictException("Trop de travaux « " + type.work().title().toLowerCase()
                    + " » sont déjà en attente : réessayez dans quelques minutes.");
        }
    }

    private void run(Kind type, UUID id, String owner, byte[] input) {
        if (write(() -> rows.running(id, clock.instant())) == 0) {
            return; // interrupted or deleted while it waited
        }
        JobContext context = new JobContext(this, id, owner, input, new ProgressThrottle(progressInterval));
        try {
            String resultUrl = type.work().run(context);
            int total = context.total();
            end(id, JobState.DONE, context, total > 0 ? total : context.done(), resultUrl, null, List.of());
        } catch (JobFailure e) {
            end(id, JobState.FAILED, context, context.done(), null, e.getMessage(), e.problems());
        } catch (RuntimeException e) {
            log.error("Job {} of kind {} failed", id, type.work().name(), e);
            end(id, JobState.FAILED, context, context.done(), null, type.work().unexpectedFailure(e), List.of());
        }
    }

    private void end(UUID id, JobState state, JobContext context, int done, String resultUrl, String error,
            List<Problem> problems) {
        List<Problem> kept = problems;
        if (problems.size() > MAX_PROBLEMS) {
            kept = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
            kept.add(new Problem(null, null, "… et " + (problems.size() - MAX_PROBLEMS) + " autres problèmes."));
        }
        String text;
        try {
            text = kept.isEmpty() ? null : json.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String message = error == null || error.length() <= 2000 ? error : error.substring(0, 1999) + "…";
        write(() -> {
            rows.ended(id, state, context.phase(), done, Math.max(done, context.total()), resultUrl, message, text,
                    clock.instant());
            jdbc.update("DELETE FROM job_data WHERE job_id = ? AND purpose = ?", id, INPUT);
            return null;
        });
    }

    private void purge(Kind type, Instant now) {
        List<UUID> old = rows.endedBefore(type.work().name(), now.minus(type.retention()));
        if (!old.isEmpty()) {
            rows.deleteByIds(old);
        }
    }

    /** Keeps room for the job about to start among the person's last ended jobs of its kind. */
    private void makeRoom(Kind type, String owner, Instant now) {
        if (type.keptPerOwner() == Integer.MAX_VALUE) {
            return;
        }
        List<UUID> ended = rows.endedOf(owner, type.work().name(), now.minus(staleAfter));
        if (ended.size() >= type.keptPerOwner()) {
            rows.deleteByIds(ended.subList(Math.max(0, type.keptPerOwner() - 1), ended.size()));
        }
    }

    private boolean visible(Job row, Kind type, Viewer viewer) {
        return viewer != null && viewer.name() != null && (row.getOwner().equals(viewer.name())
                || type.work().viewerRoles().stream().anyMatch(viewer.roles()::contains));
    }

    /** Past its retention: ended (or silent) for longer than its kind keeps jobs. */
    private static boolean expired(Job row, Kind type, Instant now) {
        Instant ended = row.getFinishedAt() != null ? row.getFinishedAt() : row.getUpdatedAt();
        return ended.plus(type.retention()).isBefore(now);
    }

    private JobState effectiveState(Job row, Instant now) {
        boolean unfinished = row.getState() == JobState.QUEUED || row.getState() == JobState.RUNNING;
        return unfinished && row.getUpdatedAt().isBefore(now.minus(staleAfter)) ? JobState.INTERRUPTED
                : row.getState();
    }

    private JobView view(Job row, Kind type, Instant now) {
        List<Problem> problems = List.of();
        if (row.getProblems() != null) {
            try {
                problems = json.readValue(row.getProblems(), PROBLEMS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable problems of job " + row.getId(), e);
            }
        }
        JobState state = effectiveState(row, now);
        Instant finished = row.getFinishedAt() != null || state != JobState.INTERRUPTED ? row.getFinishedAt()
                : row.getUpdatedAt();
        return new JobView(row.getId(), row.getKind(), type.work().title(), row.getOwner(), row.getLabel(), state,
                row.getPhase(), row.getDone(), row.getTotal(), row.getError(), problems, row.getResultUrl(),
                row.isInputStored() && state == JobState.INTERRUPTED, row.getCreatedAt(), finished);
    }

    private void store(UUID id, String purpose, byte[] bytes) {
        List<String> parts = StoredBytes.encode(bytes);
        for (int i = 0; i < parts.size(); i++) {
            jdbc.update("INSERT INTO job_data (job_id, purpose, part_no, data) VALUES (?, ?, ?, ?)", id, purpose, i,
                    parts.get(i));
        }
    }

    private byte[] load(UUID id, String purpose) {
        List<String> parts = reading.execute(status -> jdbc.queryForList(
                "SELECT data FROM job_data WHERE job_id = ? AND purpose = ? ORDER BY part_no", String.class, id,
                purpose));
        return parts == null || parts.isEmpty() ? null : StoredBytes.decode(parts);
    }

    private <T> T write(Supplier<T> work) {
        return ownTransaction.execute(status -> work.get());
    }

    private Kind kind(String name) {
        Kind type = kinds().get(name);
        if (type == null) {
            throw new IllegalArgumentException("Unknown kind of job: " + name);
        }
        return type;
    }

    /** The kinds declared as beans, each with its pool: resolved at first use (their beans may use this one). */
    private Map<String, Kind> kinds() {
        Map<String, Kind> known = kinds;
        if (known == null) {
            synchronized (this) {
                known = kinds;
                if (known == null) {
                    Map<String, Kind> all = new LinkedHashMap<>();
                    declared.orderedStream().forEach(work -> all.put(work.name(), settle(work)));
                    kinds = known = Map.copyOf(all);
                }
            }
        }
        return known;
    }

    private Kind settle(JobKind work) {
        String prefix = "referentia.jobs." + work.name() + ".";
        int threads = environment.getProperty(prefix + "threads", Integer.class, work.threads());
        int queue = environment.getProperty(prefix + "queue", Integer.class, work.queue());
        Duration retention = environment.getProperty(prefix + "retention", Duration.class, work.retention());
        int kept = environment.getProperty(prefix + "kept-per-owner", Integer.class, work.keptPerOwner());
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queue);
        executor.setThreadNamePrefix("job-" + work.name() + "-");
        executor.initialize();
        return new Kind(work, executor, retention, kept);
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "referentia";
        }
    }
}
