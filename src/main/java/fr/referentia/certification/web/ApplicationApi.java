package fr.referentia.certification.web;

import fr.referentia.certification.AdmissibilityForm;
import fr.referentia.certification.ApplicationState;
import fr.referentia.certification.Applications;
import fr.referentia.certification.Applications.ApplicationView;
import fr.referentia.certification.Applications.DocumentView;
import fr.referentia.certification.Applications.HistoryEntry;
import fr.referentia.certification.Applications.NewApplication;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.web.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Applications (candidatures) through the admissibility decision: the same services and checks as the
 * pages. An application another person may not read answers 404.
 */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Candidatures", description = "Candidatures, dossier de recevabilité, justificatifs, décision et historique")
class ApplicationApi {

    private final Applications applications;

    ApplicationApi(Applications applications) {
        this.applications = applications;
    }

    @Schema(description = "Une candidature à créer : la certification (code du référentiel), la voie (VAE, TRAINING "
            + "ou MIXED) et, pour les RH qui la font pour un salarié de leur organisme, l'identifiant de son compte",
            example = "{\"certificationCode\": \"CQP-CONSEILLER-COMMERCIAL\", \"route\": \"VAE\"}")
    record NewApplicationRequest(
            @Schema(example = "CQP-CONSEILLER-COMMERCIAL") String certificationCode,
            @Schema(description = "VAE, TRAINING ou MIXED", example = "VAE") String route,
            @Schema(description = "Pour les RH seulement : le salarié pour qui la demande est faite", nullable = true)
            UUID candidateId) {
    }

    @Schema(description = "La décision de recevabilité du secrétariat, avec son motif (obligatoire sauf si favorable)",
            example = "{\"decision\": \"FAVOURABLE\", \"reason\": \"Quatre ans d'expérience de conseil en formation, "
                    + "justifiés par deux attestations employeur.\"}")
    record AdmissibilityDecisionRequest(
            @Schema(description = "FAVOURABLE, UNFAVOURABLE ou INCOMPLETE", example = "FAVOURABLE") String decision,
            @Schema(example = "Quatre ans d'expérience de conseil en formation, justifiés par deux attestations employeur.")
            String reason) {
    }

    @Schema(description = "Un motif", example = "{\"reason\": \"Justificatif d'expérience reçu après la décision.\"}")
    record ReasonRequest(@Schema(example = "Justificatif d'expérience reçu après la décision.") String reason) {
    }

    record HistoryLine(ApplicationState from, ApplicationState to, Instant at, UUID by, String byName, String reason) {

        static HistoryLine of(HistoryEntry e) {
            return new HistoryLine(e.from(), e.to(), e.at(), e.by(), e.byName(), e.reason());
        }
    }

    @PostMapping
    @Operation(summary = "Faire une demande (candidat, ou RH pour un salarié qui la confirmera)")
    ResponseEntity<ApplicationView> create(@RequestBody NewApplicationRequest request, Principal principal) {
        ApplicationView created = applications.create(principal.getName(),
                new NewApplication(request.certificationCode(), request.route(), request.candidateId()));
        return ResponseEntity.created(URI.create("/api/v1/applications/" + created.id())).body(created);
    }

    /** The queue's page size unless the client asks for another, and the largest it may ask for. */
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    @GetMapping
    @Operation(summary = "Mes candidatures ; pour le secrétariat, la file des demandes (les plus anciennes d'abord), "
            + "par pages : page à partir de 0, size de 1 à 200 (50 par défaut) ; une page au-delà de la dernière "
            + "donne la dernière. La réponse reste une liste (issue 13) ; la pagination est dans les en-têtes "
            + "X-Total-Count, X-Page, X-Page-Size, X-Page-Count et Link (rel first, prev, next, last).")
    ResponseEntity<List<ApplicationView>> list(@RequestParam(required = false) String state,
            @Parameter(description = "Numéro de page, à partir de 0") @RequestParam(required = false) String page,
            @Parameter(description = "Taille de page, de 1 à 200 (50 par défaut)") @RequestParam(required = false)
            String size, Principal principal) {
        Paged.Request request = Paged.Request.of(page, size, PAGE_SIZE, MAX_PAGE_SIZE);
        Paged<ApplicationView> paged = applications.list(principal.getName(), state(state), request);
        return ResponseEntity.ok().headers(pagingHeaders(paged)).body(paged.items());
    }

