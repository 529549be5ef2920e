package fr.referentia.workforce.web;

import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.workforce.Assessments;
import fr.referentia.workforce.Assessments.AssessmentInput;
import fr.referentia.workforce.Importance;
import fr.referentia.workforce.JobProfileExport;
import fr.referentia.workforce.JobProfilePicker;
import fr.referentia.workforce.JobProfiles;
import fr.referentia.workforce.JobProfiles.JobProfileInput;
import fr.referentia.workforce.JobProfiles.JobProfileView;
import fr.referentia.workforce.JobProfiles.RequirementInput;
import fr.referentia.workforce.PersonRelation;
import fr.referentia.workforce.Staffing;
import fr.referentia.workforce.Workforce;
import fr.referentia.workforce.WorkforceAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The competency-management pages (French): job profiles with the referential picker, migration and
 * documents; teams and jobs (HR); a person's competencies, self and manager side by side, with the forms
 * to assess (the person, their manager); the manager's team. The same services as the API.
 */
@Controller
class WorkforcePages {

    private final JobProfiles profiles;
    private final JobProfilePicker picker;
    private final JobProfileExport export;
    private final Staffing staffing;
    private final Assessments assessments;
    private final Workforce workforce;
    private final WorkforceAccess access;

    WorkforcePages(JobProfiles profiles, JobProfilePicker picker, JobProfileExport export, Staffing staffing,
            Assessments assessments, Workforce workforce, WorkforceAccess access) {
        this.profiles = profiles;
        this.picker = picker;
        this.export = export;
        this.staffing = staffing;
        this.assessments = assessments;
        this.workforce = workforce;
        this.access = access;
    }

    private static String org(UUID organisationId) {
        return "/gpec/organismes/" + organisationId;
    }

    /** Where a person starts: HR on the job profiles, a manager on their team, anyone else on their competencies. */
    @GetMapping("/gpec")
    String start(Principal principal) {
        AccountSummary me = access.me(principal.getName());
        if (me.organisationId() == null) {
            throw new AccessDeniedException("La gestion des compétences concerne les personnes d'un organisme.");
        }
        if (me.holds(Role.ORG_HR)) {
            return "redirect:" + org(me.organisationId()) + "/fiches-de-poste";
        }
        if (me.holds(Role.MANAGER)) {
            return "redirect:/gpec/mon-equipe";
        }
        return "redirect:/gpec/mes-competences";
    }

    @GetMapping("/gpec/mes-competences")
    String mine(Principal principal) {
        AccountSummary me = access.me(principal.getName());
        if (me.organisationId() == null) {
            throw new AccessDeniedException("La gestion des compétences concerne les personnes d'un organisme.");
        }
        access.requireMember(principal.getName(), me.organisationId());
        return "redirect:" + org(me.organisationId()) + "/personnes/" + me.id();
    }

    @GetMapping("/gpec/mon-equipe")
    String myTeam(Principal principal, Model model) {
        AccountSummary me = access.me(principal.getName());
        model.addAttribute("members", staffing.myTeam(principal.getName()));
        model.addAttribute("organisationId", me.organisationId());
        return "workforce/my-team";
    }

    @GetMapping("/gpec/organismes/{organisationId}/fiches-de-poste")
    String jobProfiles(@PathVariable UUID organisationId, Principal principal, Model model) {
        AccountSummary me = access.requireMember(principal.getName(), organisationId);
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("profiles", profiles.list(principal.getName(), organisationId));
        model.addAttribute("hr", me.holds(Role.ORG_HR));
        model.addAttribute("templates", profiles.templates());
        model.addAttribute("scale", workforce.scaleOf(organisationId));
        return "workforce/job-profiles";
    }

    @PostMapping("/gpec/organismes/{organisationId}/fiches-de-poste")
    String createJobProfile(@PathVariable UUID organisationId, Principal principal,
            @RequestParam(required = false) String title, @RequestParam(required = false) UUID templateId,
            RedirectAttributes redirect) {
        try {
            JobProfileView created = templateId != null
                    ? profiles.copyTemplate(principal.getName(), organisationId, templateId)
                    : profiles.create(principal.getName(), organisationId,
                            new JobProfileInput(title, null, null, null, List.of()));
            redirect.addFlashAttribute("success", "Fiche de poste « " + created.title() + " » créée : ajoutez-y "
                    + "les compétences requises.");
            return "redirect:" + org(organisationId) + "/fiches-de-poste/" + created.id();
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:" + org(organisationId) + "/fiches-de-poste";
        }
    }

