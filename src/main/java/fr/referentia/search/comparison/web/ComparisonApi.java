package fr.referentia.search.comparison.web;

import fr.referentia.search.comparison.ComparisonJob;
import fr.referentia.search.comparison.ComparisonJobs;
import fr.referentia.search.comparison.Comparisons;
import fr.referentia.search.comparison.Comparisons.Comparison;
import fr.referentia.search.comparison.Comparisons.DecisionRequest;
import fr.referentia.search.comparison.Comparisons.DecisionView;
import fr.referentia.shared.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Comparaisons", description = "Compétences communes et spécifiques entre référentiels")
class ComparisonApi {

    private final Comparisons comparisons;
    private final ComparisonJobs jobs;

    ComparisonApi(Comparisons comparisons, ComparisonJobs jobs) {
        this.comparisons = comparisons;
        this.jobs = jobs;
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
    @Operation(summary = "Lance la comparaison en arrière-plan (grands référentiels) ; 202 et Location : l'état à "
            + "interroger (BRANCH_ADMIN, OBSERVER)")
    ResponseEntity<ComparisonJob.Status> start(@RequestParam(defaultValue = "") String frameworks,
            @RequestParam(defaultValue = "" + Comparisons.DEFAULT_PER_ITEM) int size, Principal principal) {
        ComparisonJob job = jobs.start(comparisons.select(frameworks), size, principal.getName());
        return ResponseEntity.accepted().location(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/comparisons/jobs/{id}").buildAndExpand(job.id()).toUri()).body(job.status());
    }

    @GetMapping("/api/v1/comparisons/jobs/{comparisonId}")
    @Operation(summary = "État et progression d'une comparaison en arrière-plan (son auteur, ou BRANCH_ADMIN)")
    ComparisonJob.Status status(@PathVariable UUID comparisonId, Principal principal, HttpServletRequest request) {
        return jobs.find(comparisonId, principal.getName(), request.isUserInRole("BRANCH_ADMIN")).status();
    }

    @GetMapping("/api/v1/comparisons/jobs/{comparisonId}/result")
    @Operation(summary = "Résultat d'une comparaison terminée, comme GET /comparisons ; 409 tant qu'elle tourne")
    Comparison result(@PathVariable UUID comparisonId, Principal principal, HttpServletRequest request) {
        ComparisonJob job = jobs.find(comparisonId, principal.getName(), request.isUserInRole("BRANCH_ADMIN"));
        if (job.state() != ComparisonJob.State.DONE) {
            ComparisonJob.Status status = job.status();
            throw new ConflictException("La comparaison n'est pas terminée (" + status.stateLabel().toLowerCase()
                    + ", " + status.percent() + " %).");
        }
        return comparisons.decided(job.frameworks(), job.perItem(), job.result());
    }

    @PostMapping("/api/v1/comparisons/decisions")
    @Operation(summary = "Confirme (EXACT_MATCH_OF ou IS_RELATED_TO) ou rejette une proposition (BRANCH_ADMIN)")
    DecisionView decide(@RequestBody DecisionRequest request, Principal principal) {
        return comparisons.decide(request, principal.getName());
    }
}
