package fr.referentia.shared.document;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * openhtmltopdf's line breaking, minus the breaks the JDK offers after an elided article: it treats the
 * typographic apostrophe as closing punctuation, so « l’entreprise » could print as « l’ » at the end of
 * one line and « entreprise » at the start of the next. A break right after an apostrophe that joins two
 * letters is skipped; every other break stays where the JDK puts it.
 */
final class FrenchLineBreaker implements FSTextBreaker {

    private final FSTextBreaker breaks = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.FRENCH));
    private String text = "";

    @Override
    public void setText(String newText) {
        text = newText;
        breaks.setText(newText);
    }

    @Override
    public int next() {
        int position = breaks.next();
        while (position != BreakIterator.DONE && afterElision(position)) {
            position = breaks.next();
        }
        return position;
    }

    private boolean afterElision(int position) {
        return position >= 2 && position < text.length() && isApostrophe(text.charAt(position - 1))
                && Character.isLetter(text.charAt(position - 2)) && Character.isLetter(text.charAt(position));
    }

    private static boolean isApostrophe(char c) {
        return c == '\u2019' || c == '\'';
    }
}
