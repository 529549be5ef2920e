package fr.referentia.framework;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What changed between two versions of a referential, item by item (matched on their stable code):
 * items added, removed, moved (another parent or another position among siblings) and texts changed,
 * word by word. Pure: plain data in, plain data out.
 */
public final class VersionDiff {

    /** Splits between a word and the spaces around it, so that spaces are tokens of their own. */
    private static final Pattern TOKEN_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

    private VersionDiff() {
    }

    /** One item as a version holds it. */
    public record ItemState(String code, ItemType type, String text, String parentCode, int position) {
    }

    public record Move(String code, String fromParentCode, int fromPosition, String toParentCode, int toPosition) {
    }

    public enum Op { EQUAL, INSERT, DELETE }

    /** A run of words (with the spaces between them) kept, inserted or deleted. */
    public record Word(Op op, String text) {
    }

    public record TextChange(String code, String before, String after, List<Word> words) {
    }

    /** Lists in reading order: of the newer version for added, moved and changed items, of the older for removed. */
    public record Result(List<ItemState> added, List<ItemState> removed, List<Move> moved, List<TextChange> changed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && moved.isEmpty() && changed.isEmpty();
        }
    }

    /** Compares {@code before} (the version compared against) with {@code after}. */
    public static Result between(List<ItemState> before, List<ItemState> after) {
        Map<String, ItemState> old = byCode(before);
        Map<String, ItemState> now = byCode(after);
        List<ItemState> added = new ArrayList<>();
        List<Move> moved = new ArrayList<>();
        List<TextChange> changed = new ArrayList<>();
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
        }
        List<ItemState> removed = old.values().stream().filter(item -> !now.containsKey(item.code())).toList();
        return new Result(List.copyOf(added), removed, List.copyOf(moved), List.copyOf(changed));
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

    private static Map<String, ItemState> byCode(List<ItemState> items) {
        Map<String, ItemState> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(item.code(), item));
        return map;
    }
}
