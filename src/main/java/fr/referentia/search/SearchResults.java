package fr.referentia.search;

import fr.referentia.framework.ItemType;
import java.util.List;
import java.util.Map;

/**
 * One page of ranked hits, with counts per referential and per item type for the same words.
 * {@code relaxed} tells that no item held every word, so items holding some of them are shown.
 */
public record SearchResults(SearchQuery query, long total, List<Hit> hits, Map<String, Long> frameworkCounts,
        Map<ItemType, Long> typeCounts, boolean relaxed) {

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
