package fr.referentia.framework.web;

import fr.referentia.framework.FrameworkCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Public pages: the list of referentials, one referential as a tree, one item. */
@Controller
class FrameworkPages {

    private final FrameworkCatalog catalog;

    FrameworkPages(FrameworkCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("frameworks", catalog.list());
        return "framework/home";
    }

    @GetMapping("/referentiels/{code}")
    String framework(@PathVariable String code, Model model) {
        model.addAttribute("outline", catalog.outline(code));
        return "framework/framework";
    }

    @GetMapping("/referentiels/{code}/elements/{itemCode}")
    String item(@PathVariable String code, @PathVariable String itemCode, Model model) {
        model.addAttribute("detail", catalog.item(code, itemCode));
        return "framework/item";
    }
}
