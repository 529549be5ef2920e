package fr.referentia.workforce.web;

import fr.referentia.shared.BadInputException;
import fr.referentia.workforce.Staffing;
import fr.referentia.workforce.Staffing.AssignmentView;
import fr.referentia.workforce.Staffing.TeamView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
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

/**
 * Teams and people's jobs for machines: the organisation's HR creates teams and assigns jobs; a manager
 * lists the teams they manage; a person's job history is read by themself, their manager and their HR.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}")
@Tag(name = "GPEC — équipes et postes", description = "Équipes, managers, affectation des personnes à un poste")
class StaffingApi {

    private final Staffing staffing;

    StaffingApi(Staffing staffing) {
        this.staffing = staffing;
    }

    @Schema(description = "Une équipe à créer et son manager (une personne de l'organisme ayant le rôle MANAGER)",
            example = "{\"name\": \"Pôle administratif\", \"managerId\": \"3f2b8c1e-5d4a-4e7b-9c61-0a2d4e6f8b10\"}")
    record TeamBody(@Schema(example = "Pôle administratif") String name,
            @Schema(example = "3f2b8c1e-5d4a-4e7b-9c61-0a2d4e6f8b10") UUID managerId) {
    }

    record TeamEntry(UUID id, String name, UUID managerId, String managerName, int members) {

        static TeamEntry of(TeamView t) {
            return new TeamEntry(t.id(), t.name(), t.managerId(), t.managerName(), t.members());
        }
    }

    @Schema(description = "Le poste d'une personne : équipe, fiche de poste, date de prise de poste (passée ou du "
            + "jour, après celle du poste actuel, qui se termine la veille)",
            example = "{\"teamId\": \"7a1c2e3f-4b5d-4c6e-8f70-1a2b3c4d5e6f\", \"jobProfileId\": "
                    + "\"0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e\", \"since\": \"2024-09-02\"}")
    record JobBody(@Schema(example = "7a1c2e3f-4b5d-4c6e-8f70-1a2b3c4d5e6f") UUID teamId,
            @Schema(example = "0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e") UUID jobProfileId,
            @Schema(description = "AAAA-MM-JJ", example = "2024-09-02") String since) {
    }

    record JobEntry(UUID id, UUID personId, UUID teamId, String teamName, UUID jobProfileId, String jobTitle,
            LocalDate since, LocalDate until) {

        static JobEntry of(AssignmentView a) {
            return new JobEntry(a.id(), a.personId(), a.teamId(), a.teamName(), a.jobProfileId(), a.jobTitle(),
                    a.since(), a.until());
        }
    }

    @GetMapping("/teams")
    @Operation(summary = "Les équipes de l'organisme (RH : toutes ; manager : les siennes)")
    List<TeamEntry> teams(@PathVariable UUID organisationId, Principal principal) {
        return staffing.teams(principal.getName(), organisationId).stream().map(TeamEntry::of).toList();
    }

    @PostMapping("/teams")
    @Operation(summary = "Crée une équipe avec son manager (RH de l'organisme) ; 409 si le nom existe déjà")
    ResponseEntity<TeamEntry> createTeam(@PathVariable UUID organisationId, Principal principal,
            @RequestBody(required = false) TeamBody body) {
        if (body == null) {
            throw new BadInputException("Indiquez le nom de l'équipe (name) et son manager (managerId).");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(TeamEntry.of(staffing.createTeam(principal.getName(), organisationId, body.name(), body.managerId())));
    }

    @PutMapping("/people/{personId}/job")
    @Operation(summary = "Affecte une personne à un poste (équipe, fiche de poste, depuis) — RH de l'organisme ; "
            + "le poste précédent se termine la veille (historique conservé)")
    JobEntry assign(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal,
            @RequestBody(required = false) JobBody body) {
        if (body == null) {
            throw new BadInputException("Indiquez l'équipe (teamId), la fiche de poste (jobProfileId) et la date (since).");
        }
        return JobEntry.of(staffing.assign(principal.getName(), organisationId, personId, body.teamId(),
                body.jobProfileId(), body.since()));
    }

    @GetMapping("/people/{personId}/job")
    @Operation(summary = "L'historique des postes d'une personne, le plus récent d'abord (elle-même, son manager, ses RH)")
    List<JobEntry> jobs(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal) {
        return staffing.history(principal.getName(), organisationId, personId).stream().map(JobEntry::of).toList();
    }
}
