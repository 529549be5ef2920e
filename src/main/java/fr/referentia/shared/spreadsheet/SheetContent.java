package fr.referentia.shared.spreadsheet;

import java.util.List;

/**
 * What a sheet holds: its rows with a value (in file order; the first is normally the header), the
 * cells refused (formulas), and how many cells the reader visited (never more than the limits allow).
 */
public record SheetContent(List<SheetRow> rows, List<CellProblem> problems, long cellsVisited) {

    public SheetContent {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
