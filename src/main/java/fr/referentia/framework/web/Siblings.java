package fr.referentia.framework.web;

import fr.referentia.framework.FrameworkViews.Node;
import java.util.List;

/** Where an item stands among the items of its parent: the previous and next ones, if any. */
record Siblings(Node previous, Node next, int position, int count) {

    static final Siblings NONE = new Siblings(null, null, 0, 0);

    /** Searches the outline for the item; its siblings are its parent's structural children. */
    static Siblings of(List<Node> roots, String itemCode) {
        List<Node> level = roots.stream().filter(node -> node.type().isStructural()).toList();
        for (int i = 0; i < level.size(); i++) {
            if (level.get(i).code().equals(itemCode)) {
                return new Siblings(i > 0 ? level.get(i - 1) : null, i + 1 < level.size() ? level.get(i + 1) : null,
                        i + 1, level.size());
            }
        }
        for (Node node : level) {
            Siblings found = of(node.children(), itemCode);
            if (found != NONE) {
                return found;
            }
        }
        return NONE;
    }
}
