package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.framework.ItemSuccessor.Change;
import fr.referentia.framework.VersionDiff.ItemState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemSuccessorTest {

    static final ItemCitation E1 = new ItemCitation("CQP", "1", "C1.E1");

    static final List<ItemState> BEFORE = List.of(
            new ItemState("C1", ItemType.COMPETENCY, "Accueillir", null, 1),
            new ItemState("C1.E1", ItemType.ELEMENT, "Recevoir le public", "C1", 1),
            new ItemState("C1.E2", ItemType.ELEMENT, "Informer le public", "C1", 2),
            new ItemState("C2", ItemType.COMPETENCY, "Conseiller", null, 2));

    @Test
    void anItemRewordedAndMovedAtOnceSaysBothWithItsOldAndNewTextAndParent() {
        var after = List.of(BEFORE.get(0), BEFORE.get(2), BEFORE.get(3),
                new ItemState("C1.E1", ItemType.ELEMENT, "Recevoir chaque public", "C2", 1));
        ItemSuccessor successor = ItemSuccessor.of(E1, "2", VersionDiff.between(BEFORE, after));
        assertThat(successor.changes()).containsExactlyInAnyOrder(Change.REWORDED, Change.MOVED);
        assertThat(successor.oldText()).isEqualTo("Recevoir le public");
        assertThat(successor.newText()).isEqualTo("Recevoir chaque public");
        assertThat(successor.oldParentCode()).isEqualTo("C1");
        assertThat(successor.newParentCode()).isEqualTo("C2");
        assertThat(successor.successor()).contains(new ItemCitation("CQP", "2", "C1.E1"));
    }

    @Test
    void anotherRankAmongTheSameSiblingsIsNoMoveForACitation() {
        var after = List.of(BEFORE.get(0), new ItemState("C1.E2", ItemType.ELEMENT, "Informer le public", "C1", 1),
                new ItemState("C1.E1", ItemType.ELEMENT, "Recevoir le public", "C1", 2), BEFORE.get(3));
        ItemSuccessor successor = ItemSuccessor.of(E1, "2", VersionDiff.between(BEFORE, after));
        assertThat(successor.changes()).containsExactly(Change.SAME);
        assertThat(successor.oldText()).isNull();
        assertThat(successor.newParentCode()).isNull();
    }

    @Test
    void aRemovedItemHasNoSuccessor() {
        var after = List.of(BEFORE.get(0), BEFORE.get(2), BEFORE.get(3));
        ItemSuccessor successor = ItemSuccessor.of(E1, "2", VersionDiff.between(BEFORE, after));
        assertThat(successor.changes()).containsExactly(Change.REMOVED);
        assertThat(successor.successor()).isEmpty();
    }
}
