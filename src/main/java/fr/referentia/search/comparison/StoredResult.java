package fr.referentia.search.comparison;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.search.comparison.Comparisons.ItemProposals;
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
 * A comparison's result as stored: its JSON gzipped (the texts repeat: about a fifth of the size),
 * in Base64 (no binary type is common to H2 and PostgreSQL under Hibernate's validation), cut in
 * parts of at most {@link #PART} characters (H2's longest VARCHAR is 1,048,576).
 */
public final class StoredResult {

    static final int PART = 1_000_000;

    private StoredResult() {
    }

    public static List<String> encode(ObjectMapper json, List<ItemProposals> proposals) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(Base64.getEncoder().wrap(bytes), 1 << 16)) {
            json.writeValue(out, proposals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = bytes.toString(StandardCharsets.US_ASCII);
        List<String> parts = new ArrayList<>();
        for (int from = 0; from < text.length(); from += PART) {
            parts.add(text.substring(from, Math.min(text.length(), from + PART)));
        }
        return parts;
    }

    public static List<ItemProposals> decode(ObjectMapper json, List<String> parts) {
        byte[] text = String.join("", parts).getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = new GZIPInputStream(Base64.getDecoder().wrap(new ByteArrayInputStream(text)), 1 << 16)) {
            return json.readValue(in, new TypeReference<List<ItemProposals>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable result of a comparison", e);
        }
    }
}
