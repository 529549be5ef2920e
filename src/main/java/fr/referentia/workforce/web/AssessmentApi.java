package fr.referentia.workforce.web;

import fr.referentia.shared.BadInputException;
import fr.referentia.workforce.Assessments;
import fr.referentia.workforce.Assessments.AssessmentInput;
import fr.referentia.workforce.Assessments.AssessmentView;
import fr.referentia.workforce.Assessments.EvidenceView;
import fr.referentia.workforce.Assessments.Portfolio;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Assessments for machines: the person (source SELF) or their manager (source MANAGER) records one; the
 * history is never overwritten; evidence is a file (the shared storage) or a link; the portfolio shows self
 * and manager side by side.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/people/{personId}")
@Tag(name = "GPEC — évaluations", description = "Auto-évaluations et évaluations du manager, preuves, portefeuille")
class AssessmentApi {

    private final Assessments assessments;

    AssessmentApi(Assessments assessments) {
        this.assessments = assessments;
    }

    @Schema(description = "Une évaluation d'une compétence : un niveau de l'échelle de l'organisme, ou notObserved "
            + "(« pas eu l'occasion de le montrer »), jamais les deux",
            example = "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", \"level\": 3, "
                    + "\"comment\": \"Prépare seul les sessions depuis janvier.\", \"links\": "
                    + "[\"https://exemple.fr/portfolio/session-janvier\"]}")
    record AssessmentBody(
            @Schema(example = "RAC-METIERS-FORMATION") String frameworkCode,
            @Schema(description = "Version publiée évaluée (par défaut la dernière)", example = "1") String version,
            @Schema(example = "DOM1-A1-C1") String itemCode,
            @Schema(description = "Rang sur l'échelle (1 à 4 par défaut) ; absent si notObserved", example = "3")
            Integer level,
            @Schema(description = "true : pas eu l'occasion de le montrer", example = "false") Boolean notObserved,
            @Schema(example = "Prépare seul les sessions depuis janvier.") String comment,
            @Schema(description = "Date de l'observation, passée ou du jour (par défaut : aujourd'hui)",
                    example = "2026-11-30") String observedOn,
            @Schema(description = "Liens de preuve (https://…)") List<String> links) {
    }

    @GetMapping("/assessments")
    @Operation(summary = "L'historique des évaluations de la personne, la plus récente d'abord (elle-même, son "
            + "manager, ses RH)")
    List<AssessmentView> history(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal) {
        return assessments.history(principal.getName(), organisationId, personId);
    }

    @PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enregistre une évaluation : source SELF (la personne) ou MANAGER (son manager) ; "
            + "jamais écrasée")
    ResponseEntity<AssessmentView> record(@PathVariable UUID organisationId, @PathVariable UUID personId,
            Principal principal, @RequestBody(required = false) AssessmentBody body) {
        if (body == null) {
            throw new BadInputException("L'évaluation est vide : indiquez la compétence (frameworkCode, itemCode) et "
                    + "le niveau (level) ou notObserved.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(assessments.record(principal.getName(), organisationId,
                personId, new AssessmentInput(body.frameworkCode(), body.version(), body.itemCode(), body.level(),
                        body.notObserved(), body.comment(), body.observedOn(), body.links())));
    }

    @PostMapping("/assessments/{assessmentId}/evidence")
    @Operation(summary = "Joint une preuve à une évaluation qu'on a faite : un fichier (file : PDF, DOCX, ODT, PNG, "
            + "JPEG ou texte, 10 Mo au plus) ou un lien (link)")
    ResponseEntity<EvidenceView> evidence(@PathVariable UUID organisationId, @PathVariable UUID personId,
            @PathVariable UUID assessmentId, Principal principal,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String link) {
        EvidenceView added;
        if (file != null && !file.isEmpty()) {
            try (InputStream content = file.getInputStream()) {
                added = assessments.addFile(principal.getName(), organisationId, personId, assessmentId,
                        file.getOriginalFilename(), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            added = assessments.addLink(principal.getName(), organisationId, personId, assessmentId, link);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @GetMapping("/portfolio")
    @Operation(summary = "Le portefeuille de compétences : pour chaque compétence du poste (puis les autres "
            + "évaluées), le niveau requis, la dernière auto-évaluation et la dernière évaluation du manager côte à côte")
    Portfolio portfolio(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal) {
        return assessments.portfolio(principal.getName(), organisationId, personId);
    }
}
