package fr.referentia.shared.spreadsheet;

import static fr.referentia.shared.spreadsheet.CraftedXlsx.cell;
import static fr.referentia.shared.spreadsheet.CraftedXlsx.row;
import static fr.referentia.shared.spreadsheet.CraftedXlsx.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetReaderTest {

    static final SheetLimits LIMITS = new SheetLimits(2001, 26);

    private static SheetContent csv(String text) {
        return SpreadsheetReader.readCsv(text.getBytes(StandardCharsets.UTF_8), LIMITS);
    }

    private static List<List<String>> cells(SheetContent content) {
        return content.rows().stream().map(SheetRow::cells).toList();
    }

    // ---------------------------------------------------------------- CSV

    @ParameterizedTest
    @ValueSource(strings = {";", ",", "\t"})
    void theSeparatorIsTheOneTheFirstLineUses(String separator) {
        String text = String.join(separator, "code", "type", "texte") + "\n"
                + String.join(separator, "C1", "COMPETENCY", "\"Analyser; comparer, décider\"") + "\n";
        assertThat(cells(csv(text))).containsExactly(List.of("code", "type", "texte"),
                List.of("C1", "COMPETENCY", "Analyser; comparer, décider"));
    }

    @Test
    void aSeparatorInsideQuotesOnTheFirstLineDoesNotCount() {
        assertThat(SpreadsheetReader.delimiter("\"a;b;c\",d\n")).isEqualTo(',');
        assertThat(SpreadsheetReader.delimiter("a;b,c\n")).isEqualTo(';');
        assertThat(SpreadsheetReader.delimiter("seule\n")).isEqualTo(';');
    }

    @Test
    void aByteOrderMarkIsDroppedAndRowsKeepTheirLineNumbersAcrossBlankLinesAndQuotedLineBreaks() {
        SheetContent content = csv("\uFEFFemail;nom\r\n\r\na@a.fr;\"Anne\nMarie\"\r\nb@a.fr;Bob\r\n");
        assertThat(content.rows()).containsExactly(new SheetRow(1, List.of("email", "nom")),
                new SheetRow(3, List.of("a@a.fr", "Anne\nMarie")), new SheetRow(5, List.of("b@a.fr", "Bob")));
    }

    @Test
    void csvCellsThatLookLikeFormulasAreData() {
        assertThat(cells(csv("a;b\n=1+1;@SUM(A1)\n"))).containsExactly(List.of("a", "b"), List.of("=1+1", "@SUM(A1)"));
    }

    @Test
    void otherEncodingsAndBinaryDataAreRefusedSayingUtf8() {
        assertThatThrownBy(() -> SpreadsheetReader.readCsv("nom\nHélène\n".getBytes(Charset.forName("windows-1252")),
                LIMITS)).isInstanceOf(SpreadsheetRefusal.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> SpreadsheetReader.readCsv("nom\nHelene\n".getBytes(StandardCharsets.UTF_16LE),
                LIMITS)).isInstanceOf(SpreadsheetRefusal.class).hasMessageContaining("UTF-8")
                .hasMessageContaining("binaires");
    }

    @Test
    void aCsvPastTheRowLimitIsRefusedEvenWhenTheLinesPastItAreBlank() {
        SheetLimits three = new SheetLimits(3, 5);
        assertThat(SpreadsheetReader.readCsv("a\nb\nc\n".getBytes(StandardCharsets.UTF_8), three).rows()).hasSize(3);
        assertThatThrownBy(() -> SpreadsheetReader.readCsv("a\n\n\n\nb\n".getBytes(StandardCharsets.UTF_8), three))
                .hasMessageContaining("ligne 5");
        assertThatThrownBy(() -> SpreadsheetReader.readCsv("a;b;c;d;e;f\n".getBytes(StandardCharsets.UTF_8), three))
                .hasMessageContaining("ligne 1, colonne F");
        // Empty cells past the limit (a spreadsheet's trailing separators) are not values.
        assertThat(cells(SpreadsheetReader.readCsv("a;b;;;;;;;\n".getBytes(StandardCharsets.UTF_8), three)))
                .containsExactly(List.of("a", "b"));
    }

    // ---------------------------------------------------------------- XLSX

    @Test
    void readsTheSheetAsASpreadsheetShowsItWithRowNumbers() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Autre").createRow(0).createCell(0).setCellValue("ignorée");
            var sheet = workbook.createSheet("Éléments");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("code");
            header.createCell(2).setCellValue("position");
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue("C1");
            row.createCell(2).setCellValue(12);
            sheet.createRow(5).createCell(1).setCellValue(true);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        SheetContent content = SpreadsheetReader.read(xlsx, "éléments", LIMITS);
        assertThat(content.rows()).containsExactly(new SheetRow(1, List.of("code", "", "position")),
                new SheetRow(4, List.of("C1", "", "12")), new SheetRow(6, List.of("", "TRUE")));
        assertThat(content.problems()).isEmpty();
        assertThat(cells(SpreadsheetReader.read(xlsx, null, LIMITS))).containsExactly(List.of("ignorée"));
    }

    @Test
    void aFormulaIsRefusedWithItsCellAndItsCachedResultIsNeverTaken() {
        byte[] xlsx = CraftedXlsx.withSheet(sheet("A1:C2", row(1, "a", "b", "c")
                + "<row r=\"2\">" + cell("A2", "x") + "<c r=\"B2\"><f>WEBSERVICE(\"http://exemple.invalid\")</f>"
                + "<v>résultat caché</v></c><c r=\"C2\" t=\"str\"><f>1+1</f><v>2</v></c></row>"));
        SheetContent content = SpreadsheetReader.readXlsx(xlsx, null, LIMITS);
        assertThat(content.problems()).extracting(CellProblem::text).containsExactly(
                "ligne 2, colonne B : " + SpreadsheetReader.FORMULA, "ligne 2, colonne C : " + SpreadsheetReader.FORMULA);
        assertThat(cells(content)).containsExactly(List.of("a", "b", "c"), List.of("x"));
    }

    @Test
    void anExternalEntityInTheSheetIsRefusedAndNeverRead(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "contenu-secret-du-serveur");
        assertThatThrownBy(() -> SpreadsheetReader.readXlsx(CraftedXlsx.externalEntityInSheet(secret.toUri().toString()),
                null, LIMITS)).isInstanceOf(SpreadsheetRefusal.class).hasMessage(SpreadsheetReader.UNSAFE_XML);
    }

    @Test
    void anExternalEntityInTheSharedStringsIsRefusedAndNeverRead(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "contenu-secret-du-serveur");
        assertThatThrownBy(() -> SpreadsheetReader.readXlsx(
                CraftedXlsx.externalEntityInSharedStrings(secret.toUri().toString()), null, LIMITS))
                .isInstanceOf(SpreadsheetRefusal.class).hasMessage(SpreadsheetReader.UNSAFE_XML);
    }

    @Test
    void aZipBombIsRefusedBeforeItIsInflated() {
        byte[] bomb = CraftedXlsx.zipBomb(40);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> SpreadsheetReader.readXlsx(bomb, null, LIMITS))
                .isInstanceOf(SpreadsheetRefusal.class).hasMessage(SpreadsheetReader.ZIP_BOMB);
    }

    @Test
    void aSheetDeclaringTwentyThousandRowsUpToColumnXfdIsRefusedFromItsDimension() {
        byte[] xlsx = CraftedXlsx.farRightCellOnTwentyThousandRows(true, "email", "nom", "role");
        assertThatThrownBy(() -> SpreadsheetReader.read(xlsx, null, LIMITS)).isInstanceOf(SpreadsheetRefusal.class)
                .hasMessageContaining("XFD20002").hasMessageContaining("2001 lignes au plus");
        assertThatThrownBy(() -> SpreadsheetReader.read(xlsx, null, new SheetLimits(30_000, 26)))
                .hasMessageContaining("colonne XFD").hasMessageContaining("jusqu'à Z");
    }

    @Test
    void withoutItsDimensionTheFarRightCellIsRefusedAtTheFirstRowHoldingIt() {
        byte[] xlsx = CraftedXlsx.farRightCellOnTwentyThousandRows(false, "email", "nom", "role");
        assertThatThrownBy(() -> SpreadsheetReader.read(xlsx, null, new SheetLimits(30_000, 26)))
                .isInstanceOf(SpreadsheetRefusal.class).hasMessageStartingWith("ligne 3, colonne XFD :");
    }

    @Test
    void emptyRowsCountTowardsTheRowLimit() {
        byte[] xlsx = CraftedXlsx.emptyRowsAfter(20_000, new String[] {"email"}, new String[] {"a@a.fr"});
        assertThatThrownBy(() -> SpreadsheetReader.read(xlsx, null, LIMITS)).isInstanceOf(SpreadsheetRefusal.class)
                .hasMessageContaining("ligne 2002").hasMessageContaining("2001 lignes au plus");
        assertThatThrownBy(() -> SpreadsheetReader.read(xlsx, null, new SheetLimits(2001, 26, "Trop de personnes.")))
                .hasMessage("Trop de personnes.");
    }

    @Test
    void emptyCellsFarToTheRightCostOneVisitEachAndAreNotValues() {
        StringBuilder rows = new StringBuilder(row(1, "email", "nom"));
        for (int r = 2; r <= 50; r++) {
            rows.append("<row r=\"").append(r).append("\">").append(cell("A" + r, "p" + r + "@a.fr"))
                    .append("<c r=\"XFD").append(r).append("\" s=\"0\"/></row>");
        }
        SheetContent content = SpreadsheetReader.readXlsx(CraftedXlsx.withSheet(sheet(null, rows.toString())), null,
                new SheetLimits(100, 26));
        assertThat(content.rows()).hasSize(50).allSatisfy(r -> assertThat(r.cells().size()).isLessThanOrEqualTo(2));
        assertThat(content.cellsVisited()).isEqualTo(2 + 49 * 2);
    }

    @Test
    void aSheetWithMoreCellsThanItsLimitsCanHoldIsRefusedUnread() {
        StringBuilder rows = new StringBuilder("<row r=\"1\">");
        for (int i = 0; i < 5000; i++) {
            rows.append(cell("A1", Integer.toHexString(i * 7919)));
        }
        rows.append("</row>");
        assertThatThrownBy(() -> SpreadsheetReader.readXlsx(CraftedXlsx.withSheet(sheet(null, rows.toString())), null,
                new SheetLimits(100, 26))).hasMessageContaining("plus de 2600 cellules");
    }

    @Test
    void unreadableWorkbooksAndOldExcelFilesAreRefusedInFrench() {
        assertThatThrownBy(() -> SpreadsheetReader.read(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, null, LIMITS))
                .hasMessage(SpreadsheetReader.NOT_XLSX);
        assertThatThrownBy(() -> SpreadsheetReader.read(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0},
                null, LIMITS)).hasMessage(SpreadsheetReader.XLS);
        assertThatThrownBy(() -> SpreadsheetReader.readXlsx("code;type\n".getBytes(StandardCharsets.UTF_8), null,
                LIMITS)).hasMessage(SpreadsheetReader.NOT_XLSX);
    }
}
