package fr.referentia.framework.authoring.web;

import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.ItemType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The draft's items as the editor lists them: nested, each knowing whether it is first or last of its level. */
record EditorTree(List<Row> roots) {

    /**
     * Above this many items the editor shows one top-level branch at a time: every item carries a text
     * area and forms, so a referential of thousands of items would make a page of megabytes.
     */
    static final int SPLIT_ABOVE = 400;

    record Row(Item item, boolean first, boolean last, List<Row> children) {

        public boolean element() {
            return item.type() == ItemType.ELEMENT;
        }

        public String anchor() {
            return "item-" + item.code();
        }

        /** This item and all its descendants. */
        public int size() {
            int size = 1;
            for (Row child : children) {
                size += child.size();
            }
            return size;
        }
    }

    static EditorTree of(CanonicalFramework draft) {
        Map<String, List<Item>> byParent = new LinkedHashMap<>();
        draft.items().forEach(i -> byParent.computeIfAbsent(i.parentCode(), k -> new ArrayList<>()).add(i));
        return new EditorTree(rows(null, byParent));
    }

    /** Whether the editor of this draft shows one branch at a time. */
    static boolean split(CanonicalFramework draft) {
        return draft.items().size() > SPLIT_ABOVE;
    }

    /** The code of the top-level item above {@code code} (itself if top-level), or null if unknown. */
    static String rootOf(CanonicalFramework draft, String code) {
        Map<String, String> parents = new HashMap<>();
        draft.items().forEach(i -> parents.put(i.code(), i.parentCode()));
        if (code == null || !parents.containsKey(code)) {
            return null;
        }
        String current = code;
        // Bounded walk: a malformed cycle must not hang the page.
        for (int steps = 0; steps <= parents.size() && parents.get(current) != null; steps++) {
            current = parents.get(current);
        }
        return current;
    }

    /** The top-level row of that code, or the first one. */
    Row branch(String code) {
        return roots.stream().filter(r -> r.item().code().equals(code)).findFirst()
                .orElse(roots.isEmpty() ? null : roots.get(0));
    }

    private static List<Row> rows(String parent, Map<String, List<Item>> byParent) {
        List<Item> siblings = byParent.getOrDefault(parent, List.of());
        List<Row> rows = new ArrayList<>(siblings.size());
        for (int i = 0; i < siblings.size(); i++) {
            Item item = siblings.get(i);
            rows.add(new Row(item, i == 0, i == siblings.size() - 1, rows(item.code(), byParent)));
        }
        return rows;
    }
}
