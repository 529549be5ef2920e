package fr.referentia.framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading order of a referential: each item followed by its children, siblings by position. */
final class ItemOrder {

    private ItemOrder() {
    }

    static List<FrameworkItem> readingOrder(List<FrameworkItem> items) {
        Map<String, List<FrameworkItem>> byParent = childrenByParent(items);
        List<FrameworkItem> ordered = new ArrayList<>(items.size());
        appendChildren(null, byParent, ordered);
        return ordered;
    }

    static Map<String, List<FrameworkItem>> childrenByParent(List<FrameworkItem> items) {
        Map<String, List<FrameworkItem>> byParent = new HashMap<>();
        items.forEach(item -> byParent.computeIfAbsent(item.getParentCode(), k -> new ArrayList<>()).add(item));
        byParent.values().forEach(list -> list.sort(Comparator.comparingInt(FrameworkItem::getPosition)));
        return byParent;
    }

    private static void appendChildren(String parentCode, Map<String, List<FrameworkItem>> byParent,
            List<FrameworkItem> ordered) {
        for (FrameworkItem child : byParent.getOrDefault(parentCode, List.of())) {
            ordered.add(child);
            appendChildren(child.getCode(), byParent, ordered);
        }
    }
}
