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

/** Downloads of a referential: canonical JSON (re-importable) and a PDF laid out like the source. */
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
        try {
            return json.writeValueAsString(exporter.toCanonical(code)).getBytes(StandardCharsets.UTF_8);
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
