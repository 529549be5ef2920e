package fr.referentia.certification.web;

import fr.referentia.certification.Accommodations;
import fr.referentia.certification.Accommodations.AccommodationRequest;
import fr.referentia.certification.Accommodations.AccommodationView;
import fr.referentia.certification.DossierAnswers.CompetencyAnswers;
import fr.referentia.certification.Dossiers;
import fr.referentia.certification.Dossiers.Change;
import fr.referentia.certification.Dossiers.CompetencyView;
import fr.referentia.certification.Dossiers.Completeness;
import fr.referentia.certification.Dossiers.DossierView;
import fr.referentia.certification.Dossiers.OrganisationChoice;
import fr.referentia.certification.Dossiers.FileView;
import fr.referentia.certification.Dossiers.VersionSummary;
import fr.referentia.shared.BadInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The VAE dossier (seed 004, part 3) and the accommodation needs (R13) of an application. */
@RestController
@RequestMapping("/api/v1/applications/{applicationId}")
@Tag(name = "Dossier VAE", description = "Dossier du candidat compétence par compétence, pièces, complétude, dépôt, "
        + "versions, PDF ; aménagements de l'évaluation")
class DossierApi {

    private final Dossiers dossiers;
    private final Accommodations accommodations;

    DossierApi(Dossiers dossiers, Accommodations accommodations) {
        this.dossiers = dossiers;
        this.accommodations = accommodations;
    }

    @Schema(description = "L'organisme de formation qui accompagne le candidat (null pour aucun)",
            example = "{\"organisationId\": null}")
    record AccompanimentRequest(UUID organisationId) {
    }

    @GetMapping("/dossier")
    @Operation(summary = "Le dossier : compétences et leur complétude, pièces, versions déposées")
    DossierView dossier(@PathVariable UUID applicationId, Principal principal) {
        return dossiers.dossier(principal.getName(), applicationId);
    }

    @GetMapping("/dossier/competencies/{itemCode}")
    @Operation(summary = "Une compétence du dossier : activités (oui/non, exemples, outils, preuves) et questions")
    CompetencyView competency(@PathVariable UUID applicationId, @PathVariable String itemCode, Principal principal) {
        return dossiers.competency(principal.getName(), applicationId, itemCode);
    }

    @PutMapping("/dossier/competencies/{itemCode}")
    @Operation(summary = "Enregistrer une compétence (le candidat) ; « version » ou If-Match : la version lue. "
            + "Une version périmée est refusée (409) avec la version enregistrée dans « current »")
    CompetencyView save(@PathVariable UUID applicationId, @PathVariable String itemCode,
            @RequestBody(required = false) CompetencyAnswers answers,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Principal principal) {
        CompetencyAnswers withVersion = answers == null || ifMatch == null || answers.version() != null ? answers
                : new CompetencyAnswers(answers.activities(), answers.answers(), IfMatch.version(ifMatch));
        return dossiers.save(principal.getName(), applicationId, itemCode, withVersion);
    }

    @PostMapping("/dossier/files")
    @Operation(summary = "Déposer une preuve (kind PROOF) ou le document écrit d'une question (kind WRITTEN_PIECE, "
            + "itemCode : la question ; PDF ou DOCX dont le nombre de pages est vérifié)")
    ResponseEntity<FileView> addFile(@PathVariable UUID applicationId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "itemCode", required = false) String itemCode, Principal principal) {
        FileView added = dossiers.addFile(principal.getName(), applicationId, kind, itemCode, file);
        return ResponseEntity.created(URI.create("/api/v1/files/" + added.fileId())).body(added);
    }

    @GetMapping("/dossier/completeness")
    @Operation(summary = "Ce qui manque avant le dépôt")
    Completeness completeness(@PathVariable UUID applicationId, Principal principal) {
        return dossiers.completeness(principal.getName(), applicationId);
    }

    @PostMapping("/dossier/submission")
    @Operation(summary = "Déposer le dossier (refusé tant qu'il est incomplet) : il est figé dans une nouvelle version")
    DossierView submit(@PathVariable UUID applicationId, Principal principal) {
        return dossiers.submit(principal.getName(), applicationId);
    }

    @GetMapping("/dossier/versions")
    @Operation(summary = "Les versions déposées du dossier")
    List<VersionSummary> versions(@PathVariable UUID applicationId, Principal principal) {
        return dossiers.versions(principal.getName(), applicationId);
    }

    @GetMapping("/dossier/diff")
    @Operation(summary = "Les différences entre deux versions déposées, champ par champ (from : la plus ancienne, "
            + "to : la plus récente)")
    List<Change> diff(@PathVariable UUID applicationId, @RequestParam("from") int from, @RequestParam("to") int to,
            Principal principal) {
        return dossiers.diff(principal.getName(), applicationId, from, to);
    }

    @GetMapping("/dossier/accompaniment/organisations")
    @Operation(summary = "Chercher par son nom l'organisme de formation qui accompagne le candidat (q : 2 à 100 "
            + "caractères ; 20 résultats au plus, par nom ; le candidat seulement)")
    List<OrganisationChoice> accompanyingChoices(@PathVariable UUID applicationId,
            @RequestParam(required = false) String q, Principal principal) {
        return dossiers.accompanyingChoices(principal.getName(), applicationId, q);
    }

    @PutMapping("/dossier/accompaniment")
    @Operation(summary = "Nommer l'organisme de formation qui accompagne le candidat (il lit alors le dossier)")
    DossierView accompany(@PathVariable UUID applicationId, @RequestBody(required = false) AccompanimentRequest request,
            Principal principal) {
        return dossiers.accompany(principal.getName(), applicationId, request == null ? null : request.organisationId());
    }

    @GetMapping("/dossier/export")
    @Operation(summary = "Le dossier en PDF, à la mise en page du formulaire (version : une version déposée)")
    ResponseEntity<byte[]> export(@PathVariable UUID applicationId,
            @RequestParam(name = "format", defaultValue = "pdf") String format,
            @RequestParam(name = "version", required = false) Integer version, Principal principal) {
        if (!"pdf".equalsIgnoreCase(format.strip())) {
            throw new BadInputException("Format inconnu : « " + format + " ». Le dossier s'exporte en PDF (format=pdf).");
        }
        return pdf(dossiers.pdf(principal.getName(), applicationId, version), applicationId);
    }

    @GetMapping("/accommodation")
    @Operation(summary = "Les besoins d'aménagement déclarés (le candidat et le secrétariat seulement)")
    AccommodationView accommodation(@PathVariable UUID applicationId, Principal principal) {
        return accommodations.accommodation(principal.getName(), applicationId);
    }

    @PutMapping("/accommodation")
    @Operation(summary = "Déclarer ses besoins d'aménagement, avec son accord pour les transmettre (R13)")
    AccommodationView declare(@PathVariable UUID applicationId, @RequestBody(required = false)
            AccommodationRequest request, Principal principal) {
        return accommodations.declare(principal.getName(), applicationId, request);
    }

    static ResponseEntity<byte[]> pdf(byte[] body, UUID applicationId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dossier-vae-" + applicationId + ".pdf").build().toString())
                .body(body);
    }
}
