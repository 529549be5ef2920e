package fr.referentia.certification;

import fr.referentia.shared.BadInputException;
import fr.referentia.shared.text.PlainText;

/** Checks typed text of the certification forms: normal form C, length, and characters nobody types. */
final class FormText {

    private FormText() {
    }

    /** A one-line text, stripped; null when empty. */
    static String oneLine(String value, String label, int max) {
        return check(value, label, max, false);
    }

    /** A text of several lines, stripped; null when empty. */
    static String multiLine(String value, String label, int max) {
        return check(value, label, max, true);
    }

    private static String check(String value, String label, int max, boolean multiLine) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = PlainText.normalise(value.strip());
        String problem = multiLine ? PlainText.multiLineProblem(text) : PlainText.oneLineProblem(text);
        if (problem != null) {
            throw new BadInputException(label + " " + problem + ".");
        }
        if (text.length() > max) {
            throw new BadInputException(label + " dépasse " + max + " caractères.");
        }
        return text;
    }
}
