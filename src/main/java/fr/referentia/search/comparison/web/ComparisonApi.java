package fr.referentia.search.comparison.web;

import fr.referentia.search.comparison.ComparisonJobs;
import fr.referentia.search.comparison.Comparisons;
import fr.referentia.search.comparison.Comparisons.Comparison;
import fr.referentia.search.comparison.Comparisons.DecisionRequest;
import fr.referentia.search.comparison.Comparisons.DecisionView;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.jobs.JobStatus;
import fr.referentia.shared.jobs.Jobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Comparaisons", description = "Compétences communes et spécifiques entre référentiels")
class ComparisonApi {

    private final Comparisons comparisons;
    private final ComparisonJobs jobs;
    private final Jobs runner;

    ComparisonApi(Comparisons comparisons, ComparisonJobs jobs, Jobs runner) {
        this.comparisons = comparisons;
        this.jobs = jobs;
        this.runner = runner;
    }

    @GetMapping("/api/v1/comparisons")
    @Operation(summary = "Propositions d'associations (similarité du texte analysé en français, BM25) et décisions, "
            + "pour frameworks=A,B[,C] (BRANCH_ADMIN, OBSERVER)")
    Comparison proposals(@RequestParam(defaultValue = "") String frameworks,
            @RequestParam(defaultValue = "" + Comparisons.DEFAULT_PER_ITEM) int size) {
        List<String> selected = comparisons.select(frameworks);
        long pairs = comparisons.size(selected);
        // Long work never holds a request: large comparisons go through a job.
        if (jobs.runsInBackground(pairs)) {
            throw new ConflictException("Comparaison trop longue pour une réponse immédiate (" + pairs
                    + " rapprochements d'éléments) : lancez-la par POST /api/v1/comparisons/jobs et suivez sa "
                    + "progression.");
        }
        return comparisons.proposals(selected, size);
    }

    @PostMapping("/api/v1/comparisons/jobs")
    @Operation(summary = "Lance la comparaison en arrière-plan (grands référentiels) ; 202 et Location : l'état du "
            + "travail à interroger, /api/v1/jobs/{id} (BRANCH_ADMIN, OBSERVER)")
    ResponseEntity<JobStatus> start(@RequestParam(defaultValue = "") String frameworks,
            @RequestParam(defaultValue = "" + Comparisons.DEFAULT_PER_ITEM) int size, Authentication authentication) {
        UUID id = jobs.start(comparisons.select(frameworks), size, authentication.getName());
        return ResponseEntity.accepted().location(runner.statusUri(id))
                .body(JobStatus.of(runner.find(id, Jobs.Viewer.of(authentication))));
    }

    @GetMapping("/api/v1/comparisons/jobs/{comparisonId}")
    @Operation(summary = "Ancienne adresse de l'état d'une comparaison en arrière-plan : le même état que "
            + "GET /api/v1/jobs/{id} (son auteur, ou BRANCH_ADMIN)")
    JobStatus status(@PathVariable UUID comparisonId, Authentication authentication) {
        return JobStatus.of(runner.find(comparisonId, Jobs.Viewer.of(authentication)));
    }

    @GetMapping("/api/v1/comparisons/jobs/{comparisonId}/result")
    @Operation(summary = "Résultat d'une comparaison terminée, comme GET /comparisons ; 409 tant qu'elle tourne")
    Comparison result(@PathVariable UUID comparisonId, Authentication authentication) {
        ComparisonJobs.Result result = jobs.result(comparisonId, Jobs.Viewer.of(authentication));
        return comparisons.decided(result.frameworks(), result.perItem(), result.proposals());
    }

    @PostMapping("/api/v1/comparisons/decisions")
    @Operation(summary = "Confirme (EXACT_MATCH_OF ou IS_RELATED_TO) ou rejette une proposition (BRANCH_ADMIN)")
    DecisionView decide(@RequestBody DecisionRequest request, Principal principal) {
        return comparisons.decide(request, principal.getName());
    }
}
