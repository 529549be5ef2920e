package fr.referentia.search.comparison.web;

import fr.referentia.framework.AssociationType;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.search.comparison.Comparisons;
import fr.referentia.search.comparison.Comparisons.DecisionRequest;
import fr.referentia.search.comparison.Decision;
import fr.referentia.search.comparison.MatrixDocuments;
import fr.referentia.search.comparison.MatrixFilter;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The comparison matrix, its exports, and the review of proposals. */
@Controller
class ComparisonPages {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Comparisons comparisons;
    private final MatrixDocuments documents;
    private final FrameworkCatalog catalog;

    ComparisonPages(Comparisons comparisons, MatrixDocuments documents, FrameworkCatalog catalog) {
        this.comparisons = comparisons;
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
        model.addAttribute("comparison", comparisons.proposals(frameworks, Comparisons.DEFAULT_PER_ITEM));
        model.addAttribute("types", List.of(AssociationType.EXACT_MATCH_OF, AssociationType.IS_RELATED_TO));
        return "comparison/proposals";
    }

    @PostMapping("/comparaisons/decisions")
    String decide(@RequestParam(defaultValue = "") String referentiels, @RequestParam String originFramework,
            @RequestParam String originCode, @RequestParam String destinationFramework,
            @RequestParam String destinationCode, @RequestParam Decision decision,
            @RequestParam(required = false) AssociationType type, Principal principal) {
        comparisons.decide(new DecisionRequest(originFramework, originCode, destinationFramework, destinationCode,
                decision, type), principal.getName());
        return "redirect:" + UriComponentsBuilder.fromPath("/comparaisons/propositions")
                .queryParam("referentiels", referentiels).fragment(originFramework + "-" + originCode)
                .encode().toUriString();
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }
}
