package fr.referentia.shared.text;

import com.ibm.icu.text.SpoofChecker;
import fr.referentia.shared.Sha256;
import java.util.Locale;

/**
 * Texts that look alike to a reader: the Unicode confusable "skeleton" of UTS #39 (through ICU4J),
 * under which « paul@exemple.fr » written with a Cyrillic « а » or a digit « 1 » for an « l » has
 * the same skeleton as the genuine one. Kept as a SHA-256 digest of the skeleton so that it can be
 * stored and indexed at a fixed size.
 */
public final class Confusables {

    private static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();

    private Confusables() {
    }

    /** The digest of the text's skeleton (case-insensitive): equal for texts a reader would confuse. */
    public static String skeletonDigest(String text) {
        String skeleton = CHECKER.getSkeleton(PlainText.normalise(text).toLowerCase(Locale.ROOT));
        return Sha256.hex(skeleton);
    }
}
