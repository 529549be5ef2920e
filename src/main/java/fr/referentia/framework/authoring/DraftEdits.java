package fr.referentia.framework.authoring;

import fr.referentia.framework.AssociationType;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.Header;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.InvalidFrameworkException;
import fr.referentia.framework.ItemType;
import fr.referentia.framework.OnlyElementsAreEssential;
import fr.referentia.framework.WellFormedFramework;
import fr.referentia.shared.BadInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The authoring operations on a draft, each a pure function from one canonical form to the next.
 * Every result is checked exactly as an import is ({@link WellFormedFramework}), siblings are
 * renumbered 1..n and items kept in reading order; a refusal throws {@link BadInputException} with
 * French reasons, and the caller's form is left as it was.
 */
public final class DraftEdits {

    /** Default tolerance of a new referential (R7): two non-essential elements may be "non mis en œuvre". */
    public static final int DEFAULT_MASTERY_TOLERANCE = 2;

    private DraftEdits() {
    }

    /** How an item moves: one of the keyboard gestures, or to a parent (null: the root) at a 1-based position. */
    public enum Direction { UP, DOWN, OUTDENT, INDENT }

    /** New values of an item; a null field stays as it is, an empty context is removed. */
    public record ItemChange(String text, String context, Boolean essential) {
    }

    /** New header values (code, version, kind and status do not change while authoring). */
    public record HeaderChange(String title, String issuer, String description, String rncpCode,
            Integer masteryTolerance) {
    }

    public static CanonicalFramework addItem(CanonicalFramework f, String parentCode, Integer position, String code,
            ItemType type, String text) {
        String newCode = strip(code);
        if (newCode != null && find(f, newCode) != null) {
            throw refused("Le code « " + newCode + " » existe déjà dans ce référentiel.");
        }
        if (parentCode != null && find(f, parentCode) == null) {
            throw unknownItem(parentCode);
        }
        if (type == null) {
            throw refused("Le type de l'élément est obligatoire.");
        }
        List<Item> items = new ArrayList<>(f.items());
        // Placed at the given position: half a step before its new rank, then renumbered.
        int rank = position == null ? Integer.MAX_VALUE : Math.max(1, position);
        items.add(new Item(newCode, type, strip(text), parentCode, rank, null,
                OnlyElementsAreEssential.flag(type, null)));
        return checked(f, items, f.exams(), f.associations(), newCode);
    }

    public static CanonicalFramework editItem(CanonicalFramework f, String code, ItemChange change) {
        Item item = require(f, code);
        OnlyElementsAreEssential.RULE.check(new OnlyElementsAreEssential.Request(code, item.type(), item.typeName(),
                change.essential())).orThrow(DraftEdits::refused);
        String text = change.text() == null ? item.text() : strip(change.text());
        String context = change.context() == null ? item.context() : strip(change.context());
        Boolean essential = OnlyElementsAreEssential.flag(item.type(),
                change.essential() == null ? item.essential() : change.essential());
        Item edited = new Item(item.code(), item.type(), item.typeLabel(), text, item.parentCode(), item.position(),
                context, essential);
        return replaceItem(f, edited);
    }

    /** Moves an item (with its subtree) under {@code parentCode} (null: the root) at {@code position}, 1-based. */
    public static CanonicalFramework move(CanonicalFramework f, String code, String parentCode, int position) {
        Item item = require(f, code);
        if (parentCode != null) {
            require(f, parentCode);
            if (subtree(f, code).contains(parentCode)) {
                throw refused("« " + code + " » ne peut pas être déplacé sous " + (parentCode.equals(code)
                        ? "lui-même." : "son propre sous-élément « " + parentCode + " »."));
            }
        }
        List<Item> siblings = children(f, parentCode).stream().filter(i -> !i.code().equals(code)).toList();
        int target = Math.min(Math.max(1, position), siblings.size() + 1);
        List<Item> items = new ArrayList<>();
        for (Item i : f.items()) {
            if (i.code().equals(code)) {
                continue;
            }
            Integer rank = i.position();
            if (Objects.equals(i.parentCode(), parentCode)) {
                int index = siblings.indexOf(i) + 1;
                rank = index < target ? index : index + 1;
            }
            items.add(withPlace(i, i.parentCode(), rank));
        }
        items.add(withPlace(item, parentCode, target));
        return checked(f, items, f.exams(), f.associations(), null);
    }

    /** The keyboard gestures: up, down among siblings; out of the parent (after it); into the previous sibling (last). */
    public static CanonicalFramework move(CanonicalFramework f, String code, Direction direction) {
        Item item = require(f, code);
        List<Item> siblings = children(f, item.parentCode());
        int index = siblings.indexOf(item);
        return switch (direction) {
            case UP -> {
                if (index == 0) {
                    throw refused("« " + code + " » est déjà le premier de son niveau.");
                }
                yield move(f, code, item.parentCode(), index);
            }
            case DOWN -> {
                if (index == siblings.size() - 1) {
                    throw refused("« " + code + " » est déjà le dernier de son niveau.");
                }
                yield move(f, code, item.parentCode(), index + 2);
            }
            case OUTDENT -> {
                if (item.parentCode() == null) {
                    throw refused("« " + code + " » est déjà au premier niveau.");
                }
                Item parent = require(f, item.parentCode());
                int parentIndex = children(f, parent.parentCode()).indexOf(parent);
                yield move(f, code, parent.parentCode(), parentIndex + 2);
            }
            case INDENT -> {
                if (index == 0) {
                    throw refused("« " + code + " » n'a pas d'élément précédent auquel se rattacher.");
                }
                Item previous = siblings.get(index - 1);
                yield move(f, code, previous.code(), Integer.MAX_VALUE);
            }
        };
    }

