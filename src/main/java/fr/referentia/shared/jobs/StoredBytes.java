package fr.referentia.shared.jobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Bytes as the job tables store them: gzipped (JSON and spreadsheets' texts repeat), in Base64 (no
 * binary type is common to H2 and PostgreSQL under Hibernate's validation), cut in parts of at most
 * {@link #PART} characters (H2's longest VARCHAR is 1,048,576).
 */
public final class StoredBytes {

    public static final int PART = 1_000_000;

    private StoredBytes() {
    }

    public static List<String> encode(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(Base64.getEncoder().wrap(out), 1 << 16)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = out.toString(StandardCharsets.US_ASCII);
        List<String> parts = new ArrayList<>();
        for (int from = 0; from < text.length(); from += PART) {
            parts.add(text.substring(from, Math.min(text.length(), from + PART)));
        }
        return parts;
    }

    public static byte[] decode(List<String> parts) {
        byte[] text = String.join("", parts).getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = new GZIPInputStream(Base64.getDecoder().wrap(new ByteArrayInputStream(text)), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable stored bytes", e);
        }
    }
}
