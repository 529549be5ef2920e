package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The PDF is a real document whose text can be read back, laid out like the source referentials. */
@IntegrationTest
class PdfExportTest {

    @Autowired
    MockMvc mvc;

    private String pdfText(String code) throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/frameworks/" + code + "/export").param("format", "pdf"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + code + ".pdf\""))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            // Line breaks from the layout are irrelevant to the content check.
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void certificationPdfHasTheFourColumnsAndTheExams() throws Exception {
        String text = pdfText("CQP-GESTIONNAIRE-DISPOSITIFS");
        assertThat(text).contains("Référentiel d'activités", "Référentiel de compétences", "Modalités d'évaluation",
                "Critères d'évaluation");
        assertThat(text).contains("Épreuve 1.1", "Préparation : 15 min", "Durée totale : 45 min");
        assertThat(text).contains("Validé en CPNEF du 2-10-2024");
        assertThat(text).contains("Les publics sont accueillis individuellement ou collectivement avec courtoisie");
    }

    @Test
    void vaeReferentialPdfKeepsTypographicCharacters() throws Exception {
        String text = pdfText("CQP-CONSEILLER-COMMERCIAL");
        assertThat(text).contains("Mettre en œuvre un plan d’actions commerciales et une prospection adaptée");
        assertThat(text).contains("Préparation des actions commerciales");
    }

    @Test
    void branchFrameworkPdfListsDomainsActivitiesAndCompetencies() throws Exception {
        String text = pdfText("RAC-METIERS-FORMATION");
        assertThat(text).contains("DOM5 : Management - Gestion d'un organisme");
        assertThat(text).contains("DOM4-A3 - Conseil de prestations de formation adaptées aux clients");
        assertThat(text).contains("Réaliser un tour de table permettant de disposer des informations clés");
    }
}
