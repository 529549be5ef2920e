package fr.referentia.workforce.interview.web;

import fr.referentia.shared.BadInputException;
import fr.referentia.workforce.interview.CareerInterviewKind;
import fr.referentia.workforce.interview.CareerInterviews;
import fr.referentia.workforce.interview.CareerInterviews.EmploymentInput;
import fr.referentia.workforce.interview.CareerInterviews.InterviewInput;
import fr.referentia.workforce.scope.WorkforceScope;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of career interviews: HR's list of what is due in the organisation; one person's calendar,
 * interviews and copies (HR records, the person reads); « Mes entretiens » leads each person to their own.
 */
@Controller
class CareerInterviewPages {

    private static final String ORGANISATION = "/organismes/{organisationId}/entretiens-professionnels";
    private static final String PERSON = "/organismes/{organisationId}/personnes/{personId}/entretiens-professionnels";

    private final CareerInterviews interviews;
    private final WorkforceScope scope;

    CareerInterviewPages(CareerInterviews interviews, WorkforceScope scope) {
        this.interviews = interviews;
        this.scope = scope;
    }

    @GetMapping(ORGANISATION)
    String due(@PathVariable UUID organisationId, Principal principal, Model model) {
        model.addAttribute("due", interviews.due(principal.getName(), organisationId));
        model.addAttribute("people", interviews.people(principal.getName(), organisationId));
        model.addAttribute("organisationId", organisationId);
        return "workforce/interviews-due";
    }

    @GetMapping(PERSON)
    String person(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal, Model model) {
        model.addAttribute("page", interviews.personPage(principal.getName(), organisationId, personId));
        model.addAttribute("kinds", CareerInterviewKind.values());
        model.addAttribute("legalTopics", CareerInterviews.LEGAL_TOPICS);
        if (!model.containsAttribute("participants")) {
            model.addAttribute("participants", List.of());
        }
        return "workforce/interviews-person";
    }

    @PostMapping(PERSON + "/embauche")
    String employment(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal,
            @RequestParam(required = false) String hiredOn, @RequestParam(required = false) String birthDate,
            RedirectAttributes redirect) {
        try {
            interviews.recordEmployment(principal.getName(), organisationId, personId, new EmploymentInput(hiredOn, birthDate));
            redirect.addFlashAttribute("success", "Dates enregistrées : le calendrier des entretiens est à jour.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + personPath(organisationId, personId);
    }

    @PostMapping(PERSON)
    String record(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal,
            @RequestParam(required = false) String date, @RequestParam(required = false) String kind,
            @RequestParam(required = false) List<String> participantIds,
            @RequestParam(required = false) List<String> topics, @RequestParam(required = false) String otherTopics,
            @RequestParam(required = false) String followUps, @RequestParam(required = false) String progression,
            @RequestParam(required = false) String copyDeliveredOn, RedirectAttributes redirect) {
        List<String> allTopics = new ArrayList<>(topics == null ? List.of() : topics);
        if (otherTopics != null) {
            otherTopics.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(allTopics::add);
        }
        Boolean progressed = progression == null || progression.isBlank() ? null : "oui".equals(progression);
        try {
            interviews.record(principal.getName(), organisationId, personId, new InterviewInput(date, kind,
                    participantIds, allTopics, followUps, progressed, copyDeliveredOn));
            redirect.addFlashAttribute("success", "Entretien enregistré. Remettez sa copie écrite au salarié.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:" + personPath(organisationId, personId);
    }

    @PostMapping(PERSON + "/{interviewId}/remise")
    String deliver(@PathVariable UUID organisationId, @PathVariable UUID personId, @PathVariable UUID interviewId,
            Principal principal, @RequestParam(required = false) String deliveredOn, RedirectAttributes redirect) {
        try {
            interviews.deliverCopy(principal.getName(), organisationId, personId, interviewId, deliveredOn);
            redirect.addFlashAttribute("success", "Remise de la copie enregistrée.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + personPath(organisationId, personId);
    }

    @GetMapping(PERSON + "/{interviewId}/copie.pdf")
    ResponseEntity<byte[]> copy(@PathVariable UUID organisationId, @PathVariable UUID personId,
            @PathVariable UUID interviewId, Principal principal) {
        return CareerInterviewApi.pdf(interviews.copy(principal.getName(), organisationId, personId, interviewId),
                interviewId);
    }

    @GetMapping("/mes-entretiens-professionnels")
    String mine(Principal principal, Model model) {
        var me = scope.requester(principal.getName());
        if (me.organisationId() == null) {
            model.addAttribute("message", "Les entretiens de parcours professionnel concernent les salariés d'un organisme ; "
                    + "votre compte n'est rattaché à aucun organisme.");
            return "workforce/no-organisation";
        }
        return "redirect:" + personPath(me.organisationId(), me.id());
    }

    private static String personPath(UUID organisationId, UUID personId) {
        return "/organismes/" + organisationId + "/personnes/" + personId + "/entretiens-professionnels";
    }
}
