package fr.referentia.workforce.plan.web;

import fr.referentia.workforce.plan.DevelopmentPlans;
import fr.referentia.workforce.plan.DevelopmentPlans.Action;
import fr.referentia.workforce.plan.DevelopmentPlans.ActionInput;
import fr.referentia.workforce.plan.DevelopmentPlans.ActionUpdate;
import fr.referentia.workforce.plan.DevelopmentPlans.GapRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's development plan for machines: the same service and checks as the page. */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/people/{personId}/development-actions")
@Tag(name = "Plans de développement", description = "Actions de développement d'une personne, liées aux écarts qu'elles comblent")
class DevelopmentPlanApi {

    private final DevelopmentPlans plans;

    DevelopmentPlanApi(DevelopmentPlans plans) {
        this.plans = plans;
    }

    @Schema(description = "Une action du plan de développement")
    record ActionRequest(
            @Schema(description = "TRAINING, TUTORING, MENTORING, VAE ou INTERNAL_MOBILITY", example = "TRAINING") String kind,
            @Schema(example = "Formation à la conception de parcours multimodaux") String title,
            @Schema(description = "AAAA-MM-JJ", example = "2027-01-11") String startsOn,
            @Schema(description = "AAAA-MM-JJ, facultative", example = "2027-01-15") String endsOn,
            @Schema(description = "Durée estimée en heures", example = "21") Integer estimatedHours,
            @ArraySchema(arraySchema = @Schema(description = "Les écarts (compétences) que l'action comble",
                    example = "[{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1\"}]"))
            List<GapRef> gaps) {
    }

    @Schema(description = "Changement de statut, résultat ; clore une action réalisée invite à réévaluer les compétences visées")
    record UpdateRequest(
            @Schema(description = "PLANNED, IN_PROGRESS, DONE ou CANCELLED", example = "DONE") String status,
            @Schema(example = "Formation suivie ; mise en pratique sur deux parcours.") String outcome,
            @Schema(description = "L'action a permis d'obtenir des éléments de certification (bloc, certificat)",
                    example = "false") Boolean certifying,
            @Schema(description = "Date de clôture, AAAA-MM-JJ ; aujourd'hui si absente", example = "2026-11-30")
            String closedOn) {
    }

    @GetMapping
    @Operation(summary = "Les actions du plan de développement d'une personne (elle-même, son manager, les RH)")
    List<Action> list(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal) {
        return plans.plan(principal.getName(), organisationId, personId).actions();
    }

    @PostMapping
    @Operation(summary = "Ajoute une action au plan (son manager ou les RH)")
    ResponseEntity<Action> create(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal,
            @RequestBody(required = false) ActionRequest body) {
        ActionInput input = body == null ? null : new ActionInput(body.kind(), body.title(), body.startsOn(),
                body.endsOn(), body.estimatedHours(), body.gaps());
        return ResponseEntity.status(HttpStatus.CREATED).body(plans.create(principal.getName(), organisationId, personId, input));
    }

    @PutMapping("/{actionId}")
    @Operation(summary = "Change le statut ou le résultat d'une action (son manager ou les RH) ; une action réalisée "
            + "renvoie dans reassess les compétences à réévaluer")
    Action update(@PathVariable UUID organisationId, @PathVariable UUID personId, @PathVariable UUID actionId,
            Principal principal, @RequestBody(required = false) UpdateRequest body) {
        return plans.update(principal.getName(), organisationId, personId, actionId, body == null ? null
                : new ActionUpdate(body.status(), body.outcome(), body.certifying(), body.closedOn()));
    }
}
