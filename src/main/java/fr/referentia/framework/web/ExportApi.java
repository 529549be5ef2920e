package fr.referentia.framework.web;

import fr.referentia.framework.exchange.FrameworkExport;
import fr.referentia.shared.BadInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Référentiels")
class ExportApi {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final FrameworkExport export;

    ExportApi(FrameworkExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/frameworks/{code}/export")
    @Operation(summary = "Télécharge un référentiel : format=json (canonique), case (1EdTech CASE 1.0), xlsx, csv "
            + "(réimportables) ou pdf ; version=… pour une autre version que la version publiée courante")
    ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam(defaultValue = "json") String format,
            @RequestParam(required = false) String version, Authentication authentication) {
        var which = new FrameworkExport.Selection(code, version, DraftReaders.mayReadDrafts(authentication));
        return switch (format) {
            case "json" -> download(export.json(which), MediaType.APPLICATION_JSON, code + ".json");
            case "case" -> download(export.caseJson(which), MediaType.APPLICATION_JSON, code + ".case.json");
            case "xlsx" -> download(export.xlsx(which), XLSX, code + ".xlsx");
            case "csv" -> download(export.csv(which), CSV, code + ".csv");
            case "pdf" -> download(export.pdf(which), MediaType.APPLICATION_PDF, code + ".pdf");
            default -> throw new BadInputException("Format d'export inconnu « " + format
                    + " » : json, case, xlsx, csv ou pdf.");
        };
    }

    @GetMapping("/api/v1/frameworks/import/template")
    @Operation(summary = "Modèle de classeur XLSX vide (une ligne par élément) à remplir puis importer")
    ResponseEntity<byte[]> template() {
        return download(export.template(), XLSX, "modele-referentiel.xlsx");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }
}
