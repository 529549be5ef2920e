package fr.referentia.framework.authoring.web;

import fr.referentia.framework.Framework;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.framework.authoring.DraftAuthoring;
import fr.referentia.shared.BadInputException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Branch administrators discard a draft version, or retire a published referential, after a page that
 * says what will happen and asks them to type the referential's code. A wrong or missing confirmation
 * shows the page again (400) and changes nothing; both actions are audited.
 */
@Controller
class WithdrawalPages {

    private final DraftAuthoring authoring;
    private final FrameworkVersions versions;
    private final FrameworkCatalog catalog;
    private final Authors authors;

    WithdrawalPages(DraftAuthoring authoring, FrameworkVersions versions, FrameworkCatalog catalog, Authors authors) {
        this.authoring = authoring;
        this.versions = versions;
        this.catalog = catalog;
        this.authors = authors;
    }

    @GetMapping("/referentiels/{code}/versions/{version}/abandon")
    ModelAndView confirmDiscard(@PathVariable String code, @PathVariable String version) {
        return discardPage(code, version, null, HttpStatus.OK);
    }

    @PostMapping("/referentiels/{code}/versions/{version}/abandon")
    ModelAndView discard(@PathVariable String code, @PathVariable String version,
            @RequestParam(required = false) String confirmation, Authentication who, RedirectAttributes flash) {
        try {
            authoring.discard(code, version, authors.of(who), confirmation);
        } catch (BadInputException e) {
            return discardPage(code, version, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
        flash.addFlashAttribute("message", "La version brouillon « " + version + " » de « " + code
                + " » est abandonnée : elle n'existe plus, et le journal en garde la trace.");
        return new ModelAndView("redirect:/");
    }

    @GetMapping("/referentiels/{code}/retrait")
    ModelAndView confirmRetirement(@PathVariable String code) {
        return retirementPage(code, null, null, HttpStatus.OK);
    }

    @PostMapping("/referentiels/{code}/retrait")
    ModelAndView retire(@PathVariable String code, @RequestParam(required = false) String confirmation,
            @RequestParam(required = false) String reason, Authentication who, RedirectAttributes flash) {
        List<Framework> retired;
        try {
            FrameworkVersions.requireConfirmation(code, confirmation);
            retired = versions.retire(code, reason, who.getName());
        } catch (BadInputException e) {
            return retirementPage(code, reason, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
        flash.addFlashAttribute("message", "Le référentiel « " + code + " » est retiré : il ne figure plus dans la "
                + "liste des référentiels ni dans la recherche, et chacune de ses versions reste consultable à son "
                + "adresse.");
        return new ModelAndView("redirect:" + UriComponentsBuilder.fromPath("/referentiels/{code}/versions/{version}")
                .buildAndExpand(code, retired.get(0).getVersion()).encode().toUriString());
    }

    private ModelAndView discardPage(String code, String version, String error, HttpStatus status) {
        Summary summary = catalog.outline(code, version, true).summary();
        ModelAndView page = new ModelAndView("framework/withdrawal", status);
        page.addObject("f", summary);
        page.addObject("discard", summary.status() == FrameworkStatus.DRAFT);
        page.addObject("retire", false);
        page.addObject("error", error);
        return page;
    }

    private ModelAndView retirementPage(String code, String reason, String error, HttpStatus status) {
        Summary summary = catalog.outline(code, false).summary();
        ModelAndView page = new ModelAndView("framework/withdrawal", status);
        page.addObject("f", summary);
        page.addObject("discard", false);
        page.addObject("retire", summary.status() == FrameworkStatus.PUBLISHED);
        page.addObject("reason", reason);
        page.addObject("error", error);
        return page;
    }
}
