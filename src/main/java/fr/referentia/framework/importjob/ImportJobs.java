package fr.referentia.framework.importjob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.Framework;
import fr.referentia.framework.ImportProgress.Phase;
import fr.referentia.framework.exchange.FrameworkImport;
import fr.referentia.framework.exchange.FrameworkImport.Metadata;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of referentials run in the background: the request stores the job and returns at once; a
 * small bounded pool of workers (one by default: an import is heavy on a small machine) parses,
 * checks and writes the file in one transaction, so nothing is half-imported. Each step of progress
 * is committed on its own, in the {@code import_job} table, so that any node behind a load balancer
 * shows it. A job is only ever shown to the person who started it.
 */
@Service
public class ImportJobs implements DisposableBean {

    /** A problem of a file that was not imported; row and column only for a spreadsheet cell. */
    public record Problem(Integer row, String column, String message) {
    }

    /** What a job page and the status API show. */
    public record JobView(UUID id, String fileName, ImportStatus status, Phase phase, int processed, int total,
            String frameworkCode, String frameworkVersion, String message, List<Problem> problems,
            Instant createdAt, Instant finishedAt) {

        public boolean finished() {
            return status == ImportStatus.DONE || status == ImportStatus.FAILED;
        }

        /** Progress over the whole job: validation first tenth, writing up to 90 %, indexing the rest. */
        public int percent() {
            if (status == ImportStatus.DONE) {
                return 100;
            }
            if (phase == null || status == ImportStatus.FAILED) {
                return 0;
            }
            return switch (phase) {
                case VALIDATION -> 5;
                case WRITING -> 10 + (total == 0 ? 0 : 80 * processed / total);
                case INDEXING -> 90;
            };
        }

        /** The state in a French sentence, as the page and its live region say it. */
        public String statusText() {
            return switch (status) {
                case QUEUED -> "En attente de démarrage…";
                case DONE -> "Import terminé : " + total + " éléments importés.";
                case FAILED -> "Import échoué : rien n'a été importé.";
                case RUNNING -> switch (phase == null ? Phase.VALIDATION : phase) {
                    case VALIDATION -> "Lecture et vérification du fichier…";
                    case WRITING -> "Enregistrement des éléments : " + processed + " sur " + total + "…";
                    case INDEXING -> "Indexation pour la recherche de " + total + " éléments…";
                };
            };
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    /** A job not heard of for this long was cut short (its node stopped): it is shown as failed. */
    static final Duration STALE = Duration.ofMinutes(30);
    private static final int MAX_PROBLEMS = 1_000;

    private final FrameworkImport imports;
    private final ImportJobRepository jobs;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final ThreadPoolTaskExecutor workers;

    ImportJobs(FrameworkImport imports, ImportJobRepository jobs, ObjectMapper json, Clock clock,
            PlatformTransactionManager transactions,
            @Value("${referentia.frameworks.import-workers:1}") int workers,
            @Value("${referentia.frameworks.import-queue:20}") int queue) {
        this.imports = imports;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Progress is written while the import's own transaction is still open: it must commit apart.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // A pool of our own, not Spring Boot's shared one: the mails sent with @Async must not wait behind imports.
        this.workers = new ThreadPoolTaskExecutor();
        this.workers.setCorePoolSize(workers);
        this.workers.setMaxPoolSize(workers);
        this.workers.setQueueCapacity(queue);
        this.workers.setThreadNamePrefix("import-");
        this.workers.setWaitForTasksToCompleteOnShutdown(true);
        this.workers.setAwaitTerminationSeconds(60);
        this.workers.initialize();
    }

    /** Queues the import of a file (its format from {@code format} or its extension); returns the job's id. */
    public UUID submitFile(String owner, String fileName, byte[] content, String format, Metadata metadata) {
        return submit(owner, fileName, format, () -> imports.parseFile(fileName, content, format, metadata));
    }

    /** Queues the import of a JSON body (canonical JSON or a CASE package); returns the job's id. */
    public UUID submitJson(String owner, byte[] body, String format, Metadata overrides) {
        return submit(owner, null, format == null ? "json" : format,
                () -> imports.parseFile(null, body, format == null ? "json" : format, overrides));
    }

    /** The job, for its owner only: anyone else is told it does not exist. */
    public JobView job(UUID id, String owner) {
        return jobs.findByIdAndOwner(id, owner).map(this::view)
                .orElseThrow(() -> new NotFoundException("Aucun import n'a l'identifiant « " + id + " »."));
    }

    /** The owner's latest jobs, most recent first. */
    public List<JobView> recent(String owner, int count) {
        return jobs.findByOwnerOrderByCreatedAtDesc(owner, PageRequest.of(0, count))
                .stream().map(this::view).toList();
    }

    private UUID submit(String owner, String fileName, String format, Supplier<CanonicalFramework> parse) {
        ImportJob job = new ImportJob(owner, fileName, format, clock.instant());
        ownTransaction.executeWithoutResult(status -> jobs.save(job));
        try {
            // The worker acts as the person who asked: the audit trail names them, not "the system".
            workers.execute(new DelegatingSecurityContextRunnable(() -> run(job.getId(), parse),
                    SecurityContextHolder.getContext()));
        } catch (TaskRejectedException e) {
            ownTransaction.executeWithoutResult(status -> jobs.deleteById(job.getId()));
            throw new ConflictException("Trop d'imports sont déjà en attente : réessayez dans quelques minutes.");
        }
        return job.getId();
    }

    private void run(UUID id, Supplier<CanonicalFramework> parse) {
        try {
            progress(id, Phase.VALIDATION, 0, 0);
            CanonicalFramework parsed = parse.get();
            Framework framework = imports.write(parsed, (phase, processed, total) -> progress(id, phase, processed, total));
            int total = parsed.items().size();
            inOwnTransaction(now -> jobs.done(id, total, framework.getCode(), framework.getVersion(), now));
        } catch (BadInputException e) {
            fail(id, e.getMessage(), problems(e));
        } catch (ConflictException e) {
            fail(id, e.getMessage(), List.of());
        } catch (RuntimeException e) {
            log.error("Import {} failed", id, e);
            fail(id, "L'import a échoué sur une erreur inattendue : rien n'a été importé.", List.of());
        }
    }

    private void progress(UUID id, Phase phase, int processed, int total) {
        inOwnTransaction(now -> jobs.progress(id, phase, processed, total, now));
    }

    private void fail(UUID id, String message, List<Problem> problems) {
        List<Problem> kept = problems.size() <= MAX_PROBLEMS ? problems : new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        if (kept != problems) {
            kept.add(new Problem(null, null, "… et " + (problems.size() - MAX_PROBLEMS) + " autres problèmes."));
        }
        String text;
        try {
            text = json.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        inOwnTransaction(now -> jobs.failed(id, message, text, now));
    }

    private void inOwnTransaction(Function<Instant, Integer> update) {
        ownTransaction.executeWithoutResult(status -> update.apply(clock.instant()));
    }

    /** A spreadsheet's problems keep their row and column (the API's "cells"); other formats list sentences. */
    private List<Problem> problems(BadInputException e) {
        Object cells = e.details().get("cells");
        if (cells != null) {
            return json.convertValue(cells, new TypeReference<List<Problem>>() {
            });
        }
        return e.errors().stream().map(error -> new Problem(null, null, error)).toList();
    }

    private JobView view(ImportJob job) {
        List<Problem> problems = List.of();
        if (job.getProblems() != null) {
            try {
                problems = json.readValue(job.getProblems(), new TypeReference<List<Problem>>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable problems of import " + job.getId(), e);
            }
        }
        ImportStatus status = job.getStatus();
        String message = job.getMessage();
        if ((status == ImportStatus.QUEUED || status == ImportStatus.RUNNING)
                && job.getUpdatedAt().isBefore(clock.instant().minus(STALE))) {
            status = ImportStatus.FAILED;
            message = "L'import a été interrompu (arrêt du serveur) : rien n'a été importé. Relancez-le.";
        }
        return new JobView(job.getId(), job.getFileName(), status, job.getPhase(), job.getProcessed(),
                job.getTotal(), job.getFrameworkCode(), job.getFrameworkVersion(), message, problems,
                job.getCreatedAt(), job.getFinishedAt());
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }
}
