package fr.referentia.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** How accounts spell e-mail addresses: trimmed, lower case, one {@code @} and a dotted domain. */
final class EmailAddresses {

    static final int MAXIMUM_LENGTH = 320;
    private static final Pattern VALID = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddresses() {
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static boolean isValid(String normalised) {
        return normalised.length() <= MAXIMUM_LENGTH && VALID.matcher(normalised).matches();
    }
}
