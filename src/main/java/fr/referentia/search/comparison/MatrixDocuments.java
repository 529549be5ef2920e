package fr.referentia.search.comparison;

import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.shared.document.PdfRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The comparison matrix as a spreadsheet (Apache POI) and as a PDF (XHTML template). */
@Component
public class MatrixDocuments {

    private final PdfRenderer pdf;
    private final Clock clock;

    MatrixDocuments(PdfRenderer pdf, Clock clock) {
        this.pdf = pdf;
        this.clock = clock;
    }

    public byte[] xlsx(Comparisons.MatrixView matrix) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Comparaison");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue("Comparaison de référentiels — filtre : "
                    + label(matrix.filter()) + " — générée le " + LocalDate.now(clock));
            Row header = sheet.createRow(r++);
            header.createCell(0).setCellValue("Présent dans");
            List<Summary> frameworks = matrix.frameworks();
            for (int i = 0; i < frameworks.size(); i++) {
                Summary f = frameworks.get(i);
                header.createCell(i + 1).setCellValue(f.code() + " (version " + f.version() + ")");
            }
            header.forEach(cell -> cell.setCellStyle(bold));
            for (ComparisonMatrix.Line line : matrix.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(String.join(", ", line.presentIn()));
                for (int i = 0; i < frameworks.size(); i++) {
                    var cell = row.createCell(i + 1);
                    cell.setCellValue(cellText(line.byFramework().get(frameworks.get(i).code())));
                    cell.setCellStyle(wrap);
                }
            }
            sheet.setColumnWidth(0, 40 * 256);
            for (int i = 0; i < frameworks.size(); i++) {
                sheet.setColumnWidth(i + 1, 70 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Spreadsheet generation failed", e);
        }
    }

    public byte[] pdf(Comparisons.MatrixView matrix) {
        return pdf.render("pdf/comparison", Map.of("matrix", matrix, "filterLabel", label(matrix.filter()),
                "generatedOn", LocalDate.now(clock)));
    }

    public static String label(MatrixFilter filter) {
        return switch (filter.kind()) {
            case ALL -> "toutes les compétences";
            case COMMON -> "communes à tous les référentiels";
            case ONLY_IN -> "seulement dans " + filter.framework();
        };
    }

    private static String cellText(List<ComparisonMatrix.Cell> cells) {
        return cells.stream().map(c -> c.code() + " — " + c.text()).collect(Collectors.joining("\n"));
    }
}
