package fr.referentia.account;

import fr.referentia.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret of a personal access token: {@code rfa_} and 32 random bytes in URL-safe Base64, so
 * that it is recognisable (secret scanners, logs) and cannot be guessed. Only its SHA-256 is kept:
 * a fast hash is enough for 256 random bits, and lets a token be found by its hash.
 */
record AccessTokenSecret(String value) {

    static final String PREFIX = "rfa_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("rfa_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    static AccessTokenSecret generate() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return new AccessTokenSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** Whether a presented value has the shape of a token at all (checked before any database look-up). */
    static boolean looksValid(String presented) {
        return presented != null && FORMAT.matcher(presented).matches();
    }

    static String hash(String presented) {
        return Sha256.hex(presented.getBytes(StandardCharsets.US_ASCII));
    }

    String hash() {
        return hash(value);
    }

    /** What the token list shows to tell tokens apart: the prefix and four characters. */
    String hint() {
        return value.substring(0, PREFIX.length() + 4) + "…";
    }

    @Override
    public String toString() {
        return hint();
    }
}
