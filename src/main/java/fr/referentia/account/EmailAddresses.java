package fr.referentia.account;

import fr.referentia.shared.text.PlainText;
import java.util.Locale;
import java.util.regex.Pattern;

/** How accounts spell e-mail addresses: trimmed, lower case, one {@code @} and a dotted domain. */
final class EmailAddresses {

    static final int MAXIMUM_LENGTH = 320;
    private static final Pattern VALID = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddresses() {
    }

    static String normalise(String email) {
        return email == null ? "" : PlainText.normalise(email.strip()).toLowerCase(Locale.ROOT);
    }

    /** The refusal of an address that looks like the address of an existing account. */
    static String lookAlike(String normalised) {
        return "L'adresse « " + normalised + " » ressemble à s'y méprendre à celle d'un compte existant "
                + "(lettres d'un autre alphabet, chiffre à la place d'une lettre…) : vérifiez-la.";
    }

    /** A plain one-line address ({@link PlainText}: no invisible or control character) of the usual shape. */
    static boolean isValid(String normalised) {
        return normalised.length() <= MAXIMUM_LENGTH && PlainText.oneLineProblem(normalised) == null
                && VALID.matcher(normalised).matches();
    }
}
