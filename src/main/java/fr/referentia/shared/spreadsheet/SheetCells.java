package fr.referentia.shared.spreadsheet;

/** Spreadsheet column letters and cell positions as a person reads them. */
public final class SheetCells {

    /** Columns of an Excel sheet: A to XFD. */
    static final int EXCEL_COLUMNS = 16_384;

    private SheetCells() {
    }

    /** The letters of a column from its index: 0 is A, 25 is Z, 26 is AA. */
    public static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    /** « ligne 12, colonne C », the row counted from 1 and the column from index 0. */
    public static String position(int row, int column) {
        return "ligne " + row + ", colonne " + columnName(column);
    }

    /** The column index of a cell reference such as {@code XFD20000}, or -1 when it has no letters. */
    static int columnOf(String reference) {
        int column = 0;
        int i = 0;
        for (; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            if (column > EXCEL_COLUMNS) {
                return EXCEL_COLUMNS;
            }
        }
        return i == 0 ? -1 : column - 1;
    }

    /** The row number (from 1) of a cell reference such as {@code XFD20000}, or -1 when it has none. */
    static int rowOf(String reference) {
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            i++;
        }
        String digits = reference.substring(i);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }
}
