package fr.referentia.workforce.gap.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.shared.BadInputException;
import fr.referentia.workforce.gap.GapAnalyses;
import fr.referentia.workforce.gap.GapAnalyses.GapView;
import fr.referentia.workforce.gap.GapAnalysis;
import fr.referentia.workforce.gap.HeatMap;
import fr.referentia.workforce.gap.HeatMaps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gap analyses, the organisation's heat map and its draft development plan, for machines: the same services
 * and checks as the pages.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}")
@Tag(name = "Écarts de compétences", description = "Écart d'une personne à une fiche de poste ou à une certification, "
        + "cartographie de l'organisme, projet de plan de développement des compétences")
class GapApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final GapAnalyses gaps;
    private final HeatMaps heatMaps;
    private final ObjectMapper json;

    GapApi(GapAnalyses gaps, HeatMaps heatMaps, ObjectMapper json) {
        this.gaps = gaps;
        this.heatMaps = heatMaps;
        this.json = json;
    }

    record GapItem(String frameworkCode, String itemCode, String text, int required, Integer self, Integer manager,
            String status, boolean essential, List<String> matchedThrough) {

        static GapItem of(GapAnalysis.Item i) {
            return new GapItem(i.frameworkCode(), i.itemCode(), i.text(), i.required(), i.self(), i.manager(),
                    i.status().name(), i.essential(), i.through());
        }
    }

    record GapAnswer(UUID personId, GapAnalyses.Target target, double coverage, List<GapItem> items,
            boolean vaeSuggested, GapAnalyses.Vae vae, List<GapAnalyses.NextStep> nextSteps) {

        static GapAnswer of(GapView v) {
            return new GapAnswer(v.personId(), v.target(), v.coverage(), v.items().stream().map(GapItem::of).toList(),
                    v.vaeSuggested(), v.vae(), v.nextSteps());
        }
    }

    record HeatMapAnswer(List<HeatMap.TeamEntry> teams, List<HeatMap.ItemEntry> items, List<HeatMap.Cell> cells,
            List<HeatMap.FrequentGap> frequentGaps, boolean aggregatesOnly, int disclosureThreshold) {
    }

    @GetMapping("/people/{personId}/gap")
    @Operation(summary = "L'écart d'une personne à une fiche de poste (jobProfile), à une certification (certification, "
            + "code du référentiel) ou, sans paramètre, à sa fiche de poste actuelle ; coverage de 0 à 1 "
            + "(la personne, son manager, les RH de l'organisme)")
    GapAnswer gap(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal,
            @Parameter(description = "Identifiant d'une fiche de poste de l'organisme")
            @RequestParam(name = "jobProfile", required = false) UUID jobProfile,
            @Parameter(description = "Code d'un référentiel de certification, p. ex. CQP-CONSEILLER-COMMERCIAL")
            @RequestParam(name = "certification", required = false) String certification) {
        if (jobProfile != null && certification != null && !certification.isBlank()) {
            throw new BadInputException("Choisissez une fiche de poste (jobProfile) ou une certification (certification), pas les deux.");
        }
        return GapAnswer.of(gaps.gap(principal.getName(), organisationId, personId, jobProfile, certification));
    }

    @GetMapping("/heatmap")
    @Operation(summary = "La cartographie des compétences : équipes × compétences requises, personnes concernées et au "
            + "niveau requis par cellule (RH de l'organisme ; l'observatoire ne voit que des agrégats, les cellules sous le "
            + "seuil de secret statistique étant supprimées)")
    @ApiResponse(responseCode = "200", description = "La cartographie (avec un ETag : If-None-Match donne 304 tant "
            + "que rien n'a changé dans l'organisme ; gzip sur demande)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HeatMapAnswer.class)))
    ResponseEntity<byte[]> heatMap(@PathVariable UUID organisationId, Principal principal,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        // Written once per version of the organisation's map and per view, then served as is (and revalidated).
        HeatMaps.Rendered answer = heatMaps.heatMapAnswer(principal.getName(), organisationId, view -> {
            HeatMap.Result map = view.map();
            try {
                return json.writeValueAsBytes(new HeatMapAnswer(map.teams(), map.items(), map.cells(),
                        map.frequentGaps(), view.aggregatesOnly(), map.disclosureThreshold()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The heat map cannot be written as JSON", e);
            }
        });
        // Spring MVC answers 304 itself when If-None-Match names this ETag (HttpEntityMethodProcessor).
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().eTag(answer.etag())
                .cacheControl(CacheControl.noCache().cachePrivate()).varyBy(HttpHeaders.ACCEPT_ENCODING)
                .contentType(MediaType.APPLICATION_JSON);
        if (acceptsGzip(acceptEncoding)) {
            return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(answer.gzipped());
        }
        return response.body(answer.body());
    }

    /** Whether {@code Accept-Encoding} accepts gzip (not with {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().split(";");
            String name = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("gzip") && !name.equals("x-gzip") && !name.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().replace(" ", "");
                if (parameter.matches("q=0(\\.0*)?")) {
                    refused = true;
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }

    @GetMapping("/development-plan")
    @Operation(summary = "Le projet de plan de développement des compétences établi à partir des écarts : JSON, ou XLSX "
            + "avec format=xlsx (RH de l'organisme)")
    ResponseEntity<?> developmentPlan(@PathVariable UUID organisationId, Principal principal,
            @RequestParam(required = false) String format) {
        if (format == null || format.isBlank() || format.equals("json")) {
            return ResponseEntity.ok(heatMaps.draftPlan(principal.getName(), organisationId));
        }
        if (!format.equals("xlsx")) {
            throw new BadInputException("Le format « " + format + " » n'est pas proposé : json ou xlsx.");
        }
        return xlsx(heatMaps.draftPlanXlsx(principal.getName(), organisationId));
    }

    static ResponseEntity<byte[]> xlsx(byte[] body) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("plan-de-developpement.xlsx").build().toString())
                .body(body);
    }
}
