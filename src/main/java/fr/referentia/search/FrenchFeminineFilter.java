package fr.referentia.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Brings the feminine of the branch's job titles to their masculine, on accent-folded lower-case
 * tokens, before stemming: « conseillère » → conseiller, « formatrice » → formateur,
 * « technicienne » → technicien, « vendeuse » → vendeur. Only long words are touched, so that
 * « matrice », « manière » or « filière » keep their meaning. Keyword-marked tokens are left alone.
 */
public final class FrenchFeminineFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    public FrenchFeminineFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            int length = masculine(term.buffer(), term.length());
            term.setLength(length);
        }
        return true;
    }

    /** The masculine of an accent-folded word written in {@code s[0..length)}, in place; its new length. */
    static int masculine(char[] s, int length) {
        int n = length;
        boolean plural = n > 1 && s[n - 1] == 's';
        if (plural) {
            n--;
        }
        int stem = n;
        if (n >= 8 && ends(s, n, "trice")) {
            // formatrice → formateur, animatrice → animateur
            s[n - 4] = 'e';
            s[n - 3] = 'u';
            s[n - 2] = 'r';
            stem = n - 1;
        } else if (n >= 8 && ends(s, n, "ere")) {
            // conseillere → conseiller, premiere → premier
            stem = n - 1;
            s[n - 3] = 'e';
            s[n - 2] = 'r';
        } else if (n >= 7 && ends(s, n, "euse")) {
            // vendeuse → vendeur
            s[n - 2] = 'r';
            stem = n - 1;
        } else if (n >= 8 && ends(s, n, "ienne")) {
            // technicienne → technicien
            stem = n - 2;
        } else {
            return length;
        }
        if (plural) {
            s[stem] = 's';
            return stem + 1;
        }
        return stem;
    }

    private static boolean ends(char[] s, int n, String suffix) {
        if (n < suffix.length()) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (s[n - suffix.length() + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
