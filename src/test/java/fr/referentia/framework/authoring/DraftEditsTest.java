package fr.referentia.framework.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.framework.AssociationType;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.Header;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.CanonicalFramework.PartSpec;
import fr.referentia.framework.FrameworkKind;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.ItemType;
import fr.referentia.framework.authoring.DraftEdits.Direction;
import fr.referentia.framework.authoring.DraftEdits.HeaderChange;
import fr.referentia.framework.authoring.DraftEdits.ItemChange;
import fr.referentia.shared.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The authoring operations on a small draft: C1 (E1, E2, E3), C2 (E4); one exam, one link. */
class DraftEditsTest {

    static final CanonicalFramework DRAFT = new CanonicalFramework(CanonicalFramework.FORMAT,
            new Header("CQP-TEST", FrameworkKind.CQP, "CQP de test", null, "2026-01", FrameworkStatus.DRAFT, null, null,
                    null, null, 2, null),
            List.of(new Item("C1", ItemType.COMPETENCY, "Accueillir", null, 1, null, null),
                    new Item("C1.E1", ItemType.ELEMENT, "Saluer", "C1", 1, null, false),
                    new Item("C1.E2", ItemType.ELEMENT, "Écouter", "C1", 2, null, false),
                    new Item("C1.E3", ItemType.ELEMENT, "Orienter", "C1", 3, null, false),
                    new Item("C2", ItemType.COMPETENCY, "Informer", null, 2, null, null),
                    new Item("C2.E4", ItemType.ELEMENT, "Documenter", "C2", 1, null, false)),
            List.of(new ExamSpec("EP1", "Épreuve 1", "Mise en situation", null, null,
                    List.of(new PartSpec("Préparation", 15)), List.of("C1", "C1.E2"), List.of())),
            List.of(new AssociationSpec(AssociationType.VALIDATES, "C1.E2", null, "Certificat Relation Client")));

    static List<String> order(CanonicalFramework f) {
        return f.items().stream().map(i -> i.code() + "@" + i.parentCode() + "#" + i.position()).toList();
    }

    @Test
    void addsAnItemAtAPositionAndRenumbersItsSiblings() {
        CanonicalFramework after = DraftEdits.addItem(DRAFT, "C1", 2, "C1.E9", ItemType.ELEMENT, " Noter ");
        assertThat(order(after)).containsExactly("C1@null#1", "C1.E1@C1#1", "C1.E9@C1#2", "C1.E2@C1#3",
                "C1.E3@C1#4", "C2@null#2", "C2.E4@C2#1");
        assertThat(DraftEdits.find(after, "C1.E9").text()).isEqualTo("Noter");
        assertThat(DraftEdits.find(after, "C1.E9").essential()).isFalse();
        assertThat(order(DraftEdits.addItem(DRAFT, null, null, "C3", ItemType.COMPETENCY, "Vendre")))
                .endsWith("C3@null#3");
    }

