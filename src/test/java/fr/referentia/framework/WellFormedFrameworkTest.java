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

    @Test
    void textsLongerThanTheirColumnsOrHoldingANulAHalfSurrogateOrAnInvisibleCharacterAreProblemsNotDatabaseErrors() {
        // Found by ApiBadInputSweepTest: the editor's API answered 500 (PostgreSQL « value too long », « invalid byte
        // sequence ») for an issuer of 100,000 characters or a NUL in an item's context.
        CanonicalFramework small = AuthoringFixtures.small("POTIER");
        var h = small.framework();
        var header = new CanonicalFramework.Header(h.code(), h.kind(), h.title(), "x".repeat(501), h.version(),
                h.status(), h.validationDate(), h.validationNote(), "R\u0000NCP", h.description(), h.masteryTolerance(),
                h.sourceDocument());
        List<Item> items = new ArrayList<>(small.items());
        items.add(new Item("C9", ItemType.COMPETENCY, "Texte \ud800", null, 9, "c".repeat(1_001), null));
        items.add(new Item("a".repeat(100_000), ItemType.COMPETENCY, "Code trop long", null, 10, null, null));
        // Pasted from a word processor or a web page: hidden inside words, they split them for search.
        items.add(new Item("C10", ItemType.COMPETENCY, "Accueil\u200Blir les apprenants", null, 11, null, null));
        items.add(new Item("C11", ItemType.COMPETENCY, "Conseil\u00ADler", null, 12, "\u202Eeuqitircsid", null));
        // What French texts legitimately hold stays accepted: line breaks, tabs, non-breaking spaces.
        items.add(new Item("C12", ItemType.COMPETENCY, "Accueillir :\n\t« les apprenants »\u202F!", null, 13, null,
                null));
        List<AssociationSpec> links = List.of(new AssociationSpec(AssociationType.IS_RELATED_TO, "C1", null,
                "l".repeat(501)));
        var exams = List.of(new CanonicalFramework.ExamSpec(null, "Épreuve", null, null, null, null, null, null));
        var bad = new CanonicalFramework(small.format(), header, items, exams, links);

        assertThat(WellFormedFramework.problems(bad)).contains(
                "L'organisme certificateur du référentiel dépasse 500 caractères.",
                "Le code RNCP du référentiel contient un caractère nul (U+0000, position 2).",
                "Élément n° 10 (C9) : le texte contient un demi-caractère isolé (substitut UTF-16) (U+D800, position 7).",
                "Élément n° 12 (C10) : le texte contient un caractère invisible de mise en forme (U+200B, position 8).",
                "Élément n° 13 (C11) : le texte contient un caractère invisible de mise en forme (U+00AD, position 8).",
                "Élément n° 13 (C11) : le contexte contient un caractère invisible de mise en forme (U+202E, position 1).",
                "Élément n° 10 (C9) : le contexte dépasse 1000 caractères.",
                "Élément n° 11 (" + "a".repeat(60) + "…) : code absent ou invalide.",
                "Une épreuve a un code absent ou invalide.",
                "Association depuis « C1 » : le libellé de destination dépasse 500 caractères.")
                .noneMatch(problem -> problem.contains("null") || problem.length() > 300)
                .noneMatch(problem -> problem.contains("C12"));
    }

    @Test
    void aReferentialsTextsAreKeptInNormalFormCWhateverBroughtThem() {
        // A file written on a Mac or copied from a PDF may spell « é » as « e » and a combining accent (U+0301).
        var item = new Item("C1", ItemType.COMPETENCY, "E\u0301valuer les acquis", null, 1, "Contexte de l'e\u0301preuve",
                null);
        assertThat(item.text()).isEqualTo("Évaluer les acquis").hasSize(18);
        assertThat(item.context()).isEqualTo("Contexte de l'épreuve");
        var exam = new CanonicalFramework.ExamSpec("E1", "E\u0301preuve orale", null, "Salle d'e\u0301tude", 30, null,
                null, null);
        assertThat(exam.title()).isEqualTo("Épreuve orale");
        assertThat(exam.place()).isEqualTo("Salle d'étude");
    }
}
