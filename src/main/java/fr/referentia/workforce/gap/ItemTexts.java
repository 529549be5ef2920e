package fr.referentia.workforce.gap;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkViews.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The texts of cited items, each referential version read once (one analysis or one heat map). */
final class ItemTexts {

    private final FrameworkCatalog catalog;
    private final Map<String, Map<String, String>> byVersion = new HashMap<>();

    ItemTexts(FrameworkCatalog catalog) {
        this.catalog = catalog;
    }

    String text(String frameworkCode, String version, String itemCode) {
        Map<String, String> texts = byVersion.computeIfAbsent(frameworkCode + "@" + version, key -> {
            Map<String, String> all = new HashMap<>();
            collect(catalog.outline(frameworkCode, version, false).roots(), all);
            return all;
        });
        return texts.getOrDefault(itemCode, itemCode);
    }

    private static void collect(List<Node> nodes, Map<String, String> into) {
        for (Node node : nodes) {
            into.put(node.code(), node.text());
            collect(node.children(), into);
        }
    }
}