    @Test
    void refusesADuplicateCodeAnInvalidCodeAnEmptyTextAndAnUnknownParent() {
        assertThatThrownBy(() -> DraftEdits.addItem(DRAFT, "C1", null, "C1.E2", ItemType.ELEMENT, "x"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("existe déjà");
        assertThatThrownBy(() -> DraftEdits.addItem(DRAFT, "C1", null, "C1 E9", ItemType.ELEMENT, "x"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("code absent ou invalide");
        assertThatThrownBy(() -> DraftEdits.addItem(DRAFT, "C1", null, "C1.E9", ItemType.ELEMENT, "  "))
                .isInstanceOf(BadInputException.class).hasMessageContaining("le texte est vide");
        assertThatThrownBy(() -> DraftEdits.addItem(DRAFT, "C9", null, "C9.E1", ItemType.ELEMENT, "x"))
                .hasMessageContaining("C9");
    }

    @Test
    void editsTextContextAndTheEssentialFlagOfElementsOnly() {
        CanonicalFramework after = DraftEdits.editItem(DRAFT, "C1.E2", new ItemChange("Écouter activement", null, true));
        Item e2 = DraftEdits.find(after, "C1.E2");
        assertThat(e2.text()).isEqualTo("Écouter activement");
        assertThat(e2.essential()).isTrue();
        assertThat(DraftEdits.find(DraftEdits.editItem(after, "C1.E2", new ItemChange(null, "Dans le cas…", null)),
                "C1.E2")).extracting(Item::context, Item::essential, Item::text)
                .containsExactly("Dans le cas…", true, "Écouter activement");
        assertThatThrownBy(() -> DraftEdits.editItem(DRAFT, "C1", new ItemChange(null, null, true)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("Seul un élément de compétence peut être incontournable");
        assertThatThrownBy(() -> DraftEdits.editItem(DRAFT, "C1", new ItemChange("", null, null)))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void movesWithTheKeyboardGestures() {
        assertThat(order(DraftEdits.move(DRAFT, "C1.E2", Direction.DOWN))).containsSubsequence(
                "C1.E1@C1#1", "C1.E3@C1#2", "C1.E2@C1#3");
        assertThat(order(DraftEdits.move(DRAFT, "C1.E2", Direction.UP))).containsSubsequence(
                "C1.E2@C1#1", "C1.E1@C1#2", "C1.E3@C1#3");
        assertThat(order(DraftEdits.move(DRAFT, "C1.E3", Direction.OUTDENT))).containsExactly(
                "C1@null#1", "C1.E1@C1#1", "C1.E2@C1#2", "C1.E3@null#2", "C2@null#3", "C2.E4@C2#1");
        assertThat(order(DraftEdits.move(DRAFT, "C1.E2", Direction.INDENT))).containsExactly(
                "C1@null#1", "C1.E1@C1#1", "C1.E2@C1.E1#1", "C1.E3@C1#2", "C2@null#2", "C2.E4@C2#1");
        assertThatThrownBy(() -> DraftEdits.move(DRAFT, "C1.E1", Direction.UP)).hasMessageContaining("premier");
        assertThatThrownBy(() -> DraftEdits.move(DRAFT, "C1.E3", Direction.DOWN)).hasMessageContaining("dernier");
        assertThatThrownBy(() -> DraftEdits.move(DRAFT, "C1", Direction.OUTDENT)).hasMessageContaining("premier niveau");
        assertThatThrownBy(() -> DraftEdits.move(DRAFT, "C1.E1", Direction.INDENT)).hasMessageContaining("précédent");
    }

    @Test
    void movesASubtreeToAnotherParentButNeverUnderItself() {
        CanonicalFramework after = DraftEdits.move(DRAFT, "C1", "C2", 1);
        assertThat(order(after)).containsExactly("C2@null#1", "C1@C2#1", "C1.E1@C1#1", "C1.E2@C1#2", "C1.E3@C1#3",
                "C2.E4@C2#2");
        assertThatThrownBy(() -> DraftEdits.move(DRAFT, "C1", "C1.E2", 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("propre sous-élément");
        assertThatThrownBy(() -> DraftEdits.move(DRAFT, "C1", "C1", 1)).hasMessageContaining("lui-même");
        assertThat(order(DraftEdits.move(DRAFT, "C1.E1", "C1", 99))).containsSubsequence("C1.E2@C1#1", "C1.E3@C1#2",
                "C1.E1@C1#3");
    }

    @Test
    void deletesASubtreeWithTheExamReferencesAndLinksIntoIt() {
        CanonicalFramework after = DraftEdits.deleteItem(DRAFT, "C1");
        assertThat(order(after)).containsExactly("C2@null#1", "C2.E4@C2#1");
        assertThat(after.exams().get(0).itemCodes()).isEmpty();
        assertThat(after.associations()).isEmpty();
        assertThat(DraftEdits.subtreeSize(DRAFT, "C1")).isEqualTo(4);
        assertThat(order(DraftEdits.deleteItem(DRAFT, "C1.E1"))).containsSubsequence("C1.E2@C1#1", "C1.E3@C1#2");
    }

    @Test
    void editsTheHeaderWithAToleranceThatCannotBeNegative() {
        CanonicalFramework after = DraftEdits.editHeader(DRAFT,
                new HeaderChange("Nouveau titre", "CPNEF", "Présentation", "RNCP12345", 1));
        assertThat(after.framework().title()).isEqualTo("Nouveau titre");
        assertThat(after.framework().masteryTolerance()).isEqualTo(1);
        assertThat(after.framework().code()).isEqualTo("CQP-TEST");
        assertThatThrownBy(() -> DraftEdits.editHeader(DRAFT, new HeaderChange("T", null, null, null, -1)))
                .hasMessageContaining("tolérance");
        assertThatThrownBy(() -> DraftEdits.editHeader(DRAFT, new HeaderChange(" ", null, null, null, 2)))
                .hasMessageContaining("titre");
    }

    @Test
    void addsReplacesAndDeletesExamsWithTheirParts() {
        ExamSpec ep2 = new ExamSpec("EP2", "Entretien", "Entretien avec le jury", "Sur site", null,
                List.of(new PartSpec("Préparation", 15), new PartSpec("Entretien", 30)), List.of("C2"),
                List.of("Motivation"));
        CanonicalFramework after = DraftEdits.putExam(DRAFT, null, ep2);
        assertThat(after.exams()).extracting(ExamSpec::code).containsExactly("EP1", "EP2");
        assertThat(after.exams().get(1).parts()).hasSize(2);
        assertThatThrownBy(() -> DraftEdits.putExam(after, null, ep2)).hasMessageContaining("déjà le code");
        ExamSpec renamed = new ExamSpec("EP1B", "Épreuve 1 bis", null, null, 45, List.of(), List.of("C1"), List.of());
        assertThat(DraftEdits.putExam(after, "EP1", renamed).exams()).extracting(ExamSpec::code)
                .containsExactly("EP1B", "EP2");
        ExamSpec dangling = new ExamSpec("EP3", "Épreuve 3", null, null, null, List.of(), List.of("C9"), List.of());
        assertThatThrownBy(() -> DraftEdits.putExam(DRAFT, null, dangling)).hasMessageContaining("C9");
        ExamSpec negative = new ExamSpec("EP3", "Épreuve 3", null, null, null, List.of(new PartSpec("Oral", -5)),
                List.of(), List.of());
        assertThatThrownBy(() -> DraftEdits.putExam(DRAFT, null, negative)).hasMessageContaining("durée positive");
        assertThat(DraftEdits.deleteExam(after, "EP1").exams()).extracting(ExamSpec::code).containsExactly("EP2");
    }

    @Test
    void addsLinksInsideToAnotherReferentialOrToALabel() {
        CanonicalFramework inside = DraftEdits.addAssociation(DRAFT,
                new AssociationSpec(AssociationType.IS_RELATED_TO, "C1.E1", null, "C2.E4", null));
        CanonicalFramework across = DraftEdits.addAssociation(inside,
                new AssociationSpec(AssociationType.VALIDATES, "C1.E3", "CQP-AUTRE", "C4", null));
        assertThat(across.associations()).hasSize(3);
        assertThat(across.associations().get(2).crossesTo("CQP-TEST")).isTrue();
        assertThatThrownBy(() -> DraftEdits.addAssociation(DRAFT,
                new AssociationSpec(AssociationType.IS_RELATED_TO, "C1.E1", null, "C9", null)))
                .hasMessageContaining("C9");
        assertThatThrownBy(() -> DraftEdits.addAssociation(DRAFT, DRAFT.associations().get(0)))
                .hasMessageContaining("existe déjà");
        assertThatThrownBy(() -> DraftEdits.addAssociation(DRAFT,
                new AssociationSpec(AssociationType.VALIDATES, "C1.E1", null, null, null)))
                .hasMessageContaining("destination absente");
        assertThat(DraftEdits.deleteAssociation(across, 0).associations()).hasSize(2);
    }

    @Test
    void aRefusedEditLeavesTheDraftAsItWas() {
        List<Item> before = List.copyOf(DRAFT.items());
        assertThatThrownBy(() -> DraftEdits.move(DRAFT, "C1", "C1.E1", 1)).isInstanceOf(BadInputException.class);
        assertThat(DRAFT.items()).isEqualTo(before);
    }
}
