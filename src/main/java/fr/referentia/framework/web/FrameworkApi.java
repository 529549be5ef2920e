package fr.referentia.framework.web;

import fr.referentia.framework.Framework;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.exchange.FrameworkImport;
import fr.referentia.framework.exchange.FrameworkImport.Metadata;
import fr.referentia.framework.FrameworkKind;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.FrameworkViews.ItemDetail;
import fr.referentia.framework.FrameworkViews.ItemRow;
import fr.referentia.framework.FrameworkViews.Outline;
import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.framework.FrameworkViews.VersionRow;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.VersionDiff;
import fr.referentia.framework.ItemType;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import static fr.referentia.framework.web.DraftReaders.mayReadDrafts;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/frameworks")
@Tag(name = "Référentiels", description = "Référentiels de la branche : métadonnées, éléments, import")
class FrameworkApi {

    private final FrameworkCatalog catalog;
    private final FrameworkImport imports;
    private final FrameworkVersions versions;

    FrameworkApi(FrameworkCatalog catalog, FrameworkImport imports, FrameworkVersions versions) {
        this.catalog = catalog;
        this.imports = imports;
        this.versions = versions;
    }

    record VersionEntry(String version, FrameworkStatus status, LocalDate validationDate, String validationNote,
            String publishedBy, Instant publishedAt, boolean current) {

        static VersionEntry of(VersionRow row) {
            return new VersionEntry(row.version(), row.status(), row.validationDate(), row.validationNote(),
                    row.publishedBy(), row.publishedAt(), row.current());
        }
    }

    record NewVersion(String version) {
    }

    record Publication(LocalDate validationDate, String validationNote) {
    }

    record FrameworkListEntry(String code, String title, FrameworkKind kind, String version, FrameworkStatus status) {
    }

    record FrameworkDetail(String code, String title, FrameworkKind kind, String version, FrameworkStatus status,
            String issuer, LocalDate validationDate, String validationNote, String rncpCode, String description,
            Integer masteryTolerance, Map<ItemType, Long> counts, List<ExamEntry> exams) {
    }

    record ExamEntry(String code, String title, String modality, String place, Integer durationMinutes,
            List<PartEntry> parts, List<String> itemCodes, List<String> checks) {
    }

