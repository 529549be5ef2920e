package fr.referentia.search.comparison.web;

import fr.referentia.framework.AssociationType;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.search.comparison.ComparisonJobs;
import fr.referentia.search.comparison.Comparisons;
import fr.referentia.search.comparison.Comparisons.DecisionRequest;
import fr.referentia.search.comparison.Comparisons.ItemProposals;
import fr.referentia.search.comparison.Decision;
import fr.referentia.search.comparison.MatrixDocuments;
import fr.referentia.search.comparison.MatrixFilter;
import fr.referentia.shared.jobs.JobState;
import fr.referentia.shared.jobs.Jobs;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The comparison matrix, its exports, and the review of proposals. */
@Controller
class ComparisonPages {

    static final int PAGE = 200;
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Comparisons comparisons;
    private final MatrixDocuments documents;
    private final FrameworkCatalog catalog;
    private final ComparisonJobs jobs;
    private final Jobs runner;

    ComparisonPages(Comparisons comparisons, MatrixDocuments documents, FrameworkCatalog catalog,
            ComparisonJobs jobs, Jobs runner) {
        this.comparisons = comparisons;
        this.jobs = jobs;
        this.runner = runner;
        this.documents = documents;
        this.catalog = catalog;
    }

    @GetMapping("/comparaisons")
    String matrix(@RequestParam(defaultValue = "") String referentiels,
            @RequestParam(defaultValue = "") String filtre, Model model) {
        model.addAttribute("all", catalog.list());
        if (referentiels.isBlank()) {
            return "comparison/choose";
        }
        List<String> frameworks = comparisons.select(referentiels);
        model.addAttribute("codes", String.join(",", frameworks));
        model.addAttribute("matrix", comparisons.matrix(frameworks, MatrixFilter.parse(filtre, frameworks)));
        model.addAttribute("filterLabel", MatrixDocuments.label(MatrixFilter.parse(filtre, frameworks)));
        return "comparison/matrix";
    }

    @GetMapping("/comparaisons/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(defaultValue = "") String referentiels,
            @RequestParam(defaultValue = "") String filtre) {
        List<String> frameworks = comparisons.select(referentiels);
        return download(documents.xlsx(comparisons.matrix(frameworks, MatrixFilter.parse(filtre, frameworks))),
                XLSX, "comparaison.xlsx");
    }

    @GetMapping("/comparaisons/export.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(defaultValue = "") String referentiels,
            @RequestParam(defaultValue = "") String filtre) {
        List<String> frameworks = comparisons.select(referentiels);
        return download(documents.pdf(comparisons.matrix(frameworks, MatrixFilter.parse(filtre, frameworks))),
                MediaType.APPLICATION_PDF, "comparaison.pdf");
    }

    @GetMapping("/comparaisons/propositions")
    String proposals(@RequestParam(defaultValue = "") String referentiels, Model model) {
        List<String> frameworks = comparisons.select(referentiels);
        model.addAttribute("codes", String.join(",", frameworks));
        long size = comparisons.size(frameworks);
        if (jobs.runsInBackground(size)) {
            model.addAttribute("size", size);
            model.addAttribute("frameworks", frameworks.stream().map(catalog::summary).toList());
            return "comparison/start";
        }
        model.addAttribute("comparison", comparisons.proposals(frameworks, Comparisons.DEFAULT_PER_ITEM));
        model.addAttribute("types", List.of(AssociationType.EXACT_MATCH_OF, AssociationType.IS_RELATED_TO));
        return "comparison/proposals";
    }

    @PostMapping("/comparaisons/travaux")
    String start(@RequestParam(defaultValue = "") String referentiels, Principal principal) {
        UUID id = jobs.start(comparisons.select(referentiels), Comparisons.DEFAULT_PER_ITEM, principal.getName());
        return "redirect:/travaux/" + id;
    }

    /**
     * A background comparison's proposals, {@value #PAGE} items a page, once it is done; before, its job
     * page (the progress bar).
     */
    @GetMapping("/comparaisons/travaux/{comparisonId}")
    String job(@PathVariable UUID comparisonId, @RequestParam(defaultValue = "0") int page,
            Authentication authentication, Model model) {
        Jobs.Viewer viewer = Jobs.Viewer.of(authentication);
        if (runner.find(comparisonId, viewer).state() != JobState.DONE) {
            return "redirect:/travaux/" + comparisonId;
        }
        ComparisonJobs.Result result = jobs.result(comparisonId, viewer);
        List<ItemProposals> proposals = result.proposals();
        int pages = Math.max(1, (proposals.size() + PAGE - 1) / PAGE);
        int shown = Math.max(0, Math.min(page, pages - 1));
        model.addAttribute("codes", String.join(",", result.frameworks()));
        model.addAttribute("job", comparisonId);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("comparison", comparisons.decided(result.frameworks(), result.perItem(),
                proposals.subList(shown * PAGE, Math.min(proposals.size(), (shown + 1) * PAGE))));
        model.addAttribute("types", List.of(AssociationType.EXACT_MATCH_OF, AssociationType.IS_RELATED_TO));
        return "comparison/proposals";
    }

    @PostMapping("/comparaisons/decisions")
    String decide(@RequestParam(defaultValue = "") String referentiels, @RequestParam String originFramework,
            @RequestParam String originCode, @RequestParam String destinationFramework,
            @RequestParam String destinationCode, @RequestParam Decision decision,
            @RequestParam(required = false) AssociationType type, @RequestParam(required = false) UUID travail,
            @RequestParam(defaultValue = "0") int page, Principal principal) {
        comparisons.decide(new DecisionRequest(originFramework, originCode, destinationFramework, destinationCode,
                decision, type), principal.getName());
        UriComponentsBuilder back = travail == null
                ? UriComponentsBuilder.fromPath("/comparaisons/propositions").queryParam("referentiels", referentiels)
                : UriComponentsBuilder.fromPath("/comparaisons/travaux/{job}").queryParam("page", page);
        return "redirect:" + back.fragment(originFramework + "-" + originCode).encode()
                .buildAndExpand(Map.of("job", String.valueOf(travail))).toUriString();
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }
}
