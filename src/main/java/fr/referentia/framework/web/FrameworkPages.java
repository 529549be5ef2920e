package fr.referentia.framework.web;

import static fr.referentia.framework.web.DraftReaders.mayReadDrafts;

import fr.referentia.framework.Framework;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.shared.web.ItemLinkContributor;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Public pages: the list of referentials, one referential as a tree, one item; each version by its
 * own URL and what it changes from another. Branch administrators also open and publish drafts here.
 */
@Controller
class FrameworkPages {

    private final FrameworkCatalog catalog;
    private final FrameworkVersions versions;
    private final List<ItemLinkContributor> links;

    FrameworkPages(FrameworkCatalog catalog, FrameworkVersions versions, List<ItemLinkContributor> links) {
        this.catalog = catalog;
        this.versions = versions;
        this.links = links;
    }

    @GetMapping("/")
    String home(Model model, Authentication authentication) {
        model.addAttribute("frameworks", catalog.list());
        model.addAttribute("unpublished", mayReadDrafts(authentication) ? catalog.unpublished() : java.util.List.of());
        return "framework/home";
    }

    @GetMapping("/referentiels/{code}")
    String framework(@PathVariable String code, Model model, Authentication authentication) {
        boolean author = mayReadDrafts(authentication);
        if (author && !catalog.currentVersionLabels().containsKey(code) && catalog.exists(code)) {
            // A new referential has no published version yet: its author goes to its draft.
            return "redirect:" + versionPath(code, catalog.versions(code, true).get(0).version());
        }
        model.addAttribute("outline", catalog.outline(code, false));
        model.addAttribute("versions", catalog.versions(code, author));
        model.addAttribute("author", author);
        return "framework/framework";
    }

    @GetMapping("/referentiels/{code}/elements/{itemCode}")
    String item(@PathVariable String code, @PathVariable String itemCode, Model model) {
        model.addAttribute("detail", catalog.item(code, itemCode));
        model.addAttribute("siblings", Siblings.of(catalog.outline(code).roots(), itemCode));
        model.addAttribute("otherLinks", links.stream().flatMap(c -> c.linksOf(code, itemCode).stream()).toList());
        return "framework/item";
    }

    @PostMapping("/referentiels/{code}/versions")
    String createDraft(@PathVariable String code, @RequestParam(required = false) String version) {
        Framework draft = versions.createDraft(code, version);
        return "redirect:" + versionPath(code, draft.getVersion());
    }

    @GetMapping("/referentiels/{code}/versions/{version}")
    String version(@PathVariable String code, @PathVariable String version, Model model,
            Authentication authentication) {
        boolean author = mayReadDrafts(authentication);
        model.addAttribute("outline", catalog.outline(code, version, author));
        model.addAttribute("versions", catalog.versions(code, author));
        model.addAttribute("version", version);
        model.addAttribute("author", author);
        return "framework/framework";
    }

    @GetMapping("/referentiels/{code}/versions/{version}/elements/{itemCode}")
    String versionItem(@PathVariable String code, @PathVariable String version, @PathVariable String itemCode,
            Model model, Authentication authentication) {
        boolean author = mayReadDrafts(authentication);
        model.addAttribute("detail", catalog.item(code, version, itemCode, author));
        model.addAttribute("siblings", Siblings.of(catalog.outline(code, version, author).roots(), itemCode));
        model.addAttribute("otherLinks", links.stream().flatMap(c -> c.linksOf(code, itemCode).stream()).toList());
        model.addAttribute("version", version);
        return "framework/item";
    }

    @PostMapping("/referentiels/{code}/versions/{version}/publication")
    String publish(@PathVariable String code, @PathVariable String version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validationDate,
            @RequestParam(required = false) String validationNote, Authentication authentication) {
        versions.publish(code, version, validationDate, validationNote, authentication.getName());
        return "redirect:" + versionPath(code, version);
    }

    @GetMapping("/referentiels/{code}/versions/{version}/diff")
    String diff(@PathVariable String code, @PathVariable String version, @RequestParam("avec") String other,
            Model model, Authentication authentication) {
        boolean author = mayReadDrafts(authentication);
        model.addAttribute("summary", catalog.outline(code, version, author).summary());
        model.addAttribute("other", other);
        model.addAttribute("diff", catalog.diff(code, version, other, author));
        return "framework/diff";
    }

    private static String versionPath(String code, String version) {
        return UriComponentsBuilder.fromPath("/referentiels/{code}/versions/{version}")
                .buildAndExpand(code, version).encode().toUriString();
    }
}
