package fr.referentia.framework;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What became of a cited item in a newer version, read from the {@link VersionDiff} of the two
 * versions (items are matched on their stable code): the same, reworded (old and new text), moved under
 * another parent (old and new parent), its essential flag set or cleared (R7), or removed. An item may
 * be reworded and moved at once; a new position among the same siblings is no move for a citation.
 * Pure: plain data in, plain data out.
 *
 * @param cited the citation of the older version
 * @param newerVersion the version looked at
 * @param changes {@code SAME} or {@code REMOVED} alone, else one or more of {@code REWORDED},
 *     {@code MOVED}, {@code ESSENTIAL}
 * @param oldText the text in the cited version, when {@code REWORDED}
 * @param newText the text in the newer version, when {@code REWORDED}
 * @param oldParentCode the parent in the cited version, when {@code MOVED} (null: a root item)
 * @param newParentCode the parent in the newer version, when {@code MOVED} (null: a root item)
 * @param essential the essential flag in the newer version, when {@code ESSENTIAL}
 */
public record ItemSuccessor(ItemCitation cited, String newerVersion, Set<Change> changes, String oldText,
        String newText, String oldParentCode, String newParentCode, Boolean essential) {

    public enum Change { SAME, REWORDED, MOVED, ESSENTIAL, REMOVED }

    public ItemSuccessor {
        changes = Set.copyOf(changes);
    }

    /** The citation to keep in the newer version; empty when the item was removed. */
    public Optional<ItemCitation> successor() {
        return is(Change.REMOVED) ? Optional.empty() : Optional.of(cited.inVersion(newerVersion));
    }

    public boolean is(Change change) {
        return changes.contains(change);
    }

    /** The successor of {@code cited} in {@code newerVersion}, given what that version changes from the cited one. */
    public static ItemSuccessor of(ItemCitation cited, String newerVersion, VersionDiff.Result diff) {
        String code = cited.itemCode();
        if (diff.removed().stream().anyMatch(item -> item.code().equals(code))) {
            return new ItemSuccessor(cited, newerVersion, EnumSet.of(Change.REMOVED), null, null, null, null, null);
        }
        Set<Change> changes = EnumSet.noneOf(Change.class);
        var text = diff.changed().stream().filter(change -> change.code().equals(code)).findFirst();
        text.ifPresent(change -> changes.add(Change.REWORDED));
        var move = diff.moved().stream().filter(m -> m.code().equals(code)
                && !Objects.equals(m.fromParentCode(), m.toParentCode())).findFirst();
        move.ifPresent(m -> changes.add(Change.MOVED));
        var flag = diff.essential().stream().filter(change -> change.code().equals(code)).findFirst();
        flag.ifPresent(change -> changes.add(Change.ESSENTIAL));
        if (changes.isEmpty()) {
            changes.add(Change.SAME);
        }
        return new ItemSuccessor(cited, newerVersion, changes,
                text.map(VersionDiff.TextChange::before).orElse(null),
                text.map(VersionDiff.TextChange::after).orElse(null),
                move.map(VersionDiff.Move::fromParentCode).orElse(null),
                move.map(VersionDiff.Move::toParentCode).orElse(null),
                flag.map(VersionDiff.EssentialChange::after).orElse(null));
    }
}
