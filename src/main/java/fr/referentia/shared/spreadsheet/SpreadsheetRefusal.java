package fr.referentia.shared.spreadsheet;

import fr.referentia.shared.BadInputException;

/** A file the reader refuses as a whole (unreadable, not UTF-8, unsafe, too large), with the French reason. */
public class SpreadsheetRefusal extends BadInputException {

    public SpreadsheetRefusal(String message) {
        super(message);
    }
}
