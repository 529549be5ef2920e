package fr.referentia.framework.importjob.web;

import fr.referentia.framework.exchange.FrameworkImport;
import fr.referentia.framework.exchange.FrameworkImport.Metadata;
import fr.referentia.framework.importjob.ImportJobs;
import fr.referentia.shared.jobs.JobStatus;
import fr.referentia.shared.jobs.Jobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * The background path of the import API: {@code POST /api/v1/frameworks/import?async=true} answers 202
 * with the job's status and its address ({@code /api/v1/jobs/{id}}); without {@code async=true} the
 * synchronous {@code FrameworkApi} answers.
 */
@RestController
@RequestMapping("/api/v1/frameworks/import")
@Tag(name = "Référentiels")
class ImportJobApi {

    private final FrameworkImport imports;
    private final ImportJobs importJobs;
    private final Jobs jobs;

    ImportJobApi(FrameworkImport imports, ImportJobs importJobs, Jobs jobs) {
        this.imports = imports;
        this.importJobs = importJobs;
        this.jobs = jobs;
    }

    @PostMapping(params = "async=true")
    @Operation(summary = "Importe en arrière-plan (rôle BRANCH_ADMIN) un JSON canonique ou un paquet CASE 1.0 : "
            + "202 et l'adresse du travail (Location : /api/v1/jobs/{id}) ; le référentiel arrive en brouillon, "
            + "quel que soit le statut du fichier, sauf avec publish=true")
    ResponseEntity<JobStatus> importInBackground(InputStream body, @RequestParam(required = false) String format,
            @RequestParam(required = false) String code, @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "false") boolean publish, Authentication authentication) {
        UUID id = importJobs.submitJson(authentication.getName(), imports.read(body), format,
                new Metadata(code, null, kind, null), publish);
        return accepted(id, authentication);
    }

    @PostMapping(params = "async=true", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importe en arrière-plan (rôle BRANCH_ADMIN) un fichier xlsx, csv, json ou case : "
            + "202 et l'adresse du travail (Location : /api/v1/jobs/{id}) ; en brouillon, sauf avec publish=true")
    ResponseEntity<JobStatus> importFileInBackground(@RequestParam MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(required = false) String code,
            @RequestParam(required = false) String title, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String version, @RequestParam(defaultValue = "false") boolean publish,
            Authentication authentication) throws IOException {
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = imports.read(in);
        }
        UUID id = importJobs.submitFile(authentication.getName(), file.getOriginalFilename(), content, format,
                new Metadata(code, title, kind, version), publish);
        return accepted(id, authentication);
    }

    @GetMapping("/jobs/{jobId}")
    @Operation(summary = "Ancienne adresse de l'état d'un import : le même état que GET /api/v1/jobs/{id}")
    JobStatus job(@PathVariable UUID jobId, Authentication authentication) {
        return JobStatus.of(jobs.find(jobId, Jobs.Viewer.of(authentication)));
    }

    private ResponseEntity<JobStatus> accepted(UUID id, Authentication authentication) {
        return ResponseEntity.accepted().location(jobs.statusUri(id))
                .body(JobStatus.of(jobs.find(id, Jobs.Viewer.of(authentication))));
    }
}
