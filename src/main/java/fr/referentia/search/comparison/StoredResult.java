package fr.referentia.search.comparison;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.search.comparison.Comparisons.ItemProposals;
import fr.referentia.shared.jobs.StoredBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A comparison's proposals as the job runner stores a result ({@link StoredBytes}): measured by the benchmark. */
public final class StoredResult {

    private StoredResult() {
    }

    public static List<String> encode(ObjectMapper json, List<ItemProposals> proposals) {
        try {
            return StoredBytes.encode(json.writeValueAsBytes(proposals));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ItemProposals> decode(ObjectMapper json, List<String> parts) {
        try {
            return json.readValue(StoredBytes.decode(parts), new TypeReference<List<ItemProposals>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable result of a comparison", e);
        }
    }
}
