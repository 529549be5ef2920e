package fr.referentia.framework.importjob;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.framework.Framework;
import fr.referentia.framework.ImportProgress.Phase;
import fr.referentia.framework.exchange.FrameworkImport;
import fr.referentia.framework.exchange.FrameworkImport.Metadata;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.jobs.JobContext;
import fr.referentia.shared.jobs.JobFailure;
import fr.referentia.shared.jobs.JobKind;
import fr.referentia.shared.jobs.JobView;
import fr.referentia.shared.jobs.Jobs;
import fr.referentia.shared.jobs.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Imports of referentials, a kind of background job ({@value #KIND}): the request stores the job (and
 * its file, so that an interrupted import can be run again) and returns at once; one worker by default
 * ({@code referentia.jobs.framework-import.threads}: an import is heavy on a small machine) parses,
 * checks and writes the file in one transaction, so nothing is half-imported. A job is only ever shown
 * to the person who started it; it is kept 30 days.
 */
@Service
public class ImportJobs implements JobKind {

    public static final String KIND = "framework-import";

    /** What a job is submitted with, stored as its input (JSON: the content in Base64). */
    record Request(String fileName, String format, Metadata metadata, byte[] content) {
    }

    private final FrameworkImport imports;
    private final Jobs jobs;
    private final ObjectMapper json;

    ImportJobs(FrameworkImport imports, Jobs jobs, ObjectMapper json) {
        this.imports = imports;
        this.jobs = jobs;
        this.json = json;
    }

    /** Queues the import of a file (its format from {@code format} or its extension); returns the job's id. */
    public UUID submitFile(String owner, String fileName, byte[] content, String format, Metadata metadata) {
        return jobs.submit(KIND, owner, fileName, input(new Request(fileName, format, metadata, content)));
    }

    /** Queues the import of a JSON body (canonical JSON or a CASE package); returns the job's id. */
    public UUID submitJson(String owner, byte[] body, String format, Metadata overrides) {
        return jobs.submit(KIND, owner, null, input(new Request(null, format == null ? "json" : format, overrides,
                body)));
    }

    /** The job, for its owner only: anyone else is told it does not exist. */
    public JobView job(UUID id, String owner) {
        return jobs.find(id, Jobs.Viewer.owner(owner));
    }

    /** The owner's latest imports, most recent first. */
    public List<JobView> recent(String owner, int count) {
        return jobs.recent(KIND, owner, count);
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String title() {
        return "Import d'un référentiel";
    }

    @Override
    public Duration retention() {
        return Duration.ofDays(30);
    }

    @Override
    public String resultLabel() {
        return "Voir le référentiel importé";
    }

    @Override
    public String againUrl(JobView job) {
        return "/referentiels/import";
    }

    @Override
    public String unexpectedFailure(RuntimeException e) {
        return "L'import a échoué sur une erreur inattendue : rien n'a été importé.";
    }

    @Override
    public String run(JobContext context) {
        Request request = read(context.input());
        context.progress(label(Phase.VALIDATION), 0, 0);
        try {
            // Indexing comes once every item is written: it counts them all done.
            Framework framework = imports.importFile(context.owner(), request.fileName(), request.content(),
                    request.format(), request.metadata(), (phase, processed, total) -> context.progress(label(phase),
                            phase == Phase.INDEXING ? total : processed, total));
            return UriComponentsBuilder.fromPath("/referentiels/{code}/versions/{version}")
                    .buildAndExpand(framework.getCode(), framework.getVersion()).encode().toUriString();
        } catch (BadInputException e) {
            throw new JobFailure(e.getMessage(), problems(e));
        } catch (ConflictException e) {
            throw new JobFailure(e.getMessage());
        }
    }

    static String label(Phase phase) {
        return switch (phase) {
            case VALIDATION -> "Lecture et vérification du fichier";
            case WRITING -> "Enregistrement des éléments";
            case INDEXING -> "Indexation pour la recherche";
        };
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

    private byte[] input(Request request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Request read(byte[] input) {
        try {
            return json.readValue(input, Request.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
