package fr.referentia.shared.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.IntegrationTest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class OfficialFooterTest {

    @Autowired
    PdfRenderer renderer;

    @Test
    void everyPageOfAnOfficialDocumentCarriesItsNumberDateReferentialAndPageXOfY() throws Exception {
        // 2 December 2026, 23:30 UTC: already the 3rd in France
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T23:30:00Z"), ZoneId.of("Europe/Paris"));
        OfficialFooter footer = OfficialFooter.issuedNow("CERT-2026-000123", clock, "CQP-CONSEILLER-COMMERCIAL",
                "2024-10");

        byte[] pdf = renderer.render("pdf/official-footer-test", Map.of("footer", footer, "paragraphs", 120));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            PDFTextStripper text = new PDFTextStripper();
            text.setSortByPosition(true);
            for (int page = 1; page <= pages; page++) {
                text.setStartPage(page);
                text.setEndPage(page);
                String onPage = text.getText(document).replaceAll("\\s+", " ");
                assertThat(onPage).as("page %d", page)
                        .contains("Page " + page + " sur " + pages)
                        .contains("N° CERT-2026-000123 · 3 décembre 2026 · Référentiel CQP-CONSEILLER-COMMERCIAL, "
                                + "version 2024-10");
            }
        }
    }

    @Test
    void theFirstOfTheMonthIsWrittenFirstInFrench() {
        assertThat(new OfficialFooter("PV-2026-000007", LocalDate.of(2026, 3, 1), "A", "1").dateInFrench())
                .isEqualTo("1er mars 2026");
        assertThat(new OfficialFooter("PV-2026-000007", LocalDate.of(2026, 3, 11), "A", "1").dateInFrench())
                .isEqualTo("11 mars 2026");
    }
}
