package fr.referentia.framework;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What changed between two versions of a referential: items (matched on their stable code) added,
 * removed, moved (another parent or another position among siblings) and texts changed word by word;
 * the header, the essential flags of elements (R7), the contexts, the exams (R11, matched on their
 * code) and the associations (R14). Pure: plain data in, plain data out.
 */
public final class VersionDiff {

    /** Splits between a word and the spaces around it, so that spaces are tokens of their own. */
    private static final Pattern TOKEN_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

    private VersionDiff() {
    }

    /** One item as a version holds it; {@code essential} is set on elements only. */
    public record ItemState(String code, ItemType type, String text, String parentCode, int position,
            String context, Boolean essential) {

        public ItemState(String code, ItemType type, String text, String parentCode, int position) {
            this(code, type, text, parentCode, position, null, null);
        }
    }

    /** The header fields of a version that a reader of the referential cares about. */
    public record Header(String title, String issuer, String description, String rncpCode, Integer masteryTolerance,
            String validationNote) {
    }

    /** One exam as a version holds it, with the codes of the items it assesses. */
    public record ExamState(String code, String title, String modality, String place, Integer durationMinutes,
            List<Exam.Part> parts, List<String> checks, List<String> itemCodes) {

        public ExamState {
            parts = List.copyOf(parts);
            checks = List.copyOf(checks);
            itemCodes = List.copyOf(itemCodes);
        }
    }

    /** An association; {@code destinationCode} is null when it points outside, named by {@code destinationLabel}. */
    /** {@code destinationFramework}: the other referential of a cross-referential link (R14), else null. */
    public record AssociationState(AssociationType type, String originCode, String destinationCode,
            String destinationLabel, String destinationFramework) {

        public AssociationState(AssociationType type, String originCode, String destinationCode,
                String destinationLabel) {
            this(type, originCode, destinationCode, destinationLabel, null);
        }

        /** How the page names the destination: « CODE-REF · item » across referentials, the code, or the label. */
        public String destination() {
            if (destinationCode == null) {
                return destinationLabel;
            }
            return destinationFramework == null ? destinationCode : destinationFramework + " · " + destinationCode;
        }
    }

    /** A whole version: what {@link #between(Snapshot, Snapshot)} compares. */
    public record Snapshot(Header header, List<ItemState> items, List<ExamState> exams,
            List<AssociationState> associations) {
    }

    public record Move(String code, String fromParentCode, int fromPosition, String toParentCode, int toPosition) {
    }

    public enum Op { EQUAL, INSERT, DELETE }

    /** A run of words (with the spaces between them) kept, inserted or deleted. */
    public record Word(Op op, String text) {
    }

    public record TextChange(String code, String before, String after, List<Word> words) {
    }

    /**
     * A field that changed: {@code field} names it (header: {@code title}, {@code issuer}, {@code description},
     * {@code rncpCode}, {@code masteryTolerance}, {@code validationNote}; exam: {@code title}, {@code modality},
     * {@code place}, {@code durationMinutes}, {@code parts}, {@code checks}); null stands for an absent value.
     */
    public record FieldChange(String field, String before, String after, List<Word> words) {
    }

    /** An element whose essential flag (incontournable) was set or cleared. */
    public record EssentialChange(String code, String text, boolean before, boolean after) {
    }

    /** An exam kept under the same code but changed: its fields, and the items it assesses. */
    public record ExamChange(String code, String title, List<FieldChange> fields, List<String> itemsAdded,
            List<String> itemsRemoved) {
    }

    public record ExamChanges(List<ExamState> added, List<ExamState> removed, List<ExamChange> changed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public record AssociationChanges(List<AssociationState> added, List<AssociationState> removed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    /**
     * Lists in reading order: of the newer version for added, moved and changed items, of the older for
     * removed. {@code essential} and {@code contexts} cover items present in both versions (an added item
     * carries its own flag and context).
     */
    public record Result(List<ItemState> added, List<ItemState> removed, List<Move> moved, List<TextChange> changed,
            List<FieldChange> header, List<EssentialChange> essential, List<TextChange> contexts,
            ExamChanges exams, AssociationChanges associations) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && moved.isEmpty() && changed.isEmpty() && header.isEmpty()
                    && essential.isEmpty() && contexts.isEmpty() && exams.isEmpty() && associations.isEmpty();
        }
    }

    /** Compares the items only of {@code before} (the version compared against) with {@code after}. */
    public static Result between(List<ItemState> before, List<ItemState> after) {
        Header none = new Header(null, null, null, null, null, null);
        return between(new Snapshot(none, before, List.of(), List.of()), new Snapshot(none, after, List.of(), List.of()));
    }

    /** Compares {@code before} (the version compared against) with {@code after}. */
    public static Result between(Snapshot before, Snapshot after) {
        Map<String, ItemState> old = byCode(before.items(), ItemState::code);
        Map<String, ItemState> now = byCode(after.items(), ItemState::code);
        List<ItemState> added = new ArrayList<>();
        List<Move> moved = new ArrayList<>();
        List<TextChange> changed = new ArrayList<>();
        List<EssentialChange> essential = new ArrayList<>();
        List<TextChange> contexts = new ArrayList<>();
        for (ItemState item : now.values()) {
            ItemState was = old.get(item.code());
            if (was == null) {
                added.add(item);
                continue;
            }
            if (!Objects.equals(was.parentCode(), item.parentCode()) || was.position() != item.position()) {
                moved.add(new Move(item.code(), was.parentCode(), was.position(), item.parentCode(), item.position()));
            }
            if (!was.text().equals(item.text())) {
                changed.add(new TextChange(item.code(), was.text(), item.text(), words(was.text(), item.text())));
            }
            boolean wasEssential = Boolean.TRUE.equals(was.essential());
            boolean isEssential = Boolean.TRUE.equals(item.essential());
            if (wasEssential != isEssential) {
                essential.add(new EssentialChange(item.code(), item.text(), wasEssential, isEssential));
            }
            String oldContext = orEmpty(was.context());
            String newContext = orEmpty(item.context());
            if (!oldContext.equals(newContext)) {
                contexts.add(new TextChange(item.code(), was.context(), item.context(), words(oldContext, newContext)));
            }
        }
        List<ItemState> removed = old.values().stream().filter(item -> !now.containsKey(item.code())).toList();
        return new Result(List.copyOf(added), removed, List.copyOf(moved), List.copyOf(changed),
                header(before.header(), after.header()), List.copyOf(essential), List.copyOf(contexts),
                exams(before.exams(), after.exams()), associations(before.associations(), after.associations()));
    }

