package fr.referentia.shared.spreadsheet;

/** A cell the reader would not take (a formula), with its position for the person to find it. */
public record CellProblem(int row, int column, String message) {

    /** The column as letters (A, B, … XFD). */
    public String columnName() {
        return SheetCells.columnName(column);
    }

    /** « ligne 12, colonne C : formule refusée … ». */
    public String text() {
        return SheetCells.position(row, column) + " : " + message;
    }
}
