package fr.referentia.shared.jobs.web;

import fr.referentia.shared.jobs.JobStatus;
import fr.referentia.shared.jobs.Jobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The one status of every background job, and running an interrupted one again. */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Travaux", description = "Travaux en arrière-plan : imports, comparaisons")
class JobApi {

    private final Jobs jobs;

    JobApi(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "État d'un travail en arrière-plan (celui qui l'a lancé, ou les rôles de son type) : "
            + "state QUEUED, RUNNING, DONE, FAILED ou INTERRUPTED, phase, done sur total, erreur, adresse du résultat")
    JobStatus status(@PathVariable UUID jobId, Authentication authentication) {
        return JobStatus.of(jobs.find(jobId, Jobs.Viewer.of(authentication)));
    }

    @PostMapping("/{jobId}/retry")
    @Operation(summary = "Relance un travail interrompu dont les données sont conservées (celui qui l'a lancé "
            + "seulement) ; 409 pour un autre état")
    JobStatus retry(@PathVariable UUID jobId, Authentication authentication) {
        return JobStatus.of(jobs.retry(jobId, Jobs.Viewer.of(authentication)));
    }
}
