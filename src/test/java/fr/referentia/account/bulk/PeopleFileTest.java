package fr.referentia.account.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.account.bulk.PeopleFile.Line;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.spreadsheet.CraftedXlsx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class PeopleFileTest {

    private static List<Line> csv(String text) {
        return PeopleFile.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsASemicolonCsvWithItsLineNumbers() {
        assertThat(csv("email;nom;role\ncamille@a.fr;Camille Martin;Salarié\n\nluc@a.fr;Luc Petit;Manager\n"))
                .containsExactly(new Line(2, "camille@a.fr", "Camille Martin", "Salarié", 0),
                        new Line(4, "luc@a.fr", "Luc Petit", "Manager", 0));
    }

    @Test
    void readsACommaCsvWithAByteOrderMarkQuotesAndColumnsInAnyOrder() {
        assertThat(csv("\uFEFFNom,E-mail,Rôle\r\n\"Martin, Camille\",camille@a.fr,EMPLOYEE\r\n"))
                .containsExactly(new Line(2, "camille@a.fr", "Martin, Camille", "EMPLOYEE", 0));
    }

    @Test
    void aQuotedCellOverTwoLinesKeepsTheLineWhereTheRecordStarts() {
        assertThat(csv("email;nom;role\n\"a@a.fr\";\"Anne\nMarie\";Salarié\nb@a.fr;Bob;Salarié\n"))
                .extracting(Line::number).containsExactly(2, 4);
    }

    @Test
    void cellsThatLookLikeFormulasStayData() {
        assertThat(csv("email;nom;role\n=cmd@a.fr;=HYPERLINK(\"http://x\");+Salarié\n@a.fr;-Anne;@SUM(A1)\n"))
                .containsExactly(new Line(2, "=cmd@a.fr", "=HYPERLINK(\"http://x\")", "+Salarié", 0),
                        new Line(3, "@a.fr", "-Anne", "@SUM(A1)", 0));
    }

    @Test
    void countsCellsBeyondTheHeader() {
        assertThat(csv("email;nom;role\na@a.fr;Martin;Camille;Salarié\nb@a.fr;Bob;Salarié;\n"))
                .extracting(Line::extraCells).containsExactly(1, 0);
    }

    @Test
    void refusesAWrongHeaderSayingWhatIsExpected() {
        assertThatThrownBy(() -> csv("courriel;prénom;nom\na@a.fr;Anne;Martin\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("email;nom;role").hasMessageContaining("manquante : role")
                .hasMessageContaining("« prénom »");
        assertThatThrownBy(() -> csv("a@a.fr;Anne Martin;Salarié\n")).hasMessageContaining("En-tête incorrect");
        assertThatThrownBy(() -> csv("email;nom;role;email\n")).hasMessageContaining("deux fois");
    }

    @Test
    void refusesEmptyFilesAndFilesWithoutPeople() {
        assertThatThrownBy(() -> PeopleFile.read(new byte[0])).hasMessageContaining("vide");
        assertThatThrownBy(() -> csv("\n\n")).hasMessageContaining("vide");
        assertThatThrownBy(() -> csv("email;nom;role\n;;\n")).hasMessageContaining("aucune personne");
    }

    @Test
    void refusesBinaryJunkAndOtherEncodings() {
        assertThatThrownBy(() -> PeopleFile.read(new byte[] {0x25, 0x50, 0x44, 0x46, 0, 1, 2, (byte) 0xFF}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("ni un");
        assertThatThrownBy(() -> PeopleFile.read("email;nom;role\na@a.fr;Hélène;Salarié\n"
                .getBytes(Charset.forName("windows-1252")))).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> PeopleFile.read("email;nom;role\u0000\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("binaires");
        assertThatThrownBy(() -> PeopleFile.read(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}))
                .hasMessageContaining(".xls");
    }

    @Test
    void refusesAnUnclosedQuote() {
        assertThatThrownBy(() -> csv("email;nom;role\na@a.fr;\"Anne;Salarié\n")).hasMessageContaining("mal formé");
    }

    @Test
    void refusesMoreThanTheLimits() {
        StringBuilder text = new StringBuilder("email;nom;role\n");
        for (int i = 0; i < PeopleFile.MAX_LINES; i++) {
            text.append("p").append(i).append("@a.fr;P ").append(i).append(";Salarié\n");
        }
        assertThat(csv(text.toString())).hasSize(PeopleFile.MAX_LINES);
        text.append("one-more@a.fr;Un de trop;Salarié\n");
        assertThatThrownBy(() -> csv(text.toString())).hasMessageContaining("plus de 2000 personnes");
        assertThatThrownBy(() -> PeopleFile.read(new byte[PeopleFile.MAX_BYTES + 1]))
                .hasMessageContaining("1 Mo");
    }

    @Test
    void readsTheFirstSheetOfAWorkbookWithItsLineNumbers() throws IOException {
        byte[] workbook = TestWorkbooks.xlsx(new String[][] {
                {"email", "nom", "role"},
                {"camille@a.fr", "Camille Martin", "Salarié"},
                {},
                {"luc@a.fr", "Luc Petit", "Manager"}});
        assertThat(PeopleFile.read(workbook)).containsExactly(
                new Line(2, "camille@a.fr", "Camille Martin", "Salarié", 0),
                new Line(4, "luc@a.fr", "Luc Petit", "Manager", 0));
    }

    @Test
    void aWorkbookFormulaIsRefusedNamingItsCellNeverEvaluated() throws IOException {
        byte[] workbook = TestWorkbooks.xlsx(new String[][] {
                {"email", "nom", "role"},
                {"camille@a.fr", "Camille Martin", "Salarié"},
                {"luc@a.fr", "=1+1", "Manager"}});
        assertThatThrownBy(() -> PeopleFile.read(workbook)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("une formule").hasMessageContaining("ligne 3, colonne B : formule refusée");
    }

    @Test
    void aWorkbookWithAFarRightCellOnTwentyThousandRowsIsRefusedAsTooLong() {
        assertThatThrownBy(() -> PeopleFile.read(CraftedXlsx.farRightCellOnTwentyThousandRows(true,
                "email", "nom", "role"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("plus de 2000 personnes");
        // Without the dimension that declares it, the first far-right value stops the reading.
        assertThatThrownBy(() -> PeopleFile.read(CraftedXlsx.farRightCellOnTwentyThousandRows(false,
                "email", "nom", "role"))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("ligne 3, colonne XFD :");
        assertThatThrownBy(() -> PeopleFile.read(CraftedXlsx.emptyRowsAfter(20_000,
                new String[] {"email", "nom", "role"}, new String[] {"a@a.fr", "Anne", "Salarié"})))
                .hasMessageContaining("lignes vides comprises");
    }

    @Test
    void refusesAZipThatIsNotAWorkbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("bonjour".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> PeopleFile.read(bytes.toByteArray())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("pas un classeur Excel");
    }
}
