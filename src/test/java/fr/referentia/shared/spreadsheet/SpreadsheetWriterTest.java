package fr.referentia.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void cellsThatASpreadsheetWouldRunAreQuotedAndReadBackAsWritten(String payload) {
        assertThat(SpreadsheetWriter.neutralise(payload)).isEqualTo("'" + payload);
        assertThat(SpreadsheetWriter.restore(SpreadsheetWriter.neutralise(payload))).isEqualTo(payload);
    }

    @Test
    void otherCellsAreLeftAlone() {
        assertThat(SpreadsheetWriter.neutralise("branch-admin@demo.referentia.fr")).isEqualTo("branch-admin@demo.referentia.fr");
        assertThat(SpreadsheetWriter.neutralise("{\"a\":\"=1\"}")).isEqualTo("{\"a\":\"=1\"}");
        assertThat(SpreadsheetWriter.neutralise("'déjà cité")).isEqualTo("'déjà cité");
        assertThat(SpreadsheetWriter.neutralise("")).isEmpty();
        assertThat(SpreadsheetWriter.neutralise(null)).isNull();
        assertThat(SpreadsheetWriter.restore("'déjà cité")).isEqualTo("'déjà cité");
    }

    @Test
    void aCsvIsUtf8WithAByteOrderMarkSemicolonsAndEveryCellNeutralised() {
        byte[] csv = SpreadsheetWriter.csv(List.of("code", "texte"), List.of(
                Arrays.asList("C1", "=HYPERLINK(\"http://exemple.invalid\";\"Cliquez\")"),
                Arrays.asList("C2", null), List.of("C3", "Texte; avec « guillemets »")));
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFFcode;texte\r\n"
                + "C1;\"'=HYPERLINK(\"\"http://exemple.invalid\"\";\"\"Cliquez\"\")\"\r\n"
                + "C2;\r\n"
                + "C3;\"Texte; avec « guillemets »\"\r\n");
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBack() {
        List<String> row = List.of("-2+3 apatosaurus", "Ligne\nsuivante", "@SOMME(1;2)");
        SheetContent read = SpreadsheetReader.readCsv(SpreadsheetWriter.csv(List.of("a", "b", "c"), List.of(row)),
                new SheetLimits(10, 5));
        assertThat(read.rows().get(1).cells().stream().map(SpreadsheetWriter::restore).toList()).isEqualTo(row);
    }

    @Test
    void anXlsxHoldsStringCellsOnlySoFormulaLikeTextsStayTextIntact() throws Exception {
        SpreadsheetWriter.Xlsx book = SpreadsheetWriter.xlsx();
        book.sheet("Données").row(SpreadsheetWriter.Style.BOLD, List.of("code", "texte"))
                .row(Arrays.asList("C1", "=1+1", null)).columnWidth(1, 60);
        book.sheet("Deuxième").row(List.of("x"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book.bytes()))) {
            var sheet = workbook.getSheet("Données");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("=1+1");
            assertThat(sheet.getRow(1).getLastCellNum()).isEqualTo((short) 2);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(60 * 256);
            assertThat(workbook.getSheetName(1)).isEqualTo("Deuxième");
        }
    }
}
