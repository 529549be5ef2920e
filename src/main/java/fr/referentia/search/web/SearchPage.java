package fr.referentia.search.web;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.ItemType;
import fr.referentia.search.FrameworkSearch;
import fr.referentia.search.SearchQuery;
import fr.referentia.shared.BadInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SearchPage {

    private static final int PAGE_SIZE = 20;

    private final FrameworkSearch search;
    private final FrameworkCatalog catalog;

    SearchPage(FrameworkSearch search, FrameworkCatalog catalog) {
        this.search = search;
        this.catalog = catalog;
    }

    @GetMapping("/recherche")
    String search(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String framework,
            @RequestParam(required = false) ItemType type,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("frameworks", catalog.list());
        SearchQuery query = new SearchQuery(q, framework, type, page, PAGE_SIZE);
        if (query.isBlank()) {
            return "search/results";
        }
        try {
            model.addAttribute("results", search.search(query));
        } catch (BadInputException e) {
            // The page stays usable: the message is shown above the search box.
            model.addAttribute("error", e.getMessage());
        }
        return "search/results";
    }
}
