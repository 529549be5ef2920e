package fr.referentia.account;

import fr.referentia.shared.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** Random link tokens (32 bytes, URL-safe Base64) and the SHA-256 under which they are stored. */
final class LinkTokens {

    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
