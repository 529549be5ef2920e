package fr.referentia.framework.authoring.web;

import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.ItemType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The draft's items as the editor lists them: nested, each knowing whether it is first or last of its level. */
record EditorTree(List<Row> roots) {

    record Row(Item item, boolean first, boolean last, List<Row> children) {

        public boolean element() {
            return item.type() == ItemType.ELEMENT;
        }

        public String anchor() {
            return "item-" + item.code();
        }
    }

    static EditorTree of(CanonicalFramework draft) {
        Map<String, List<Item>> byParent = new LinkedHashMap<>();
        draft.items().forEach(i -> byParent.computeIfAbsent(i.parentCode(), k -> new ArrayList<>()).add(i));
        return new EditorTree(rows(null, byParent));
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
