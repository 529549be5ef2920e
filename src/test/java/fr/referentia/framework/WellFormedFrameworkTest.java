package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.authoring.AuthoringFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WellFormedFrameworkTest {

    @Test
    void aWellFormedReferentialHasNoProblemAndItsItemsComeParentsFirst() {
        CanonicalFramework small = AuthoringFixtures.small("POTIER");
        assertThat(WellFormedFramework.problems(small)).isEmpty();
        List<String> order = WellFormedFramework.require(small).stream().map(Item::code).toList();
        assertThat(order.indexOf("C1")).isLessThan(order.indexOf("C1.G1"));
        assertThat(order.indexOf("C1.G1")).isLessThan(order.indexOf("C1.E1"));
    }

    @Test
    void everyProblemIsListedInFrenchSoThatTheFileIsFixedInOneGo() {
        CanonicalFramework small = AuthoringFixtures.small("POTIER");
        List<Item> items = new ArrayList<>(small.items());
        items.add(new Item("C1", ItemType.COMPETENCY, "Doublon", null, 4, null, null));
        items.add(new Item("C4", ItemType.COMPETENCY, "Orpheline", "NULLE-PART", 1, null, null));
        items.add(new Item("C5", null, " ", null, 5, null, null));
        List<AssociationSpec> links = List.of(
                new AssociationSpec(AssociationType.IS_RELATED_TO, "C2", null, "FANTOME", null));
        var bad = new CanonicalFramework(small.format(), small.framework(), items, small.exams(), links);

        assertThat(WellFormedFramework.problems(bad)).containsExactly(
                "Élément n° 10 (C1) : le code « C1 » est en double.",
                "Élément n° 12 (C5) : type absent.",
                "Élément n° 12 (C5) : le texte est vide.",
                "Élément C4 : parent « NULLE-PART » introuvable.",
                "Association depuis « C2 » : destination « FANTOME » introuvable.");
        assertThatThrownBy(() -> WellFormedFramework.require(bad)).isInstanceOf(InvalidFrameworkException.class);
    }

    @Test
    void anItemThatIsItsOwnAncestorBreaksTheTree() {
        CanonicalFramework small = AuthoringFixtures.small("POTIER");
        List<Item> items = new ArrayList<>(List.of(
                new Item("A", ItemType.COMPETENCY, "Première", "B", 1, null, null),
                new Item("B", ItemType.COMPETENCY, "Seconde", "A", 1, null, null)));
        var loop = new CanonicalFramework(small.format(), small.framework(), items, List.of(), List.of());
        assertThat(WellFormedFramework.problems(loop)).containsExactly(
                "Élément A : il est son propre ancêtre (cycle dans l'arborescence).",
                "Élément B : il est son propre ancêtre (cycle dans l'arborescence).");
    }
}