    @GetMapping("/gpec/organismes/{organisationId}/fiches-de-poste/{jobProfileId}")
    String jobProfile(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId, Principal principal,
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "referentiel", required = false) String referential, Model model) {
        AccountSummary me = access.requireMember(principal.getName(), organisationId);
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("profile", profiles.get(principal.getName(), organisationId, jobProfileId));
        model.addAttribute("hr", me.holds(Role.ORG_HR));
        model.addAttribute("scale", workforce.scaleOf(organisationId));
        model.addAttribute("importances", Importance.values());
        if (me.holds(Role.ORG_HR)) {
            model.addAttribute("referentials", picker.referentials());
            model.addAttribute("query", query == null ? "" : query);
            try {
                model.addAttribute("found", picker.search(query));
            } catch (RuntimeException e) {
                model.addAttribute("found", List.of());
                model.addAttribute("searchError", e.getMessage());
            }
            if (referential != null && !referential.isBlank()) {
                model.addAttribute("browse", picker.browse(referential.strip()));
            }
        }
        return "workforce/job-profile";
    }

    @PostMapping("/gpec/organismes/{organisationId}/fiches-de-poste/{jobProfileId}")
    String describe(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId, Principal principal,
            @RequestParam(required = false) String title, @RequestParam(required = false) String mission,
            @RequestParam(required = false) String reportingLine, @RequestParam(required = false) String conditions,
            RedirectAttributes redirect) {
        return change(organisationId, jobProfileId, redirect, "Description enregistrée.", () -> {
            JobProfileView profile = profiles.get(principal.getName(), organisationId, jobProfileId);
            profiles.update(principal.getName(), organisationId, jobProfileId,
                    new JobProfileInput(title, mission, reportingLine, conditions, inputs(profile, null, null, null, Set.of())));
        });
    }

    @PostMapping("/gpec/organismes/{organisationId}/fiches-de-poste/{jobProfileId}/exigences")
    String requirements(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId, Principal principal,
            @RequestParam(name = "key", required = false) List<String> keys,
            @RequestParam(name = "level", required = false) List<Integer> levels,
            @RequestParam(name = "importance", required = false) List<String> importances,
            @RequestParam(name = "remove", required = false) Set<String> removed, RedirectAttributes redirect) {
        return change(organisationId, jobProfileId, redirect, "Compétences requises enregistrées.", () -> {
            JobProfileView profile = profiles.get(principal.getName(), organisationId, jobProfileId);
            profiles.update(principal.getName(), organisationId, jobProfileId, new JobProfileInput(profile.title(),
                    profile.mission(), profile.reportingLine(), profile.conditions(),
                    inputs(profile, keys, levels, importances, removed == null ? Set.of() : removed)));
        });
    }

    @PostMapping("/gpec/organismes/{organisationId}/fiches-de-poste/{jobProfileId}/ajout")
    String add(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId, Principal principal,
            @RequestParam(name = "picked", required = false) List<String> picked,
            @RequestParam(required = false) Integer level, @RequestParam(required = false) String importance,
            RedirectAttributes redirect) {
        return change(organisationId, jobProfileId, redirect, "Compétences ajoutées à la fiche.",
                () -> picker.add(principal.getName(), organisationId, jobProfileId, picked, level, importance));
    }

    @GetMapping("/gpec/organismes/{organisationId}/fiches-de-poste/{jobProfileId}/migration")
    String migration(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId, Principal principal,
            @RequestParam(name = "referentiel") String referential, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("preview", profiles.migrationPreview(principal.getName(), organisationId, jobProfileId,
                    referential));
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:" + org(organisationId) + "/fiches-de-poste/" + jobProfileId;
        }
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("profile", profiles.get(principal.getName(), organisationId, jobProfileId));
        model.addAttribute("scale", workforce.scaleOf(organisationId));
        return "workforce/migration";
    }

    @PostMapping("/gpec/organismes/{organisationId}/fiches-de-poste/{jobProfileId}/migration")
    String migrate(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId, Principal principal,
            @RequestParam(name = "referentiel") String referential, @RequestParam String version,
            RedirectAttributes redirect) {
        return change(organisationId, jobProfileId, redirect, "La fiche cite désormais la version « " + version
                + " » du référentiel « " + referential + " ».",
                () -> profiles.acceptMigration(principal.getName(), organisationId, jobProfileId, referential, version));
    }

    @GetMapping("/gpec/organismes/{organisationId}/fiches-de-poste/{jobProfileId}/document")
    ResponseEntity<byte[]> document(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId,
            @RequestParam(defaultValue = "pdf") String format, Principal principal) {
        JobProfileExport.Document document = export.export(principal.getName(), organisationId, jobProfileId, format);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }

    @GetMapping("/gpec/organismes/{organisationId}/equipes")
    String teams(@PathVariable UUID organisationId, Principal principal, Model model) {
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("people", staffing.people(principal.getName(), organisationId));
        model.addAttribute("teams", staffing.teams(principal.getName(), organisationId));
        model.addAttribute("profiles", profiles.list(principal.getName(), organisationId));
        return "workforce/teams";
    }

    @PostMapping("/gpec/organismes/{organisationId}/equipes")
    String createTeam(@PathVariable UUID organisationId, Principal principal,
            @RequestParam(required = false) String name, @RequestParam(required = false) UUID managerId,
            RedirectAttributes redirect) {
        try {
            Staffing.TeamView team = staffing.createTeam(principal.getName(), organisationId, name, managerId);
            redirect.addFlashAttribute("success", "Équipe « " + team.name() + " » créée.");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + org(organisationId) + "/equipes";
    }

    @PostMapping("/gpec/organismes/{organisationId}/personnes/{personId}/poste")
    String assign(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal,
            @RequestParam(required = false) UUID teamId, @RequestParam(required = false) UUID jobProfileId,
            @RequestParam(required = false) String since, RedirectAttributes redirect) {
        try {
            staffing.assign(principal.getName(), organisationId, personId, teamId, jobProfileId, since);
            redirect.addFlashAttribute("success", "Poste enregistré.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + org(organisationId) + "/equipes";
    }

    @GetMapping("/gpec/organismes/{organisationId}/personnes/{personId}")
    String person(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal, Model model) {
        Assessments.Portfolio portfolio = assessments.portfolio(principal.getName(), organisationId, personId);
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("portfolio", portfolio);
        model.addAttribute("history", assessments.history(principal.getName(), organisationId, personId));
        model.addAttribute("jobs", staffing.history(principal.getName(), organisationId, personId));
        model.addAttribute("mayAssess", portfolio.relation() != PersonRelation.HR);
        model.addAttribute("self", portfolio.relation() == PersonRelation.SELF);
        model.addAttribute("referentials", picker.referentials());
        return "workforce/person";
    }

    @PostMapping("/gpec/organismes/{organisationId}/personnes/{personId}/evaluations")
    String assess(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal,
            @RequestParam(required = false) String frameworkCode, @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) String level, @RequestParam(required = false) String comment,
            @RequestParam(required = false) String link, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        String back = "redirect:" + org(organisationId) + "/personnes/" + personId;
        boolean notObserved = "non-observe".equals(level);
        Integer rank;
        try {
            rank = notObserved || level == null || level.isBlank() ? null : Integer.valueOf(level.strip());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "Choisissez un niveau de l'échelle.");
            return back;
        }
        try {
            Assessments.AssessmentView recorded = assessments.record(principal.getName(), organisationId, personId,
                    new AssessmentInput(frameworkCode, null, itemCode, rank, notObserved, comment, null,
                            link == null || link.isBlank() ? List.of() : List.of(link)));
            if (file != null && !file.isEmpty()) {
                try (InputStream content = file.getInputStream()) {
                    assessments.addFile(principal.getName(), organisationId, personId, recorded.id(),
                            file.getOriginalFilename(), content);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (BadInputException e) {
                    redirect.addFlashAttribute("error", "Évaluation enregistrée, mais la preuve est refusée : "
                            + e.getMessage());
                    return back;
                }
            }
            redirect.addFlashAttribute("success", "Évaluation de « " + recorded.itemCode() + " » enregistrée ("
                    + recorded.levelLabel() + ").");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back;
    }

    private String change(UUID organisationId, UUID jobProfileId, RedirectAttributes redirect, String success,
            Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("success", success);
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + org(organisationId) + "/fiches-de-poste/" + jobProfileId;
    }

    /** The profile's requirements, with the levels and importances of the form where given, without the removed. */
    private static List<RequirementInput> inputs(JobProfileView profile, List<String> keys, List<Integer> levels,
            List<String> importances, Set<String> removed) {
        List<RequirementInput> inputs = new ArrayList<>();
        for (JobProfiles.RequirementView r : profile.requirements()) {
            String key = r.frameworkCode() + "::" + r.itemCode();
            if (removed.contains(key)) {
                continue;
            }
            int at = keys == null ? -1 : keys.indexOf(key);
            Integer level = at >= 0 && levels != null && at < levels.size() ? levels.get(at) : Integer.valueOf(r.level());
            String importance = at >= 0 && importances != null && at < importances.size() ? importances.get(at)
                    : r.importance().name();
            inputs.add(new RequirementInput(r.frameworkCode(), r.version(), r.itemCode(), level, importance));
        }
        return inputs;
    }
}