    private static List<FieldChange> header(Header before, Header after) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "title", before.title(), after.title());
        field(fields, "issuer", before.issuer(), after.issuer());
        field(fields, "description", before.description(), after.description());
        field(fields, "rncpCode", before.rncpCode(), after.rncpCode());
        field(fields, "masteryTolerance", text(before.masteryTolerance()), text(after.masteryTolerance()));
        field(fields, "validationNote", before.validationNote(), after.validationNote());
        return List.copyOf(fields);
    }

    private static ExamChanges exams(List<ExamState> before, List<ExamState> after) {
        Map<String, ExamState> old = byCode(before, ExamState::code);
        Map<String, ExamState> now = byCode(after, ExamState::code);
        List<ExamState> added = new ArrayList<>();
        List<ExamChange> changed = new ArrayList<>();
        for (ExamState exam : now.values()) {
            ExamState was = old.get(exam.code());
            if (was == null) {
                added.add(exam);
                continue;
            }
            List<FieldChange> fields = new ArrayList<>();
            field(fields, "title", was.title(), exam.title());
            field(fields, "modality", was.modality(), exam.modality());
            field(fields, "place", was.place(), exam.place());
            field(fields, "durationMinutes", text(was.durationMinutes()), text(exam.durationMinutes()));
            field(fields, "parts", parts(was.parts()), parts(exam.parts()));
            field(fields, "checks", lines(was.checks()), lines(exam.checks()));
            List<String> itemsAdded = missingFrom(exam.itemCodes(), was.itemCodes());
            List<String> itemsRemoved = missingFrom(was.itemCodes(), exam.itemCodes());
            if (!fields.isEmpty() || !itemsAdded.isEmpty() || !itemsRemoved.isEmpty()) {
                changed.add(new ExamChange(exam.code(), exam.title(), List.copyOf(fields), itemsAdded, itemsRemoved));
            }
        }
        List<ExamState> removed = old.values().stream().filter(exam -> !now.containsKey(exam.code())).toList();
        return new ExamChanges(List.copyOf(added), removed, List.copyOf(changed));
    }

    /** Associations have no identity of their own: two are the same when every field is; duplicates count. */
    private static AssociationChanges associations(List<AssociationState> before, List<AssociationState> after) {
        return new AssociationChanges(missingFrom(after, before), missingFrom(before, after));
    }

    /** The entries of {@code these} that {@code others} lacks, as a multiset difference, in order; linear. */
    private static <T> List<T> missingFrom(List<T> these, Collection<T> others) {
        Map<T, Integer> left = new HashMap<>();
        others.forEach(entry -> left.merge(entry, 1, Integer::sum));
        List<T> missing = new ArrayList<>();
        for (T entry : these) {
            if (left.merge(entry, -1, Integer::sum) < 0) {
                missing.add(entry);
            }
        }
        return List.copyOf(missing);
    }

    private static void field(List<FieldChange> fields, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            fields.add(new FieldChange(name, before, after, words(orEmpty(before), orEmpty(after))));
        }
    }

    /** Parts as a person reads them, one a line: « Préparation : 15 min ». */
    private static String parts(List<Exam.Part> parts) {
        return parts.isEmpty() ? null
                : parts.stream().map(p -> p.label() + " : " + p.minutes() + " min").collect(Collectors.joining("\n"));
    }

    private static String lines(List<String> lines) {
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static String text(Integer number) {
        return number == null ? null : number.toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The word-by-word difference of two texts: equal, deleted and inserted runs, in reading order. */
    public static List<Word> words(String before, String after) {
        List<String> source = tokens(before);
        List<String> target = tokens(after);
        List<Word> runs = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(source, target).getDeltas()) {
            int position = delta.getSource().getPosition();
            append(runs, Op.EQUAL, source.subList(next, position));
            append(runs, Op.DELETE, delta.getSource().getLines());
            append(runs, Op.INSERT, delta.getTarget().getLines());
            next = position + delta.getSource().size();
        }
        append(runs, Op.EQUAL, source.subList(next, source.size()));
        return List.copyOf(runs);
    }

    static List<String> tokens(String text) {
        return text.isEmpty() ? List.of() : List.of(TOKEN_BOUNDARY.split(text));
    }

    private static void append(List<Word> runs, Op op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        int last = runs.size() - 1;
        if (last >= 0 && runs.get(last).op() == op) {
            runs.set(last, new Word(op, runs.get(last).text() + text));
        } else {
            runs.add(new Word(op, text));
        }
    }

    private static <T> Map<String, T> byCode(List<T> entries, Function<T, String> code) {
        Map<String, T> map = new LinkedHashMap<>();
        entries.forEach(entry -> map.put(code.apply(entry), entry));
        return map;
    }
}
