package fr.referentia.shared.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.referentia.shared.text.PlainText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template (XHTML) to PDF with openhtmltopdf. DejaVu Sans is embedded so
 * every French character (œ, ’, « ») prints whatever the reader's fonts.
 */
@Component
public class PdfRenderer {

    static final String FONT_FAMILY = "DejaVu Sans";

    private final TemplateEngine templates;

    PdfRenderer(TemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(String template, Map<String, Object> model) {
        // Texts stored before input was checked may hold characters XML cannot carry (NUL, U+FFFE, lone
        // surrogates) on which the renderer fails: they are dropped from the document, never from the data.
        String html = PlainText.printable(templates.process(template, new Context(java.util.Locale.FRENCH, model)));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Tagged PDF/UA: structure tree, document language (<html lang>) and title (<title>) in the metadata.
            builder.usePdfUaAccessibility(true);
            builder.useUnicodeLineBreaker(new FrenchLineBreaker());
            builder.useFont(() -> font("fonts/DejaVuSans.ttf"), FONT_FAMILY, 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("fonts/DejaVuSans-Bold.ttf"), FONT_FAMILY, 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed for " + template, e);
        }
    }

    private static InputStream font(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Font missing: " + path, e);
        }
    }
}