    /** The page's place in the whole list, so that the body stays the plain list issue 13 names. */
    private static HttpHeaders pagingHeaders(Paged<?> paged) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Total-Count", String.valueOf(paged.total()));
        headers.set("X-Page", String.valueOf(paged.page()));
        headers.set("X-Page-Size", String.valueOf(paged.size()));
        headers.set("X-Page-Count", String.valueOf(paged.pages()));
        List<String> links = new ArrayList<>();
        links.add(link(paged, 0, "first"));
        if (paged.hasPrevious()) {
            links.add(link(paged, paged.page() - 1, "prev"));
        }
        if (paged.hasNext()) {
            links.add(link(paged, paged.page() + 1, "next"));
        }
        links.add(link(paged, Math.max(0, paged.pages() - 1), "last"));
        headers.set(HttpHeaders.LINK, String.join(", ", links));
        return headers;
    }

    private static String link(Paged<?> paged, int page, String relation) {
        String uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .replaceQueryParam("size", paged.size()).build().toUriString();
        return "<" + uri + ">; rel=\"" + relation + "\"";
    }

    @GetMapping("/{applicationId}")
    @Operation(summary = "Une candidature")
    ApplicationView application(@PathVariable UUID applicationId, Principal principal) {
        return applications.application(principal.getName(), applicationId);
    }

    @GetMapping("/{applicationId}/admissibility-form")
    @Operation(summary = "Le dossier de recevabilité (pré-rempli à la création)")
    AdmissibilityForm form(@PathVariable UUID applicationId, Principal principal) {
        return applications.form(principal.getName(), applicationId);
    }

    @PutMapping("/{applicationId}/admissibility-form")
    @Operation(summary = "Enregistrer le dossier de recevabilité en entier (If-Match : rowVersion lu, facultatif)")
    ApplicationView saveForm(@PathVariable UUID applicationId, @RequestBody AdmissibilityForm form,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Principal principal) {
        return applications.saveForm(principal.getName(), applicationId, form, IfMatch.version(ifMatch));
    }

    @PostMapping("/{applicationId}/documents")
    @Operation(summary = "Joindre un justificatif (file ; kind : PAY_SLIP, WORK_CERTIFICATE, EMPLOYER_ATTESTATION, "
            + "IDENTITY, DIPLOMA ou OTHER)")
    ResponseEntity<DocumentView> addDocument(@PathVariable UUID applicationId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "kind", required = false) String kind, Principal principal) {
        DocumentView document = applications.addDocument(principal.getName(), applicationId, kind, file);
        return ResponseEntity.created(URI.create("/api/v1/files/" + document.fileId())).body(document);
    }

    @PostMapping("/{applicationId}/confirmation")
    @Operation(summary = "Le candidat confirme une candidature faite pour lui par les RH (consentement)")
    ApplicationView confirm(@PathVariable UUID applicationId, Principal principal) {
        return applications.confirm(principal.getName(), applicationId);
    }

    @PostMapping("/{applicationId}/submission")
    @Operation(summary = "Déposer la demande de recevabilité (refusé tant que le dossier est incomplet ou sans justificatif)")
    ApplicationView submit(@PathVariable UUID applicationId, Principal principal) {
        return applications.submit(principal.getName(), applicationId);
    }

    @PostMapping("/{applicationId}/admissibility-decision")
    @Operation(summary = "Décider de la recevabilité (secrétariat de certification)")
    ApplicationView decide(@PathVariable UUID applicationId, @RequestBody AdmissibilityDecisionRequest request,
            Principal principal) {
        return applications.decide(principal.getName(), applicationId, request.decision(), request.reason());
    }

    @PostMapping("/{applicationId}/admissibility-decision/revocation")
    @Operation(summary = "Révoquer la décision de recevabilité, avec un motif gardé dans l'historique")
    ApplicationView revoke(@PathVariable UUID applicationId, @RequestBody ReasonRequest request, Principal principal) {
        return applications.revoke(principal.getName(), applicationId, request.reason());
    }

    @PostMapping("/{applicationId}/withdrawal")
    @Operation(summary = "Retirer la candidature")
    ApplicationView withdraw(@PathVariable UUID applicationId, @RequestBody(required = false) ReasonRequest request,
            Principal principal) {
        return applications.withdraw(principal.getName(), applicationId, request == null ? null : request.reason());
    }

    @GetMapping("/{applicationId}/history")
    @Operation(summary = "L'historique de la candidature : [{from, to, at, by, reason}], le plus ancien d'abord")
    List<HistoryLine> history(@PathVariable UUID applicationId, Principal principal) {
        return applications.history(principal.getName(), applicationId).stream().map(HistoryLine::of).toList();
    }

    private static ApplicationState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Stream.of(ApplicationState.values()).filter(s -> s.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> new BadInputException("État inconnu : « " + value.strip() + " ». États possibles : "
                        + String.join(", ", Stream.of(ApplicationState.values()).map(Enum::name).toList()) + "."));
    }
}
