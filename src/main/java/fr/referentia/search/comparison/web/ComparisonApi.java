package fr.referentia.search.comparison.web;

import fr.referentia.search.comparison.Comparisons;
import fr.referentia.search.comparison.Comparisons.Comparison;
import fr.referentia.search.comparison.Comparisons.DecisionRequest;
import fr.referentia.search.comparison.Comparisons.DecisionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Comparaisons", description = "Compétences communes et spécifiques entre référentiels")
class ComparisonApi {

    private final Comparisons comparisons;

    ComparisonApi(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping("/api/v1/comparisons")
    @Operation(summary = "Propositions d'associations (similarité du texte analysé en français, BM25) et décisions, "
            + "pour frameworks=A,B[,C] (BRANCH_ADMIN, OBSERVER)")
    Comparison proposals(@RequestParam(defaultValue = "") String frameworks,
            @RequestParam(defaultValue = "" + Comparisons.DEFAULT_PER_ITEM) int size) {
        return comparisons.proposals(comparisons.select(frameworks), size);
    }

    @PostMapping("/api/v1/comparisons/decisions")
    @Operation(summary = "Confirme (EXACT_MATCH_OF ou IS_RELATED_TO) ou rejette une proposition (BRANCH_ADMIN)")
    DecisionView decide(@RequestBody DecisionRequest request, Principal principal) {
        return comparisons.decide(request, principal.getName());
    }
}
