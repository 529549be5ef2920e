package fr.referentia.search.comparison;

import java.util.List;
import java.util.Locale;

/**
 * Where the main clause of a competency ends. Referentials write « Verb + object, afin de + purpose,
 * en + means »: the verb and its object say what the competency is, the purpose and the means mostly
 * say how, in words every competency shares. The main clause ends at the first of these markers after
 * its third word; without one, the whole text is the main clause.
 */
public final class MainClause {

    private static final List<String> MARKERS = List.of(", afin ", " afin d", " afin qu", ", en ", " en vue d",
            " en s'appuyant", " en s\u2019appuyant", " en utilisant", " en respectant", " en tenant compte",
            " en veillant", " en mobilisant", " en lien avec", " dans le respect", " au regard d", " pour ",
            " permettant ", " conformément ", " dans le cadre d");

    private MainClause() {
    }

    /** The length of the main clause at the start of {@code text}. */
    public static int end(String text) {
        String lower = text.toLowerCase(Locale.FRENCH);
        int minimum = thirdWord(lower);
        int end = text.length();
        for (String marker : MARKERS) {
            int at = lower.indexOf(marker, minimum);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end;
    }

    private static int thirdWord(String text) {
        int words = 0;
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) {
                words++;
                if (words == 3) {
                    return i;
                }
            }
        }
        return text.length();
    }
}
