package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 9: the referential PDF is tagged (PDF/UA), says its language and title, and never ends a line on « l’ ». */
@IntegrationTest
class PdfAccessibilityTest {

    /** A letter, an apostrophe, then the end of the line: « l’ » left alone, its word on the next line. */
    private static final Pattern LINE_ENDING_ON_AN_ELISION = Pattern.compile("\\p{L}[’']$");

    @Autowired
    MockMvc mvc;

    @Autowired
    FrameworkCatalog catalog;

    private byte[] pdf(String code) throws Exception {
        return mvc.perform(get("/api/v1/frameworks/" + code + "/export").param("format", "pdf"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RAC-METIERS-FORMATION", "TITRE-PILOTAGE-DISPOSITIFS", "CQP-GESTIONNAIRE-DISPOSITIFS",
            "CQP-CONSEILLER-COMMERCIAL"})
    void noLineEndsOnAnElidedArticle(String code) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf(code))) {
            String text = new PDFTextStripper().getText(document);
            List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).toList();

            assertThat(text).as("the document has elisions to break").containsPattern("\\p{L}[’']\\p{L}");
            assertThat(lines).as("lines of %s ending on an apostrophe", code)
                    .noneMatch(line -> LINE_ENDING_ON_AN_ELISION.matcher(line).find());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RAC-METIERS-FORMATION", "CQP-CONSEILLER-COMMERCIAL"})
    void thePdfIsTaggedWithItsLanguageAndTitle(String code) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf(code))) {
            var root = document.getDocumentCatalog();
            assertThat(root.getStructureTreeRoot()).as("structure tree (tagged PDF)").isNotNull();
            assertThat(root.getStructureTreeRoot().getKids()).isNotEmpty();
            assertThat(root.getMarkInfo()).isNotNull();
            assertThat(root.getMarkInfo().isMarked()).isTrue();
            assertThat(root.getLanguage()).isEqualTo("fr");
            String title = catalog.outline(code).summary().title();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(title);
            assertThat(root.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(new String(root.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("pdfuaid:part").contains(title);
        }
    }
}
