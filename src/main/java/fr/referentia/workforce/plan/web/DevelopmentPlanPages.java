package fr.referentia.workforce.plan.web;

import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.workforce.plan.DevelopmentActionKind;
import fr.referentia.workforce.plan.DevelopmentActionStatus;
import fr.referentia.workforce.plan.DevelopmentPlans;
import fr.referentia.workforce.plan.DevelopmentPlans.ActionInput;
import fr.referentia.workforce.plan.DevelopmentPlans.ActionUpdate;
import fr.referentia.workforce.plan.DevelopmentPlans.GapRef;
import fr.referentia.workforce.scope.WorkforceScope;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's development plan page: HR and the manager add and close actions; the person reads it. */
@Controller
class DevelopmentPlanPages {

    private static final String PLAN = "/gpec/organismes/{organisationId}/personnes/{personId}/plan-de-developpement";

    private final DevelopmentPlans plans;
    private final WorkforceScope scope;

    DevelopmentPlanPages(DevelopmentPlans plans, WorkforceScope scope) {
        this.plans = plans;
        this.scope = scope;
    }

    @GetMapping(PLAN)
    String plan(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal, Model model) {
        model.addAttribute("plan", plans.plan(principal.getName(), organisationId, personId));
        model.addAttribute("kinds", DevelopmentActionKind.values());
        model.addAttribute("statuses", DevelopmentActionStatus.values());
        return "workforce/plan";
    }

    @GetMapping("/gpec/mon-plan-de-developpement")
    String mine(Principal principal) {
        var me = scope.requester(principal.getName());
        if (me.organisationId() == null) {
            return "redirect:/mon-espace";
        }
        return "redirect:" + path(me.organisationId(), me.id());
    }

    @PostMapping(PLAN)
    String create(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String title,
            @RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
            @RequestParam(required = false) Integer estimatedHours, @RequestParam(required = false) String gaps,
            RedirectAttributes redirect) {
        List<GapRef> refs = new ArrayList<>();
        if (gaps != null) {
            for (String part : gaps.split("[,;\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                int slash = part.indexOf('/');
                refs.add(slash < 0 ? new GapRef(null, part) : new GapRef(part.substring(0, slash), part.substring(slash + 1)));
            }
        }
        try {
            plans.create(principal.getName(), organisationId, personId, new ActionInput(kind, title, startsOn, endsOn,
                    estimatedHours, refs));
            redirect.addFlashAttribute("success", "Action ajoutée au plan de développement.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:" + path(organisationId, personId);
    }

    @PostMapping(PLAN + "/{actionId}")
    String update(@PathVariable UUID organisationId, @PathVariable UUID personId, @PathVariable UUID actionId,
            Principal principal, @RequestParam(required = false) String status,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) Boolean certifying,
            @RequestParam(required = false) String closedOn, RedirectAttributes redirect) {
        try {
            var action = plans.update(principal.getName(), organisationId, personId, actionId,
                    new ActionUpdate(status, outcome, certifying, closedOn));
            redirect.addFlashAttribute("success", "Action « " + action.title() + " » : " + action.statusLabel() + ".");
            if (!action.reassess().isEmpty()) {
                redirect.addFlashAttribute("reassess", action.reassess());
            }
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + path(organisationId, personId);
    }

    private static String path(UUID organisationId, UUID personId) {
        return "/gpec/organismes/" + organisationId + "/personnes/" + personId + "/plan-de-developpement";
    }
}
