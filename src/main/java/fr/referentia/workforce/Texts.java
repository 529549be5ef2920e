package fr.referentia.workforce;

import fr.referentia.shared.BadInputException;
import fr.referentia.shared.text.PlainText;

/** The checks of what people type in the workforce forms and API: French refusals, nothing stored. */
final class Texts {

    private Texts() {
    }

    /** A one-line text: stripped, NFC, within {@code max} characters; null or blank is null unless required. */
    static String oneLine(String value, String what, int max, boolean required) {
        return check(value, what, max, required, false);
    }

    /** A text of several lines. */
    static String multiLine(String value, String what, int max) {
        return check(value, what, max, false, true);
    }

    private static String check(String value, String what, int max, boolean required, boolean multiLine) {
        String text = value == null ? null : PlainText.normalise(value.strip());
        if (text == null || text.isEmpty()) {
            if (required) {
                throw new BadInputException(what + " est obligatoire.");
            }
            return null;
        }
        String problem = multiLine ? PlainText.multiLineProblem(text) : PlainText.oneLineProblem(text);
        if (problem != null) {
            throw new BadInputException(what + " " + problem + ".");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new BadInputException(what + " dépasse " + max + " caractères.");
        }
        return text;
    }
}
