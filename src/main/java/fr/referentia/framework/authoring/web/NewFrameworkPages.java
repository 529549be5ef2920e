package fr.referentia.framework.authoring.web;

import fr.referentia.framework.Framework;
import fr.referentia.framework.FrameworkKind;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Creating a new referential (branch administrators): an empty draft, opened straight in the editor. */
@Controller
class NewFrameworkPages {

    private final FrameworkVersions versions;

    NewFrameworkPages(FrameworkVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/admin/referentiels/nouveau")
    String form(Model model) {
        model.addAttribute("kinds", FrameworkKind.values());
        return "framework/new";
    }

    @PostMapping("/admin/referentiels")
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String title,
            @RequestParam(required = false) FrameworkKind kind, @RequestParam(required = false) String version,
            Model model) {
        try {
            Framework f = versions.createFramework(code, title, kind, version);
            return "redirect:" + AuthoringPages.base(f.getCode(), f.getVersion());
        } catch (BadInputException | ConflictException e) {
            model.addAttribute("kinds", FrameworkKind.values());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("code", code);
            model.addAttribute("title", title);
            model.addAttribute("kind", kind);
            model.addAttribute("version", version);
            return "framework/new";
        }
    }
}
