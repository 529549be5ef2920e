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
import fr.referentia.shared.web.Paged;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The comparison matrix, its exports, and the review of proposals. */
@Controller
class ComparisonPages {

    static final int PAGE = 200;
    /** Lines of the matrix, and items of a (synchronous) comparison's proposals, per page. */
    static final int MATRIX_PAGE = 100;
    static final int PROPOSALS_PAGE = 100;
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
            @RequestParam(defaultValue = "") String filtre, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("all", catalog.list());
        if (referentiels.isBlank()) {
            return "comparison/choose";
        }
        List<String> frameworks = comparisons.select(referentiels);
        model.addAttribute("codes", String.join(",", frameworks));
        Comparisons.MatrixView matrix = comparisons.matrix(frameworks, MatrixFilter.parse(filtre, frameworks));
        model.addAttribute("matrix", matrix);
        model.addAttribute("lines", Paged.of(matrix.lines(), page, MATRIX_PAGE));
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
    String proposals(@RequestParam(defaultValue = "") String referentiels,
            @RequestParam(defaultValue = "0") int page, Model model) {
        List<String> frameworks = comparisons.select(referentiels);
        model.addAttribute("codes", String.join(",", frameworks));
        long size = comparisons.size(frameworks);
        if (jobs.runsInBackground(size)) {
            model.addAttribute("size", size);
            model.addAttribute("frameworks", frameworks.stream().map(catalog::summary).toList());
            return "comparison/start";
        }
        List<ItemProposals> items = comparisons.proposals(frameworks, Comparisons.DEFAULT_PER_ITEM).items();
        show(Paged.of(withProposals(items), page, PROPOSALS_PAGE), items.size(), model);
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
        model.addAttribute("codes", String.join(",", result.frameworks()));
        model.addAttribute("job", comparisonId);
        Paged<ItemProposals> slice = Paged.of(withProposals(result.proposals()), page, PAGE);
        List<ItemProposals> decided = comparisons.decided(result.frameworks(), result.perItem(), slice.items()).items();
        show(slice.with(decided), result.proposals().size(), model);
        return "comparison/proposals";
    }

    /** One page of the items that have proposals; the others ({@code items} in all) are only counted. */
    private static void show(Paged<ItemProposals> shown, int items, Model model) {
        model.addAttribute("shown", shown);
        model.addAttribute("page", shown.page());
        model.addAttribute("pages", shown.pages());
        model.addAttribute("withoutProposals", items - shown.total());
        model.addAttribute("types", List.of(AssociationType.EXACT_MATCH_OF, AssociationType.IS_RELATED_TO));
    }

    private static List<ItemProposals> withProposals(List<ItemProposals> items) {
        return items.stream().filter(item -> !item.proposals().isEmpty()).toList();
    }

    @PostMapping("/comparaisons/decisions")
    String decide(@RequestParam(defaultValue = "") String referentiels, @RequestParam String originFramework,
            @RequestParam String originCode, @RequestParam String destinationFramework,
            @RequestParam String destinationCode, @RequestParam Decision decision,
            @RequestParam(required = false) AssociationType type, @RequestParam(required = false) UUID travail,
            @RequestParam(defaultValue = "0") int page, Principal principal, RedirectAttributes flash) {
        Comparisons.DecisionView recorded = comparisons.decide(new DecisionRequest(originFramework, originCode,
                destinationFramework, destinationCode, decision, type), principal.getName());
        flash.addFlashAttribute("recorded", recorded(recorded));
        UriComponentsBuilder back = travail == null
                ? UriComponentsBuilder.fromPath("/comparaisons/propositions").queryParam("referentiels", referentiels)
                : UriComponentsBuilder.fromPath("/comparaisons/travaux/{job}").queryParam("page", page);
        if (travail == null && page > 0) {
            back.queryParam("page", page);
        }
        return "redirect:" + back.fragment(originFramework + "-" + originCode).encode()
                .buildAndExpand(Map.of("job", String.valueOf(travail))).toUriString();
    }

    /** What a reviewer is told once a decision is recorded. */
    static String recorded(Comparisons.DecisionView decision) {
        String pair = decision.origin().framework() + " " + decision.origin().code() + " → "
                + decision.destination().framework() + " " + decision.destination().code();
        if (decision.decision() == Decision.REJECTED) {
            return "Proposition rejetée : " + pair + ". Elle reste listée comme rejetée et n'entre pas dans le tableau "
                    + "comparatif.";
        }
        return "Association confirmée : " + pair + " ("
                + (decision.type() == AssociationType.EXACT_MATCH_OF ? "correspondance exacte" : "compétence apparentée")
                + "). Elle figure désormais dans le tableau comparatif.";
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }
}