    record PartEntry(String label, int minutes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemEntry(String code, ItemType type, String typeLabel, String text, String parentCode, int position,
            String context, Boolean essential) {

        static ItemEntry of(ItemRow row) {
            return new ItemEntry(row.code(), row.type(), row.typeLabel(), row.text(), row.parentCode(), row.position(), row.context(),
                    row.essential());
        }
    }

    @GetMapping
    @Operation(summary = "Liste des référentiels (version courante de chacun)")
    List<FrameworkListEntry> list() {
        return catalog.list().stream()
                .map(s -> new FrameworkListEntry(s.code(), s.title(), s.kind(), s.version(), s.status()))
                .toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Un référentiel (version courante : la dernière publiée ; pour le rôle BRANCH_ADMIN, le dernier "
            + "brouillon d'un référentiel jamais publié) : métadonnées, nombre d'éléments par type, épreuves")
    FrameworkDetail get(@PathVariable String code, Authentication authentication) {
        return detail(catalog.outline(code, mayReadDrafts(authentication)));
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "Versions d'un référentiel, la plus récente d'abord (brouillons : rôle BRANCH_ADMIN seulement)")
    List<VersionEntry> versions(@PathVariable String code, Authentication authentication) {
        return catalog.versions(code, mayReadDrafts(authentication)).stream().map(VersionEntry::of).toList();
    }

    @GetMapping("/{code}/versions/{version}")
    @Operation(summary = "Une version d'un référentiel, citable par son URL")
    FrameworkDetail version(@PathVariable String code, @PathVariable String version, Authentication authentication) {
        return detail(catalog.outline(code, version, mayReadDrafts(authentication)));
    }

    @PostMapping("/{code}/versions")
    @Operation(summary = "Ouvre une version brouillon, copie de la version publiée courante (rôle BRANCH_ADMIN)")
    ResponseEntity<VersionEntry> createDraft(@PathVariable String code, @RequestBody(required = false) NewVersion body) {
        Framework draft = versions.createDraft(code, body == null ? null : body.version());
        URI location = UriComponentsBuilder.fromPath("/api/v1/frameworks/{code}/versions/{version}")
                .buildAndExpand(code, draft.getVersion()).encode().toUri();
        return ResponseEntity.created(location).body(entry(draft, false));
    }

    @PostMapping("/{code}/versions/{version}/publication")
    @Operation(summary = "Publie une version brouillon, qui devient immuable et courante (rôle BRANCH_ADMIN)")
    VersionEntry publish(@PathVariable String code, @PathVariable String version,
            @RequestBody(required = false) Publication body, Authentication authentication) {
        Framework published = versions.publish(code, version, body == null ? null : body.validationDate(),
                body == null ? null : body.validationNote(), authentication.getName());
        return entry(published, true); // the latest published version is the current one
    }

    @GetMapping("/{code}/versions/{version}/diff")
    @Operation(summary = "Ce que cette version change par rapport à une autre : ajouts, suppressions, déplacements, textes mot à mot")
    VersionDiff.Result diff(@PathVariable String code, @PathVariable String version,
            @RequestParam("with") String other, Authentication authentication) {
        return catalog.diff(code, version, other, mayReadDrafts(authentication));
    }

    private static VersionEntry entry(Framework f, boolean current) {
        return new VersionEntry(f.getVersion(), f.getStatus(), f.getValidationDate(), f.getValidationNote(),
                f.getPublishedBy(), f.getPublishedAt(), current);
    }

    private static FrameworkDetail detail(Outline outline) {
        Summary s = outline.summary();
        List<ExamEntry> exams = outline.exams().stream()
                .map(e -> new ExamEntry(e.code(), e.title(), e.modality(), e.place(), e.totalMinutes(),
                        e.parts().stream().map(p -> new PartEntry(p.label(), p.minutes())).toList(),
                        e.itemCodes(), e.checks()))
                .toList();
        return new FrameworkDetail(s.code(), s.title(), s.kind(), s.version(), s.status(), s.issuer(),
                s.validationDate(), s.validationNote(), s.rncpCode(), outline.description(),
                outline.masteryTolerance(), s.counts(), exams);
    }

    @GetMapping("/{code}/items")
    @Operation(summary = "Éléments d'un référentiel, filtrables par type (DOMAIN, ACTIVITY, COMPETENCY…)")
    List<ItemEntry> items(@PathVariable String code, @RequestParam(required = false) ItemType type) {
        return catalog.items(code, type).stream().map(ItemEntry::of).toList();
    }

    @GetMapping("/{code}/items/{itemCode}")
    @Operation(summary = "Un élément avec son fil d'Ariane, ses sous-éléments et ses épreuves")
    ItemDetail item(@PathVariable String code, @PathVariable String itemCode) {
        return catalog.item(code, itemCode);
    }

    @PostMapping("/import")
    @Operation(summary = "Importe un référentiel (rôle BRANCH_ADMIN) : JSON canonique ou paquet CASE 1.0 "
            + "(format=case, ou reconnu à son CFDocument) ; code et kind remplacent ceux d'un paquet CASE")
    ResponseEntity<FrameworkListEntry> importFramework(InputStream body,
            @RequestParam(required = false) String format, @RequestParam(required = false) String code,
            @RequestParam(required = false) String kind, Authentication authentication) {
        return created(imports.json(body, format, new Metadata(code, null, kind, null), authentication.getName()));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importe un fichier (rôle BRANCH_ADMIN) : xlsx ou csv (une ligne par élément, avec code, "
            + "title, kind, version), json ou case ; format déduit de l'extension sinon")
    ResponseEntity<FrameworkListEntry> importFile(@RequestParam MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(required = false) String code,
            @RequestParam(required = false) String title, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String version, Authentication authentication) throws IOException {
        try (InputStream content = file.getInputStream()) {
            return created(imports.file(file.getOriginalFilename(), content, format,
                    new Metadata(code, title, kind, version), authentication.getName()));
        }
    }

    private static ResponseEntity<FrameworkListEntry> created(Framework framework) {
        return ResponseEntity.created(URI.create("/api/v1/frameworks/" + framework.getCode()))
                .body(new FrameworkListEntry(framework.getCode(), framework.getTitle(), framework.getKind(),
                        framework.getVersion(), framework.getStatus()));
    }
}
