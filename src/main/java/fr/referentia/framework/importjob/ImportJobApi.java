package fr.referentia.framework.importjob;

import fr.referentia.framework.ImportProgress.Phase;
import fr.referentia.framework.exchange.FrameworkImport;
import fr.referentia.framework.exchange.FrameworkImport.Metadata;
import fr.referentia.framework.importjob.ImportJobs.JobView;
import fr.referentia.framework.importjob.ImportJobs.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The background path of the import API: {@code POST /api/v1/frameworks/import?async=true} answers 202
 * with the job to poll; without {@code async=true} the synchronous {@code FrameworkApi} answers.
 */
@RestController
@RequestMapping("/api/v1/frameworks/import")
@Tag(name = "Référentiels")
class ImportJobApi {

    record JobEntry(UUID id, String fileName, ImportStatus status, Phase phase, int processed, int total,
            int percent, String statusText, String frameworkCode, String frameworkVersion, String frameworkUrl,
            String message, List<Problem> problems, Instant createdAt, Instant finishedAt) {

        static JobEntry of(JobView job) {
            String url = job.frameworkCode() == null ? null
                    : UriComponentsBuilder.fromPath("/api/v1/frameworks/{code}/versions/{version}")
                            .buildAndExpand(job.frameworkCode(), job.frameworkVersion()).encode().toUriString();
            return new JobEntry(job.id(), job.fileName(), job.status(), job.phase(), job.processed(), job.total(),
                    job.percent(), job.statusText(), job.frameworkCode(), job.frameworkVersion(), url, job.message(),
                    job.problems(), job.createdAt(), job.finishedAt());
        }
    }

    private final FrameworkImport imports;
    private final ImportJobs jobs;

    ImportJobApi(FrameworkImport imports, ImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @PostMapping(params = "async=true")
    @Operation(summary = "Importe en arrière-plan (rôle BRANCH_ADMIN) un JSON canonique ou un paquet CASE 1.0 : "
            + "202 et l'adresse du suivi (Location)")
    ResponseEntity<JobEntry> importInBackground(InputStream body, @RequestParam(required = false) String format,
            @RequestParam(required = false) String code, @RequestParam(required = false) String kind,
            Authentication authentication) {
        UUID id = jobs.submitJson(authentication.getName(), imports.read(body), format,
                new Metadata(code, null, kind, null));
        return accepted(id, authentication);
    }

    @PostMapping(params = "async=true", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importe en arrière-plan (rôle BRANCH_ADMIN) un fichier xlsx, csv, json ou case : "
            + "202 et l'adresse du suivi (Location)")
    ResponseEntity<JobEntry> importFileInBackground(@RequestParam MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(required = false) String code,
            @RequestParam(required = false) String title, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String version, Authentication authentication) throws IOException {
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = imports.read(in);
        }
        UUID id = jobs.submitFile(authentication.getName(), file.getOriginalFilename(), content, format,
                new Metadata(code, title, kind, version));
        return accepted(id, authentication);
    }

    @GetMapping("/jobs/{jobId}")
    @Operation(summary = "Avancement d'un import en arrière-plan (celui qui l'a lancé seulement) : phase, "
            + "éléments traités, puis le référentiel créé ou le rapport d'erreurs")
    JobEntry job(@PathVariable UUID jobId, Authentication authentication) {
        return JobEntry.of(jobs.job(jobId, authentication.getName()));
    }

    private ResponseEntity<JobEntry> accepted(UUID id, Authentication authentication) {
        URI location = URI.create("/api/v1/frameworks/import/jobs/" + id);
        return ResponseEntity.accepted().location(location).body(JobEntry.of(jobs.job(id, authentication.getName())));
    }
}
