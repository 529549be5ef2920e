package fr.referentia.search.comparison;

import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.shared.document.PdfRenderer;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.Style;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.Xlsx;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.XlsxSheet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The comparison matrix as a spreadsheet (the shared spreadsheet writer) and as a PDF (XHTML template). */
@Component
public class MatrixDocuments {

    private final PdfRenderer pdf;
    private final Clock clock;

    MatrixDocuments(PdfRenderer pdf, Clock clock) {
        this.pdf = pdf;
        this.clock = clock;
    }

    public byte[] xlsx(Comparisons.MatrixView matrix) {
        Xlsx workbook = SpreadsheetWriter.xlsx();
        XlsxSheet sheet = workbook.sheet("Comparaison");
        sheet.row(List.of("Comparaison de référentiels — filtre : " + label(matrix.filter()) + " — générée le "
                + LocalDate.now(clock)));
        List<Summary> frameworks = matrix.frameworks();
        List<String> header = new ArrayList<>(List.of("Présent dans"));
        frameworks.forEach(f -> header.add(f.code() + " (version " + f.version() + ")"));
        sheet.row(Style.BOLD, header);
        for (ComparisonMatrix.Line line : matrix.lines()) {
            List<String> cells = new ArrayList<>(List.of(String.join(", ", line.presentIn())));
            frameworks.forEach(f -> cells.add(cellText(line.byFramework().get(f.code()))));
            sheet.row(Style.WRAPPED, cells);
        }
        sheet.columnWidth(0, 40);
        for (int i = 0; i < frameworks.size(); i++) {
            sheet.columnWidth(i + 1, 70);
        }
        return workbook.bytes();
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
