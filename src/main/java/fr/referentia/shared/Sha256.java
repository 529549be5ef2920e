package fr.referentia.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 of the application, in lower-case hexadecimal: stored tokens and device cookies,
 * confusable skeletons, uploaded files' contents.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** A new digest, for content read as a stream ({@link java.security.DigestInputStream}); see {@link #hex(MessageDigest)}. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The digest of these bytes. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** The digest of this text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Completes {@code digest} (made by {@link #newDigest()} and fed since) and gives it in hexadecimal. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
