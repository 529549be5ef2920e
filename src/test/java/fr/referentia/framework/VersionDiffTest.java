package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.framework.VersionDiff.ItemState;
import fr.referentia.framework.VersionDiff.Move;
import fr.referentia.framework.VersionDiff.Op;
import fr.referentia.framework.VersionDiff.Result;
import fr.referentia.framework.VersionDiff.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionDiffTest {

    static ItemState item(String code, String text, String parent, int position) {
        return new ItemState(code, ItemType.COMPETENCY, text, parent, position);
    }

    @Test
    void identicalVersionsHaveNoDifference() {
        List<ItemState> items = List.of(item("A", "Accueillir", null, 1), item("A.1", "les publics", "A", 1));
        assertThat(VersionDiff.between(items, items).isEmpty()).isTrue();
    }

    @Test
    void itemsAreMatchedOnTheirCodeAddedAndRemoved() {
        Result diff = VersionDiff.between(
                List.of(item("A", "Accueillir", null, 1), item("B", "Informer", null, 2)),
                List.of(item("A", "Accueillir", null, 1), item("C", "Orienter", null, 2)));
        assertThat(diff.added()).extracting(ItemState::code).containsExactly("C");
        assertThat(diff.removed()).extracting(ItemState::code).containsExactly("B");
        assertThat(diff.moved()).isEmpty();
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void anotherParentOrAnotherPositionIsAMoveWithItsOrigin() {
        Result diff = VersionDiff.between(
                List.of(item("D1", "Domaine", null, 1), item("D2", "Domaine 2", null, 2),
                        item("C1", "Compétence", "D1", 1), item("C2", "Autre", "D1", 2)),
                List.of(item("D1", "Domaine", null, 1), item("D2", "Domaine 2", null, 2),
                        item("C1", "Compétence", "D2", 1), item("C2", "Autre", "D1", 1)));
        assertThat(diff.moved()).containsExactly(new Move("C1", "D1", 1, "D2", 1), new Move("C2", "D1", 2, "D1", 1));
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void aChangedTextIsShownWordByWord() {
        Result diff = VersionDiff.between(
                List.of(item("C1", "Accueillir les publics de façon multimodale", null, 1)),
                List.of(item("C1", "Accueillir tous les publics de façon hybride", null, 1)));
        assertThat(diff.changed()).hasSize(1);
        var change = diff.changed().get(0);
        assertThat(change.before()).isEqualTo("Accueillir les publics de façon multimodale");
        assertThat(change.after()).isEqualTo("Accueillir tous les publics de façon hybride");
        assertThat(change.words()).containsExactly(
                new Word(Op.EQUAL, "Accueillir "),
                new Word(Op.INSERT, "tous "),
                new Word(Op.EQUAL, "les publics de façon "),
                new Word(Op.DELETE, "multimodale"),
                new Word(Op.INSERT, "hybride"));
    }

    @Test
    void wordRunsRebuildBothTextsExactly() {
        String before = "Informer les différents publics sur l’offre\n- de services";
        String after = "Informer  les publics sur l’offre de formation\n- de services et les financements";
        List<Word> words = VersionDiff.words(before, after);
        StringBuilder old = new StringBuilder();
        StringBuilder now = new StringBuilder();
        for (Word word : words) {
            if (word.op() != Op.INSERT) {
                old.append(word.text());
            }
            if (word.op() != Op.DELETE) {
                now.append(word.text());
            }
        }
        assertThat(old).hasToString(before);
        assertThat(now).hasToString(after);
        assertThat(words).contains(new Word(Op.DELETE, "différents "));
    }

    @Test
    void aWholeTextWrittenAnewIsOneDeletionAndOneInsertion() {
        assertThat(VersionDiff.words("ancien", "nouveau"))
                .containsExactly(new Word(Op.DELETE, "ancien"), new Word(Op.INSERT, "nouveau"));
    }
}