    /** Deletes an item with its subtree, and the exam references and links that point into it. */
    public static CanonicalFramework deleteItem(CanonicalFramework f, String code) {
        require(f, code);
        Set<String> doomed = subtree(f, code);
        List<Item> items = f.items().stream().filter(i -> !doomed.contains(i.code())).toList();
        List<ExamSpec> exams = f.exams().stream()
                .map(e -> new ExamSpec(e.code(), e.title(), e.modality(), e.place(), e.durationMinutes(), e.parts(),
                        e.itemCodes().stream().filter(c -> !doomed.contains(c)).toList(), e.checks()))
                .toList();
        String own = f.framework().code();
        List<AssociationSpec> associations = f.associations().stream()
                .filter(a -> !doomed.contains(a.originCode())
                        && (a.crossesTo(own) || a.destinationCode() == null || !doomed.contains(a.destinationCode())))
                .toList();
        return checked(f, items, exams, associations, null);
    }

    /** How many items {@link #deleteItem} removes: the item and everything under it. */
    public static int subtreeSize(CanonicalFramework f, String code) {
        require(f, code);
        return subtree(f, code).size();
    }

    public static CanonicalFramework editHeader(CanonicalFramework f, HeaderChange change) {
        Header h = f.framework();
        Header header = new Header(h.code(), h.kind(), strip(change.title()), strip(change.issuer()), h.version(),
                h.status(), h.validationDate(), h.validationNote(), strip(change.rncpCode()),
                strip(change.description()), change.masteryTolerance(), h.sourceDocument());
        return checked(new CanonicalFramework(f.format(), header, f.items(), f.exams(), f.associations()),
                f.items(), f.exams(), f.associations(), null);
    }

    /** Adds an exam ({@code previousCode} null) or replaces the one of that code, possibly renamed. */
    public static CanonicalFramework putExam(CanonicalFramework f, String previousCode, ExamSpec exam) {
        String code = strip(exam.code());
        boolean taken = f.exams().stream().anyMatch(e -> e.code().equals(code) && !e.code().equals(previousCode));
        if (taken) {
            throw refused("Une épreuve a déjà le code « " + code + " ».");
        }
        ExamSpec clean = new ExamSpec(code, strip(exam.title()), strip(exam.modality()), strip(exam.place()),
                exam.durationMinutes(),
                exam.parts().stream().filter(p -> p.label() != null && !p.label().isBlank() || p.minutes() != null)
                        .map(p -> new CanonicalFramework.PartSpec(strip(p.label()), p.minutes())).toList(),
                exam.itemCodes().stream().map(DraftEdits::strip).filter(Objects::nonNull).distinct().toList(),
                exam.checks().stream().map(DraftEdits::strip).filter(Objects::nonNull).toList());
        List<ExamSpec> exams = new ArrayList<>(f.exams());
        int index = previousCode == null ? -1 : indexOfExam(f, previousCode);
        if (previousCode != null && index < 0) {
            throw new fr.referentia.shared.NotFoundException("Ce brouillon n'a pas d'épreuve « " + previousCode + " ».");
        }
        if (index < 0) {
            exams.add(clean);
        } else {
            exams.set(index, clean);
        }
        return checked(f, f.items(), exams, f.associations(), null);
    }

    public static CanonicalFramework deleteExam(CanonicalFramework f, String code) {
        if (indexOfExam(f, code) < 0) {
            throw new fr.referentia.shared.NotFoundException("Ce brouillon n'a pas d'épreuve « " + code + " ».");
        }
        return checked(f, f.items(), f.exams().stream().filter(e -> !e.code().equals(code)).toList(),
                f.associations(), null);
    }

    /** Adds a link from one of the draft's items (to another of its items, another referential's item, or a label). */
    public static CanonicalFramework addAssociation(CanonicalFramework f, AssociationSpec link) {
        if (link.type() == null) {
            throw refused("Le type du lien est obligatoire.");
        }
        String own = f.framework().code();
        String destinationFramework = Objects.equals(strip(link.destinationFramework()), own) ? null
                : strip(link.destinationFramework());
        AssociationSpec clean = new AssociationSpec(link.type(), strip(link.originCode()), destinationFramework,
                strip(link.destinationCode()), strip(link.destinationLabel()));
        if (destinationFramework != null && clean.destinationCode() == null) {
            throw refused("Indiquez le code de l'élément de destination dans le référentiel « " + destinationFramework
                    + " ».");
        }
        if (clean.originCode() != null && clean.originCode().equals(clean.destinationCode()) && destinationFramework == null) {
            throw refused("Un élément ne peut pas être lié à lui-même.");
        }
        if (f.associations().contains(clean)) {
            throw refused("Ce lien existe déjà.");
        }
        List<AssociationSpec> associations = new ArrayList<>(f.associations());
        associations.add(clean);
        return checked(f, f.items(), f.exams(), associations, null);
    }

