package fr.referentia.framework.importjob.web;

import fr.referentia.framework.FrameworkKind;
import fr.referentia.framework.exchange.FrameworkImport;
import fr.referentia.framework.exchange.FrameworkImport.Metadata;
import fr.referentia.framework.importjob.ImportJobs;
import fr.referentia.shared.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/** The branch administrator's import page, and the page following one import in the background. */
@Controller
@RequestMapping("/referentiels/import")
class ImportPages {

    private final FrameworkImport imports;
    private final ImportJobs jobs;

    ImportPages(FrameworkImport imports, ImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @GetMapping
    ModelAndView form(Authentication authentication) {
        return form(authentication, new Metadata(null, null, null, null), null, false, null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView upload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(required = false) String code,
            @RequestParam(required = false) String title, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String version, @RequestParam(defaultValue = "false") boolean publish,
            Authentication authentication) throws IOException {
        Metadata metadata = new Metadata(code, title, kind, version);
        if (file == null || file.isEmpty()) {
            return form(authentication, metadata, format, publish, "Choisissez le fichier à importer.",
                    HttpStatus.BAD_REQUEST);
        }
        try (InputStream in = file.getInputStream()) {
            if (file.getSize() > imports.maxBytes()) {
                throw FrameworkImport.tooLarge(imports.maxBytes());
            }
            UUID id = jobs.submitFile(authentication.getName(), file.getOriginalFilename(), imports.read(in),
                    format, metadata, publish);
            return new ModelAndView("redirect:/travaux/" + id);
        } catch (BadInputException e) {
            return form(authentication, metadata, format, publish, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
    }

    /** The former follow-up page: leads to the job's page (for its owner only; others: 404). */
    @GetMapping("/{jobId}")
    String job(@PathVariable UUID jobId, Authentication authentication) {
        return "redirect:/travaux/" + jobs.job(jobId, authentication.getName()).id();
    }

    private ModelAndView form(Authentication authentication, Metadata metadata, String format, boolean publish,
            String error, HttpStatus status) {
        ModelAndView page = new ModelAndView("framework/import", status);
        page.addObject("metadata", metadata);
        page.addObject("format", format);
        page.addObject("publish", publish);
        page.addObject("error", error);
        page.addObject("kinds", FrameworkKind.values());
        page.addObject("maxMegabytes", DataSize.ofBytes(imports.maxBytes()).toMegabytes());
        page.addObject("maxBytes", imports.maxBytes());
        page.addObject("recent", jobs.recent(authentication.getName(), 5));
        page.addObject("zone", ZoneId.of("Europe/Paris"));
        return page;
    }
}
