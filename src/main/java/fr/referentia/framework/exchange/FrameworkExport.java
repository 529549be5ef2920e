package fr.referentia.framework.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkExporter;
import fr.referentia.framework.FrameworkViews.Outline;
import fr.referentia.shared.document.PdfRenderer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Downloads of a referential: canonical JSON, CASE, spreadsheets (all re-importable) and a PDF laid out like the source. */
@Service
public class FrameworkExport {

    private final FrameworkExporter exporter;
    private final FrameworkCatalog catalog;
    private final PdfRenderer pdf;
    private final ObjectMapper json;

    FrameworkExport(FrameworkExporter exporter, FrameworkCatalog catalog, PdfRenderer pdf, ObjectMapper json) {
        this.exporter = exporter;
        this.catalog = catalog;
        this.pdf = pdf;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public byte[] json(String code) {
        return write(exporter.toCanonical(code));
    }

    /** A 1EdTech CASE 1.0 CFPackage; identical from one export to the next. */
    public byte[] caseJson(String code) {
        return write(new CasePackage(json).write(exporter.toCanonical(code), exporter.lastChange(code)));
    }

    public byte[] csv(String code) {
        return ItemSheet.csv(exporter.toCanonical(code));
    }

    public byte[] xlsx(String code) {
        return ItemSheet.xlsx(exporter.toCanonical(code));
    }

    /** An empty workbook with the expected columns, to fill and import. */
    public byte[] template() {
        return ItemSheet.template();
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] pdf(String code) {
        Outline outline = catalog.outline(code);
        return pdf.render("pdf/framework", Map.of("document", FrameworkDocument.of(outline),
                "generatedOn", LocalDate.now()));
    }
}
