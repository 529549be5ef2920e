package fr.referentia.search.comparison;

import fr.referentia.framework.FrameworkViews.ItemRow;
import fr.referentia.framework.ItemType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What surrounds an item of one referential, for the comparison: the texts of its parents (activity
 * and domain, bloc and function…), nearest first, and its evaluation criteria — its own, or those of its
 * parent when it has none (the Titre states its criteria per bloc).
 */
public final class ItemContext {

    private final Map<String, ItemRow> byCode = new HashMap<>();
    private final Map<String, List<ItemRow>> children = new HashMap<>();

    public ItemContext(List<ItemRow> items) {
        for (ItemRow item : items) {
            byCode.put(item.code(), item);
            if (item.parentCode() != null) {
                children.computeIfAbsent(item.parentCode(), k -> new ArrayList<>()).add(item);
            }
        }
    }

    /** The texts of the item's parents, nearest first, joined by spaces ("" for a top item or an unknown code). */
    public String parents(String code) {
        List<String> texts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ItemRow item = byCode.get(code);
        while (item != null && item.parentCode() != null && seen.add(item.parentCode())) {
            item = byCode.get(item.parentCode());
            if (item != null) {
                texts.add(item.text());
            }
        }
        return String.join(" ", texts);
    }

    /** The item's criteria, else its parent's, joined by spaces ("" when neither has any). */
    public String criteria(String code) {
        String own = criteriaUnder(code);
        ItemRow item = byCode.get(code);
        return !own.isEmpty() || item == null || item.parentCode() == null ? own : criteriaUnder(item.parentCode());
    }

    /** The origin the comparison queries with for this item. */
    public SimilarItems.Origin origin(ItemRow item) {
        return new SimilarItems.Origin(item.text(), parents(item.code()), criteria(item.code()));
    }

    private String criteriaUnder(String code) {
        return children.getOrDefault(code, List.of()).stream().filter(c -> c.type() == ItemType.CRITERION)
                .map(ItemRow::text).collect(Collectors.joining(" "));
    }
}
