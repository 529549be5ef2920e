package fr.referentia.framework.authoring.web;

import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.OnlyElementsAreEssential;
import java.util.ArrayList;
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

    /** {@code folded}: descendants not shown (a branch too big to show, opened on its own by a link). */
    record Row(Item item, boolean first, boolean last, List<Row> children, int folded) {

        /** Whether the item carries the essential flag ({@link OnlyElementsAreEssential}): its checkbox is shown. */
        public boolean element() {
            return OnlyElementsAreEssential.carriesFlag(item.type());
        }

        public String anchor() {
            return "item-" + item.code();
        }

        /** This item and all its descendants. */
        public int size() {
            int size = 1 + folded;
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

    /** The row of that code at any level, or the first top-level one. */
    Row branch(String code) {
        List<Row> path = pathTo(roots, code);
        return !path.isEmpty() ? path.get(path.size() - 1) : roots.isEmpty() ? null : roots.get(0);
    }

    /** The rows from the top level down to that code, or empty. */
    static List<Row> pathTo(List<Row> rows, String code) {
        for (Row row : rows) {
            if (row.item().code().equals(code)) {
                return List.of(row);
            }
            List<Row> below = pathTo(row.children(), code);
            if (!below.isEmpty()) {
                List<Row> path = new ArrayList<>(below.size() + 1);
                path.add(row);
                path.addAll(below);
                return path;
            }
        }
        return List.of();
    }

    /** The branch that shows that item whole: its highest ancestor (or itself) of at most SPLIT_ABOVE items. */
    String branchFor(String code) {
        List<Row> path = pathTo(roots, code);
        return path.stream().filter(r -> r.size() <= SPLIT_ABOVE).findFirst().or(() -> path.stream().reduce((a, b) -> b))
                .map(r -> r.item().code()).orElse(null);
    }

    /** The row as shown: whole if small enough, else with its children folded (each opened by its own link). */
    static Row shown(Row row) {
        if (row.size() <= SPLIT_ABOVE) {
            return row;
        }
        List<Row> children = row.children().stream()
                .map(c -> new Row(c.item(), c.first(), c.last(), List.of(), c.size() - 1)).toList();
        return new Row(row.item(), row.first(), row.last(), children, 0);
    }

    private static List<Row> rows(String parent, Map<String, List<Item>> byParent) {
        List<Item> siblings = byParent.getOrDefault(parent, List.of());
        List<Row> rows = new ArrayList<>(siblings.size());
        for (int i = 0; i < siblings.size(); i++) {
            Item item = siblings.get(i);
            rows.add(new Row(item, i == 0, i == siblings.size() - 1, rows(item.code(), byParent), 0));
        }
        return rows;
    }
}
