package fr.referentia.workforce.web;

import fr.referentia.shared.BadInputException;
import fr.referentia.workforce.Importance;
import fr.referentia.workforce.JobProfileExport;
import fr.referentia.workforce.JobProfiles;
import fr.referentia.workforce.JobProfiles.JobProfileInput;
import fr.referentia.workforce.JobProfiles.JobProfileView;
import fr.referentia.workforce.JobProfiles.MigrationPreview;
import fr.referentia.workforce.JobProfiles.RequirementInput;
import fr.referentia.workforce.ProficiencyLevel;
import fr.referentia.workforce.ProficiencyScales;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Job profiles (fiches de poste) for machines: the same services and checks as the pages. The
 * organisation's people read them; its HR creates, copies, changes, migrates them; another organisation's
 * ids read as unknown (404).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "GPEC — fiches de poste", description = "Fiches de poste, modèles de la branche, échelle de maîtrise")
class JobProfileApi {

    private final JobProfiles profiles;
    private final JobProfileExport export;
    private final ProficiencyScales scales;

    JobProfileApi(JobProfiles profiles, JobProfileExport export, ProficiencyScales scales) {
        this.profiles = profiles;
        this.export = export;
        this.scales = scales;
    }

    @Schema(description = "Une compétence requise : l'élément cité (référentiel, version publiée — la dernière si "
            + "absente —, code), le niveau requis sur l'échelle de l'organisme (1 à 4 par défaut) et son importance")
    record RequirementBody(
            @Schema(example = "RAC-METIERS-FORMATION") String frameworkCode,
            @Schema(description = "Version citée (par défaut la dernière publiée)", example = "1") String version,
            @Schema(example = "DOM1-A1-C1") String itemCode,
            @Schema(description = "Rang sur l'échelle de l'organisme", example = "3") Integer level,
            @Schema(description = "ESSENTIAL ou OPTIONAL (par défaut ESSENTIAL)", example = "ESSENTIAL") String importance) {
    }

    @Schema(description = "Une fiche de poste ; à la création, templateId copie un modèle de la branche "
            + "(les autres champs sont alors ignorés)",
            example = "{\"title\": \"Assistant(e) de formation\", \"mission\": \"Met en œuvre les moyens "
                    + "administratifs et organisationnels des actions de formation.\", \"reportingLine\": "
                    + "\"Responsable du service formation\", \"conditions\": \"Temps plein, sur site\", "
                    + "\"requirements\": [{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"version\": \"1\", "
                    + "\"itemCode\": \"DOM1-A1-C1\", \"level\": 3, \"importance\": \"ESSENTIAL\"}]}")
    record JobProfileBody(
            @Schema(example = "Assistant(e) de formation") String title,
            @Schema(example = "Met en œuvre les moyens administratifs et organisationnels des actions de formation.")
            String mission,
            @Schema(example = "Responsable du service formation") String reportingLine,
            @Schema(example = "Temps plein, sur site") String conditions,
            List<RequirementBody> requirements,
            @Schema(description = "À la création seulement : le modèle de la branche à copier", nullable = true)
            UUID templateId) {

        JobProfileInput input() {
            return new JobProfileInput(title, mission, reportingLine, conditions, requirements == null ? null
                    : requirements.stream().map(r -> r == null ? null : new RequirementInput(r.frameworkCode(),
                            r.version(), r.itemCode(), r.level(), r.importance())).toList());
        }
    }

    record RequirementEntry(String frameworkCode, String version, String itemCode, int level, String levelLabel,
            Importance importance, String text) {
    }

    record JobProfileEntry(UUID id, UUID organisationId, String title, String mission, String reportingLine,
            String conditions, List<RequirementEntry> requirements, UUID copiedFrom, Instant updatedAt,
            @Schema(description = "Référentiels dont une version publiée plus récente que celle citée existe : "
                    + "une migration est proposée") List<String> outdatedReferentials) {

        static JobProfileEntry of(JobProfileView v) {
            return new JobProfileEntry(v.id(), v.organisationId(), v.title(), v.mission(), v.reportingLine(),
                    v.conditions(), v.requirements().stream().map(r -> new RequirementEntry(r.frameworkCode(),
                            r.version(), r.itemCode(), r.level(), r.levelLabel(), r.importance(), r.text())).toList(),
                    v.copiedFrom(), v.updatedAt(), v.outdatedReferentials());
        }
    }

    @Schema(description = "Accepter la migration d'un référentiel cité vers sa dernière version publiée, telle "
            + "que l'aperçu l'a montrée", example = "{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"toVersion\": \"2\"}")
    record MigrationBody(@Schema(example = "RAC-METIERS-FORMATION") String frameworkCode,
            @Schema(example = "2") String toVersion) {
    }

    @Schema(description = "L'échelle de maîtrise de l'organisme, niveaux du plus bas au plus haut (2 à 10)",
            example = "{\"levels\": [{\"label\": \"Débutant\", \"description\": \"Découvre la compétence.\"}, "
                    + "{\"label\": \"Confirmé\", \"description\": \"Agit en autonomie.\"}, {\"label\": \"Expert\", "
                    + "\"description\": \"Transmet et fait évoluer les pratiques.\"}]}")
    record ScaleBody(List<LevelBody> levels) {
    }

