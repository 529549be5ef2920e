package fr.referentia.framework.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@IntegrationTest
class SpreadsheetExchangeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    FrameworkCatalog catalog;

    @ParameterizedTest
    @CsvSource({"RAC-METIERS-FORMATION,xlsx", "TITRE-PILOTAGE-DISPOSITIFS,xlsx", "CQP-GESTIONNAIRE-DISPOSITIFS,xlsx",
            "CQP-CONSEILLER-COMMERCIAL,xlsx", "RAC-METIERS-FORMATION,csv", "TITRE-PILOTAGE-DISPOSITIFS,csv",
            "CQP-GESTIONNAIRE-DISPOSITIFS,csv", "CQP-CONSEILLER-COMMERCIAL,csv"})
    void spreadsheetRoundTripKeepsEveryItem(String code, String format) throws Exception {
        byte[] file = export(code, format);
        String copy = format.toUpperCase() + "-" + code;
        mvc.perform(upload(new MockMultipartFile("file", code + "." + format, "application/octet-stream", file))
                        .param("code", copy).param("title", "Copie").param("kind", "CQP").param("version", "1"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code", is(copy)))
                .andExpect(jsonPath("$.status", is("DRAFT")));
        JsonNode original = json.readTree(export(code, "json")).get("items");
        // The copy is a draft: only a branch administrator exports it, by naming its version.
        mvc.perform(get("/api/v1/frameworks/" + copy + "/export").param("version", "1"))
                .andExpect(status().isNotFound());
        JsonNode roundTrip = json.readTree(mvc.perform(get("/api/v1/frameworks/" + copy + "/export")
                        .param("format", "json").param("version", "1")
                        .with(httpBasic("branch-admin@demo.referentia.fr", "referentia-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).get("items");
        assertThat(roundTrip).isEqualTo(original);
    }

    @Test
    void csvExportNeutralisesFormulaLikeCells() throws Exception {
        String csv = new String(export("CQP-CONSEILLER-COMMERCIAL", "csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFcode;code_parent;type;libelle_type;texte;incontournable;position;contexte");
        assertThat(SpreadsheetWriter.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(SpreadsheetWriter.neutralise("- puce")).isEqualTo("'- puce");
        assertThat(SpreadsheetWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetWriter.neutralise("Texte")).isEqualTo("Texte");
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).doesNotStartWith("="));
    }

    @Test
    void everyFaultyRowIsReportedWithItsColumnAndNothingIsImported() throws Exception {
        String csv = """
                code;code_parent;type;texte;incontournable;position
                C1;;COMPETENCY;Compétence un;;1
                C1;;COMPETENCY;Doublon;;2
                E1;C9;ELEMENT;Parent absent;peut-être;x
                ;;INCONNU;;;
                """;
        mvc.perform(upload(new MockMultipartFile("file", "items.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("code", "CSV-FAUTIF").param("title", "Fautif").param("kind", "CQP").param("version", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.cells[?(@.row == 3 && @.column == 'code')].message",
                        hasItem(containsString("déjà en ligne 2"))))
                .andExpect(jsonPath("$.cells[?(@.row == 4 && @.column == 'code_parent')].message",
                        hasItem(containsString("« C9 » introuvable"))))
                .andExpect(jsonPath("$.cells[?(@.row == 4 && @.column == 'incontournable')]").isNotEmpty())
                .andExpect(jsonPath("$.cells[?(@.row == 4 && @.column == 'position')]").isNotEmpty())
                .andExpect(jsonPath("$.cells[?(@.row == 5 && @.column == 'type')].message",
                        hasItem(containsString("INCONNU"))))
                .andExpect(jsonPath("$.cells[?(@.row == 5 && @.column == 'texte')]").isNotEmpty())
                .andExpect(jsonPath("$.errors", hasItem(containsString("Ligne 3, colonne « code »"))));
        assertThat(catalog.exists("CSV-FAUTIF")).isFalse();
    }

    @Test
    void formulasAreRefusedNeverEvaluated() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/frameworks/import/template")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        byte[] filled;
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet(ItemSheet.ITEMS_SHEET);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("code");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("C1");
            row.createCell(2).setCellValue("COMPETENCY");
            row.createCell(4).setCellFormula("CONCATENATE(\"Com\",\"pétence\")");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        mvc.perform(upload(new MockMultipartFile("file", "modele.xlsx", "application/octet-stream", filled))
                        .param("code", "XLSX-FORMULE").param("title", "Formule").param("kind", "CQP")
                        .param("version", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.cells[0].row", is(2)))
                .andExpect(jsonPath("$.cells[0].column", is("texte")))
                .andExpect(jsonPath("$.cells[0].message", containsString("formule")));
        assertThat(catalog.exists("XLSX-FORMULE")).isFalse();
    }

    @Test
    void missingMetadataAndUnreadableFilesAreClear400s() throws Exception {
        mvc.perform(upload(new MockMultipartFile("file", "items.xlsx", "application/octet-stream",
                        "pas un classeur".getBytes(StandardCharsets.UTF_8))).param("kind", "CQP"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasItem(containsString("XLSX"))));
        mvc.perform(upload(new MockMultipartFile("file", "items.csv", "text/csv",
                        "code;type;texte\nC1;COMPETENCY;Texte\n".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasItem(containsString("kind"))));
        mvc.perform(upload(new MockMultipartFile("file", "items.csv", "text/csv",
                        "code;type;texte\nC1;COMPETENCY;Texte\n".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "CQP"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasItem(containsString("code du référentiel"))));
        mvc.perform(upload(new MockMultipartFile("file", "items.doc", "application/msword", new byte[] {1, 2})))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Format de fichier inconnu")));
    }

    private byte[] export(String code, String format) throws Exception {
        return mvc.perform(get("/api/v1/frameworks/" + code + "/export").param("format", format))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static MockMultipartHttpServletRequestBuilder upload(MockMultipartFile file) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/frameworks/import").file(file);
        request.with(httpBasic("branch-admin@demo.referentia.fr", "referentia-demo"));
        return request;
    }
}
