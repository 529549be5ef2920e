package fr.referentia.shared.spreadsheet;

import java.util.List;

/**
 * One row of a sheet that holds at least one value: its number in the file (as a spreadsheet or a
 * text editor shows it) and its cell texts from column A, an empty cell as {@code ""}.
 */
public record SheetRow(int number, List<String> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** The text of a column (from index 0), {@code ""} past the row's last value. */
    public String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }
}
