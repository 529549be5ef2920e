package fr.referentia.search.comparison;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysed terms of an item's text turned into a weighted query: each distinct term once,
 * weighted by how often it occurs, at most {@code maxTerms} of them (the most frequent, first
 * seen first) so that a long text never exceeds Lucene's clause limit.
 */
public final class QueryTerms {

    private QueryTerms() {
    }

    public static Map<String, Integer> weigh(List<String> tokens, int maxTerms) {
        if (maxTerms < 1) {
            throw new IllegalArgumentException("maxTerms must be positive");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        tokens.forEach(token -> counts.merge(token, 1, Integer::sum));
        if (counts.size() <= maxTerms) {
            return counts;
        }
        Map<String, Integer> kept = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(maxTerms)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }
}
