package fr.referentia.framework.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkExporter;
import fr.referentia.framework.FrameworkViews.Outline;
import fr.referentia.shared.document.PdfRenderer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Downloads of a referential: canonical JSON, CASE, spreadsheets (all re-importable) and a PDF laid out like the source. */
@Service
public class FrameworkExport {

    private final FrameworkExporter exporter;
    private final FrameworkCatalog catalog;
    private final PdfRenderer pdf;
    private final CaseNodes nodes;
    private final ObjectMapper json;
    private final Clock clock;

    FrameworkExport(FrameworkExporter exporter, FrameworkCatalog catalog, PdfRenderer pdf, CaseNodes nodes,
            ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.nodes = nodes;
        this.exporter = exporter;
        this.catalog = catalog;
        this.pdf = pdf;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Which version to export: the current published one when {@code version} is null. */
    public record Selection(String code, String version, boolean drafts) {
    }

    public byte[] json(Selection which) {
        return write(canonical(which));
    }

    /**
     * A 1EdTech CASE 1.0 CFPackage; identical from one export to the next. A referential imported from
     * another server's package is written back with that package's identifiers and fields.
     */
    public byte[] caseJson(Selection which) {
        CanonicalFramework source = canonical(which);
        return write(new CasePackage(json).write(source,
                exporter.lastChange(which.code(), which.version(), which.drafts()),
                new ReferentialDirectory(catalog, nodes),
                nodes.of(source.framework().code(), source.framework().version())));
    }

    public byte[] csv(Selection which) {
        return ItemSheet.csv(canonical(which));
    }

    public byte[] xlsx(Selection which) {
        return ItemSheet.xlsx(canonical(which));
    }

    private CanonicalFramework canonical(Selection which) {
        return exporter.toCanonical(which.code(), which.version(), which.drafts());
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

    public byte[] pdf(Selection which) {
        Outline outline = which.version() == null ? catalog.outline(which.code())
                : catalog.outline(which.code(), which.version(), which.drafts());
        return pdf.render("pdf/framework", Map.of("document", FrameworkDocument.of(outline),
                "generatedOn", LocalDate.now(clock)));
    }
}
