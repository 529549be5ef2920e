package fr.referentia.search.comparison;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each competency appears: items joined by confirmed associations (directly or through a
 * chain, e.g. A1 = B3 = C2) form one line, with the items of each referential in their column; an
 * item no association reaches is a line of its referential alone. Lines follow the reading order of
 * the first referential holding them, referentials taken in the order compared.
 */
public final class ComparisonMatrix {

    /** An item shown in a cell. */
    public record Cell(String code, String text) {
    }

    /** One line: per referential (in compared order), the items of that line, possibly none. */
    public record Line(Map<String, List<Cell>> byFramework) {

        public List<String> presentIn() {
            return byFramework.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                    .toList();
        }
    }

    private ComparisonMatrix() {
    }

    /**
     * @param items per referential code, in compared order, its items in reading order
     * @param links confirmed associations (origin, destination); links to items not listed are ignored
     */
    public static List<Line> build(Map<String, List<Cell>> items, List<ItemRef[]> links, MatrixFilter filter) {
        List<String> frameworks = List.copyOf(items.keySet());
        Map<ItemRef, ItemRef> parent = new HashMap<>();
        Map<ItemRef, Cell> cells = new LinkedHashMap<>();
        items.forEach((framework, list) -> list.forEach(cell -> {
            ItemRef ref = new ItemRef(framework, cell.code());
            cells.put(ref, cell);
            parent.put(ref, ref);
        }));
        for (ItemRef[] link : links) {
            if (parent.containsKey(link[0]) && parent.containsKey(link[1])) {
                ItemRef a = root(parent, link[0]);
                ItemRef b = root(parent, link[1]);
                if (!a.equals(b)) {
                    parent.put(b, a);
                }
            }
        }
        Map<ItemRef, Map<String, List<Cell>>> lines = new LinkedHashMap<>();
        cells.forEach((ref, cell) -> lines.computeIfAbsent(root(parent, ref), r -> emptyLine(frameworks))
                .get(ref.framework()).add(cell));
        List<Line> result = new ArrayList<>();
        for (Map<String, List<Cell>> line : lines.values()) {
            Line built = new Line(line);
            if (filter.accepts(built.presentIn(), frameworks)) {
                result.add(built);
            }
        }
        return result;
    }

    /**
     * Why {@code filter} leaves no line of {@code all} (the unfiltered lines), in French, for a person;
     * {@code links}: confirmed associations between the compared referentials.
     */
    public static String whyEmpty(MatrixFilter filter, List<String> frameworks, List<Line> all, int links) {
        if (all.isEmpty()) {
            return "Les référentiels comparés n'ont ni compétence ni élément à mettre en regard.";
        }
        return switch (filter.kind()) {
            case ALL -> "Aucune ligne à afficher.";
            case COMMON -> links == 0
                    ? "Aucune compétence n'est commune à ces référentiels : aucune association entre eux n'a encore "
                            + "été confirmée. Confirmez des propositions d'associations pour les rapprocher."
                    : "Aucune ligne ne réunit une compétence de chacun des " + frameworks.size() + " référentiels : "
                            + (links == 1 ? "l'association confirmée n'en relie" : "les " + links
                                    + " associations confirmées n'en relient") + " que certains.";
            case ONLY_IN -> all.stream().noneMatch(line -> line.presentIn().contains(filter.framework()))
                    ? filter.framework() + " n'a ni compétence ni élément à comparer."
                    : "Rien n'est propre à " + filter.framework() + " : chacune de ses compétences et chacun de ses "
                            + "éléments a une correspondance confirmée dans un autre référentiel comparé.";
        };
    }

    private static Map<String, List<Cell>> emptyLine(List<String> frameworks) {
        Map<String, List<Cell>> line = new LinkedHashMap<>();
        frameworks.forEach(f -> line.put(f, new ArrayList<>()));
        return line;
    }

    private static ItemRef root(Map<ItemRef, ItemRef> parent, ItemRef ref) {
        ItemRef current = ref;
        while (!parent.get(current).equals(current)) {
            current = parent.get(current);
        }
        return current;
    }
}