    record LevelBody(@Schema(example = "Confirmé") String label,
            @Schema(example = "Agit en autonomie.") String description) {
    }

    @GetMapping("/organisations/{organisationId}/job-profiles")
    @Operation(summary = "Les fiches de poste de l'organisme (ses membres ; un autre organisme : 404)")
    List<JobProfileEntry> list(@PathVariable UUID organisationId, Principal principal) {
        return profiles.list(principal.getName(), organisationId).stream().map(JobProfileEntry::of).toList();
    }

    @PostMapping("/organisations/{organisationId}/job-profiles")
    @Operation(summary = "Crée une fiche de poste, ou copie un modèle de la branche (templateId) — RH de l'organisme")
    ResponseEntity<JobProfileEntry> create(@PathVariable UUID organisationId, Principal principal,
            @RequestBody(required = false) JobProfileBody body) {
        if (body == null) {
            throw new BadInputException("La fiche de poste est vide : indiquez au moins son intitulé (title).");
        }
        JobProfileView created = body.templateId() != null
                ? profiles.copyTemplate(principal.getName(), organisationId, body.templateId())
                : profiles.create(principal.getName(), organisationId, body.input());
        return ResponseEntity.status(HttpStatus.CREATED).body(JobProfileEntry.of(created));
    }

    @GetMapping("/organisations/{organisationId}/job-profiles/{jobProfileId}")
    @Operation(summary = "Une fiche de poste")
    JobProfileEntry get(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId, Principal principal) {
        return JobProfileEntry.of(profiles.get(principal.getName(), organisationId, jobProfileId));
    }

    @PutMapping("/organisations/{organisationId}/job-profiles/{jobProfileId}")
    @Operation(summary = "Remplace une fiche de poste (intitulé, mission, compétences requises) — RH de l'organisme")
    JobProfileEntry update(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId, Principal principal,
            @RequestBody(required = false) JobProfileBody body) {
        if (body == null) {
            throw new BadInputException("La fiche de poste est vide : indiquez au moins son intitulé (title).");
        }
        return JobProfileEntry.of(profiles.update(principal.getName(), organisationId, jobProfileId, body.input()));
    }

    @GetMapping("/organisations/{organisationId}/job-profiles/{jobProfileId}/migration")
    @Operation(summary = "Aperçu de la migration des compétences citées d'un référentiel vers sa dernière version "
            + "publiée (inchangées, reformulées, déplacées, supprimées) — RH de l'organisme")
    MigrationPreview migration(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId,
            @RequestParam String frameworkCode, Principal principal) {
        return profiles.migrationPreview(principal.getName(), organisationId, jobProfileId, frameworkCode);
    }

    @PostMapping("/organisations/{organisationId}/job-profiles/{jobProfileId}/migration")
    @Operation(summary = "Accepte la migration montrée par l'aperçu — RH de l'organisme ; 409 si une version plus "
            + "récente a été publiée entre-temps")
    JobProfileEntry migrate(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId, Principal principal,
            @RequestBody(required = false) MigrationBody body) {
        if (body == null || body.frameworkCode() == null || body.toVersion() == null) {
            throw new BadInputException("Indiquez le référentiel (frameworkCode) et la version acceptée (toVersion).");
        }
        return JobProfileEntry.of(profiles.acceptMigration(principal.getName(), organisationId, jobProfileId,
                body.frameworkCode(), body.toVersion()));
    }

    @GetMapping("/organisations/{organisationId}/job-profiles/{jobProfileId}/export")
    @Operation(summary = "La fiche de poste en document : format=pdf, docx ou odt")
    ResponseEntity<byte[]> export(@PathVariable UUID organisationId, @PathVariable UUID jobProfileId,
            @RequestParam(defaultValue = "pdf") String format, Principal principal) {
        JobProfileExport.Document document = export.export(principal.getName(), organisationId, jobProfileId, format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }

    @GetMapping("/job-profile-templates")
    @Operation(summary = "Les modèles de fiches de poste de la branche, qu'un organisme copie")
    List<JobProfileEntry> templates() {
        return profiles.templates().stream().map(JobProfileEntry::of).toList();
    }

    @GetMapping("/organisations/{organisationId}/proficiency-scale")
    @Operation(summary = "L'échelle de maîtrise de l'organisme (par défaut : Notions, Pratique, Maîtrise, Expertise)")
    List<ProficiencyLevel> scale(@PathVariable UUID organisationId, Principal principal) {
        return scales.scale(principal.getName(), organisationId).levels();
    }

    @PutMapping("/organisations/{organisationId}/proficiency-scale")
    @Operation(summary = "Remplace l'échelle de maîtrise de l'organisme (RH) ; refusé si une fiche ou une évaluation "
            + "utilise un niveau qui disparaîtrait")
    List<ProficiencyLevel> changeScale(@PathVariable UUID organisationId, Principal principal,
            @RequestBody(required = false) ScaleBody body) {
        List<ProficiencyScales.LevelInput> levels = body == null || body.levels() == null ? List.of()
                : body.levels().stream().map(l -> l == null ? new ProficiencyScales.LevelInput(null, null)
                        : new ProficiencyScales.LevelInput(l.label(), l.description())).toList();
        return scales.change(principal.getName(), organisationId, levels).levels();
    }
}
