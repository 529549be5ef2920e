package fr.referentia.search;

import fr.referentia.framework.ItemType;
import java.util.List;
import java.util.Map;

/**
 * One page of ranked hits, with counts per referential and per item type for the same words.
 * Items holding more of the words come first. {@code relaxed} tells that no item holds every word;
 * {@code partial} that this page shows items holding only some of them; {@code broader} the broader
 * searches suggested (each word alone); {@code equivalents} the synonyms and abbreviations the search
 * was extended to, by the words typed.
 */
public record SearchResults(SearchQuery query, long total, List<Hit> hits, Map<String, Long> frameworkCounts,
        Map<ItemType, Long> typeCounts, boolean relaxed, boolean partial, List<String> broader,
        Map<String, List<String>> equivalents) {

    /** {@code highlight} is HTML: the item's text escaped, matched words wrapped in {@code <mark>}. */
    public record Hit(String frameworkCode, String itemCode, ItemType type, String text, String highlight) {
    }

    public int pageCount() {
        return (int) Math.min(Integer.MAX_VALUE, (total + query.size() - 1) / query.size());
    }

    public boolean hasNext() {
        return query.page() + 1 < pageCount();
    }

    public boolean hasPrevious() {
        return query.page() > 0;
    }
}
