package fr.referentia.search.comparison;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the items found similar to one item: best score first, ties by code so that the order is
 * stable; one line per item code (an item of several indexed versions counts once, with its best
 * score); only codes of the compared version; at most {@code limit}.
 */
public final class ProposalRanking {

    /** An item of the other referential and its BM25 score against the origin item. */
    public record Candidate(String code, String text, double score) {
    }

    private ProposalRanking() {
    }

    public static List<Candidate> top(List<Candidate> found, Set<String> allowedCodes, int limit) {
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (Candidate candidate : found) {
            if (allowedCodes != null && !allowedCodes.contains(candidate.code())) {
                continue;
            }
            best.merge(candidate.code(), candidate, (a, b) -> a.score() >= b.score() ? a : b);
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::code))
                .limit(limit)
                .toList();
    }
}
