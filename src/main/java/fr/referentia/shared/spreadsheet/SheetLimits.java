package fr.referentia.shared.spreadsheet;

/**
 * How much of a sheet a caller accepts, checked before the rows are read: rows by their number in
 * the file (empty rows count, so blank lines cannot hide a huge sheet) and columns by position.
 *
 * @param maxRows the last row number a file may use (the header included)
 * @param maxColumns how many columns a row may fill (A to the {@code maxColumns}-th)
 * @param tooManyRows the French refusal when a file goes past {@code maxRows}, or null for the reader's
 */
public record SheetLimits(int maxRows, int maxColumns, String tooManyRows) {

    public SheetLimits {
        if (maxRows < 1 || maxColumns < 1 || maxColumns > SheetCells.EXCEL_COLUMNS) {
            throw new IllegalArgumentException("Limits out of range: " + maxRows + " rows, " + maxColumns + " columns");
        }
    }

    public SheetLimits(int maxRows, int maxColumns) {
        this(maxRows, maxColumns, null);
    }

    /** The most cells a file within these limits can hold: past it, the file is refused unread. */
    long maxCells() {
        return (long) maxRows * maxColumns;
    }

    String tooManyRowsMessage(int row) {
        return tooManyRows != null ? tooManyRows
                : "Le fichier va jusqu'à la ligne " + row + " (lignes vides comprises) alors que " + maxRows
                        + " lignes au plus sont acceptées : supprimez les lignes en trop ou découpez le fichier.";
    }

    String tooManyColumnsMessage(int row, int column) {
        return SheetCells.position(row, column) + " : une valeur au-delà de la colonne "
                + SheetCells.columnName(maxColumns - 1) + " (" + maxColumns
                + " colonnes au plus) ; supprimez les colonnes en trop.";
    }
}
