package fr.referentia.framework.web;

import fr.referentia.framework.exchange.FrameworkExport;
import fr.referentia.shared.BadInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Référentiels")
class ExportApi {

    private final FrameworkExport export;

    ExportApi(FrameworkExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/frameworks/{code}/export")
    @Operation(summary = "Télécharge un référentiel : format=json (canonique, réimportable) ou pdf")
    ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam(defaultValue = "json") String format) {
        return switch (format) {
            case "json" -> download(export.json(code), MediaType.APPLICATION_JSON, code + ".json");
            case "pdf" -> download(export.pdf(code), MediaType.APPLICATION_PDF, code + ".pdf");
            default -> throw new BadInputException("Format d'export inconnu « " + format + " » : json ou pdf.");
        };
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }
}
