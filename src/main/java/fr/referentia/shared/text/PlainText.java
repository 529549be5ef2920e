package fr.referentia.shared.text;

import java.text.Normalizer;

/**
 * What text typed by people may hold. Texts are kept in Unicode normal form C, so that « é » typed
 * as one character or as « e » plus an accent is the same text; and a few kinds of characters are
 * refused because nobody types them on purpose and they deceive readers or break documents:
 * control characters (NUL included), invisible formatting characters (zero-width spaces and joiners,
 * bidirectional overrides, byte order marks), lone surrogates and Unicode non-characters (U+FFFE…).
 * One-line texts (names, codes, e-mail addresses) also refuse line breaks and unusual spaces such
 * as the non-breaking space, which make a visual twin of another name; long texts keep line breaks,
 * tabs and the non-breaking spaces of French typography.
 */
public final class PlainText {

    private PlainText() {
    }

    /** The text in normal form C, or null for null. */
    public static String normalise(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Why a one-line text is refused, in French, or null when it is acceptable. */
    public static String oneLineProblem(String text) {
        return problem(text, false);
    }

    /** Why a long text (several lines) is refused, in French, or null when it is acceptable. */
    public static String multiLineProblem(String text) {
        return problem(text, true);
    }

    /** Longest value quoted back in a message: the person recognises it, a 100,000-character one buries the message. */
    public static final int QUOTED = 60;

    /**
     * A value as quoted back to the person in a message: on one line and visible (line breaks, control characters and
     * what a long text refuses, such as invisible formatting characters, as spaces), shortened.
     */
    public static String quoted(Object value) {
        String text = String.valueOf(value);
        boolean cut = text.codePointCount(0, text.length()) > QUOTED;
        if (cut) {
            text = text.substring(0, text.offsetByCodePoints(0, QUOTED));
        }
        StringBuilder shown = new StringBuilder(text.length() + 1);
        text.codePoints().map(codePoint -> codePoint == '\n' || codePoint == '\r' || codePoint == '\t'
                || refusal(codePoint, true) != null ? ' ' : codePoint).forEach(shown::appendCodePoint);
        return cut ? shown.append('…').toString() : shown.toString();
    }

    /** A long text with what cannot be shown removed: for rendering what was stored before these checks. */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(codePoint -> refusal(codePoint, true) == null).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static String problem(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String refusal = refusal(codePoint, multiLine);
            if (refusal != null) {
                return "contient " + refusal + " (" + String.format("U+%04X", codePoint) + ", position "
                        + (text.codePointCount(0, i) + 1) + ")";
            }
            i += Character.charCount(codePoint);
        }
        return null;
    }

    private static String refusal(int codePoint, boolean multiLine) {
        if (multiLine && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t')) {
            return null;
        }
        if (codePoint == 0) {
            return "un caractère nul";
        }
        if (codePoint == '\n' || codePoint == '\r' || codePoint == 0x2028 || codePoint == 0x2029) {
            return "un saut de ligne";
        }
        if (isNonCharacter(codePoint)) {
            return "un caractère qui n'existe pas en Unicode";
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL -> "un caractère de contrôle";
            case Character.FORMAT -> "un caractère invisible de mise en forme";
            case Character.SURROGATE -> "un demi-caractère isolé (substitut UTF-16)";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "un saut de ligne";
            case Character.SPACE_SEPARATOR -> codePoint == ' ' || multiLine ? null : "une espace inhabituelle";
            default -> null;
        };
    }

    private static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
