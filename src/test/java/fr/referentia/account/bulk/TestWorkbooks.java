package fr.referentia.account.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** XLSX files for tests, written with Apache POI as a spreadsheet application would. */
public final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /** A workbook whose cells starting with "=" are real formulas. */
    public static byte[] xlsx(String[][] rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Personnes");
            for (int r = 0; r < rows.length; r++) {
                if (rows[r].length == 0) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c].startsWith("=")) {
                        row.createCell(c).setCellFormula(rows[r][c].substring(1));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