    /** Removes the link at {@code index} (0-based) of the draft's list of links. */
    public static CanonicalFramework deleteAssociation(CanonicalFramework f, int index) {
        if (index < 0 || index >= f.associations().size()) {
            throw new fr.referentia.shared.NotFoundException("Ce brouillon n'a pas de lien n° " + (index + 1) + ".");
        }
        List<AssociationSpec> associations = new ArrayList<>(f.associations());
        associations.remove(index);
        return checked(f, f.items(), f.exams(), associations, null);
    }

    /** The link types the editor offers: R14's "validates", and CASE's exact match and related. */
    public static List<AssociationType> offeredLinkTypes() {
        return List.of(AssociationType.VALIDATES, AssociationType.EXACT_MATCH_OF, AssociationType.IS_RELATED_TO);
    }

    // ------------------------------------------------------------------ helpers

    public static Item find(CanonicalFramework f, String code) {
        return f.items().stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }

    private static Item require(CanonicalFramework f, String code) {
        Item item = find(f, code);
        if (item == null) {
            throw unknownItem(code);
        }
        return item;
    }

    private static fr.referentia.shared.NotFoundException unknownItem(String code) {
        return new fr.referentia.shared.NotFoundException("Ce brouillon n'a pas d'élément de code « " + code + " ».");
    }

    private static CanonicalFramework replaceItem(CanonicalFramework f, Item edited) {
        List<Item> items = f.items().stream().map(i -> i.code().equals(edited.code()) ? edited : i).toList();
        return checked(f, items, f.exams(), f.associations(), null);
    }

    private static List<Item> children(CanonicalFramework f, String parentCode) {
        return f.items().stream().filter(i -> Objects.equals(i.parentCode(), parentCode))
                .sorted(Comparator.comparing(i -> i.position() == null ? Integer.MAX_VALUE : i.position())).toList();
    }

    private static Set<String> subtree(CanonicalFramework f, String code) {
        Map<String, List<String>> byParent = new LinkedHashMap<>();
        f.items().forEach(i -> byParent.computeIfAbsent(i.parentCode(), k -> new ArrayList<>()).add(i.code()));
        Set<String> codes = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(code));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            if (codes.add(next)) {
                pending.addAll(byParent.getOrDefault(next, List.of()));
            }
        }
        return codes;
    }

    private static int indexOfExam(CanonicalFramework f, String code) {
        for (int i = 0; i < f.exams().size(); i++) {
            if (f.exams().get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    private static Item withPlace(Item i, String parentCode, Integer position) {
        return new Item(i.code(), i.type(), i.typeLabel(), i.text(), parentCode, position, i.context(), i.essential());
    }

    /**
     * Renumbers siblings 1..n (keeping their order, {@code added} first among equal ranks), puts the items
     * in reading order and checks the result as an import.
     */
    private static CanonicalFramework checked(CanonicalFramework f, List<Item> items, List<ExamSpec> exams,
            List<AssociationSpec> associations, String added) {
        Map<String, List<Item>> byParent = new LinkedHashMap<>();
        items.forEach(i -> byParent.computeIfAbsent(i.parentCode(), k -> new ArrayList<>()).add(i));
        Comparator<Item> order = Comparator.comparing((Item i) -> i.position() == null ? Integer.MAX_VALUE : i.position())
                .thenComparing(i -> !Objects.equals(i.code(), added));
        List<Item> ordered = new ArrayList<>(items.size());
        Set<String> placed = new HashSet<>();
        appendChildren(null, byParent, order, ordered, placed);
        // Items outside the tree (an unknown parent, a cycle) are kept as they are for the checks to name them.
        items.stream().filter(i -> !placed.contains(i.code())).forEach(ordered::add);
        CanonicalFramework result = new CanonicalFramework(f.format(), f.framework(), ordered, exams, associations);
        try {
            WellFormedFramework.require(result);
        } catch (InvalidFrameworkException e) {
            throw new BadInputException("Modification refusée : " + String.join(" ", e.errors()), e.errors());
        }
        return result;
    }

    private static void appendChildren(String parentCode, Map<String, List<Item>> byParent, Comparator<Item> order,
            List<Item> ordered, Set<String> placed) {
        List<Item> siblings = new ArrayList<>(byParent.getOrDefault(parentCode, List.of()));
        siblings.sort(order);
        int position = 0;
        for (Item child : siblings) {
            if (child.code() == null || !placed.add(child.code())) {
                ordered.add(child);
                continue;
            }
            ordered.add(withPlace(child, child.parentCode(), ++position));
            appendChildren(child.code(), byParent, order, ordered, placed);
        }
    }

    private static BadInputException refused(String reason) {
        return new BadInputException(reason);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
