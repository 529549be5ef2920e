package fr.referentia.search.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.search.comparison.ComparisonMatrix.Cell;
import fr.referentia.search.comparison.ComparisonMatrix.Line;
import fr.referentia.search.comparison.ProposalRanking.Candidate;
import fr.referentia.framework.FrameworkViews.ItemRow;
import fr.referentia.framework.ItemType;
import fr.referentia.shared.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparisonHelpersTest {

    @Test
    void queryTermsCountRepeatsAndKeepTheMostFrequentWhenTooMany() {
        assertThat(QueryTerms.weigh(List.of("client", "besoin", "client"), 10))
                .containsExactly(Map.entry("client", 2), Map.entry("besoin", 1));
        assertThat(QueryTerms.weigh(List.of("a", "b", "b", "c", "c", "c"), 2)).containsOnlyKeys("c", "b");
        assertThat(QueryTerms.weigh(List.of(), 5)).isEmpty();
    }

    @Test
    void rankingKeepsTheBestScorePerCodeOrdersByScoreThenCodeAndCuts() {
        List<Candidate> found = List.of(new Candidate("B2", "x", 3.0), new Candidate("A9", "x", 5.0),
                new Candidate("B2", "x", 6.0), new Candidate("A1", "x", 3.0), new Candidate("Z1", "x", 1.0));
        assertThat(ProposalRanking.top(found, null, 3)).extracting(Candidate::code).containsExactly("B2", "A9", "A1");
        assertThat(ProposalRanking.top(found, null, 3).get(0).score()).isEqualTo(6.0);
        assertThat(ProposalRanking.top(found, Set.of("A1", "Z1"), 5)).extracting(Candidate::code)
                .containsExactly("A1", "Z1");
    }

    @Test
    void selectionNeedsTwoToFiveDistinctCodes() {
        assertThat(FrameworkSelection.parse(" A, B ,A,")).containsExactly("A", "B");
        assertThatThrownBy(() -> FrameworkSelection.parse("A,A")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> FrameworkSelection.parse(null)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> FrameworkSelection.parse("A,B,C,D,E,F")).isInstanceOf(BadInputException.class);
    }

    @Test
    void filterIsReadFromItsUrlValue() {
        List<String> compared = List.of("A", "B");
        assertThat(MatrixFilter.parse("", compared)).isEqualTo(MatrixFilter.ALL);
        assertThat(MatrixFilter.parse("communes", compared)).isEqualTo(MatrixFilter.COMMON);
        assertThat(MatrixFilter.parse("seulement-B", compared)).isEqualTo(MatrixFilter.onlyIn("B"));
        assertThat(MatrixFilter.onlyIn("B").value()).isEqualTo("seulement-B");
        assertThatThrownBy(() -> MatrixFilter.parse("seulement-C", compared)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> MatrixFilter.parse("partout", compared)).isInstanceOf(BadInputException.class);
    }

    @Test
    void matrixJoinsConfirmedItemsAcrossChainsAndFilters() {
        Map<String, List<Cell>> items = new LinkedHashMap<>();
        items.put("A", List.of(new Cell("A1", "a1"), new Cell("A2", "a2")));
        items.put("B", List.of(new Cell("B1", "b1"), new Cell("B2", "b2")));
        items.put("C", List.of(new Cell("C1", "c1")));
        List<ItemRef[]> links = List.of(
                new ItemRef[] {new ItemRef("B", "B1"), new ItemRef("A", "A1")},
                new ItemRef[] {new ItemRef("B", "B1"), new ItemRef("C", "C1")},
                new ItemRef[] {new ItemRef("A", "A1"), new ItemRef("X", "unknown")});

        List<Line> all = ComparisonMatrix.build(items, links, MatrixFilter.ALL);
        assertThat(all).hasSize(3);
        assertThat(all.get(0).byFramework()).containsEntry("A", List.of(new Cell("A1", "a1")))
                .containsEntry("B", List.of(new Cell("B1", "b1"))).containsEntry("C", List.of(new Cell("C1", "c1")));
        assertThat(all.get(1).presentIn()).containsExactly("A");
        assertThat(all.get(2).presentIn()).containsExactly("B");

        assertThat(ComparisonMatrix.build(items, links, MatrixFilter.COMMON)).hasSize(1);
        assertThat(ComparisonMatrix.build(items, links, MatrixFilter.onlyIn("B")))
                .extracting(line -> line.byFramework().get("B").get(0).code()).containsExactly("B2");
        assertThat(ComparisonMatrix.build(items, links, MatrixFilter.onlyIn("C"))).isEmpty();
    }

    @Test
    void aProposalReadsVeryCloseFromThirtyFiveCloseFromTwentyFiveAndToCheckBelow() {
        assertThat(ProposalLevel.of(41.5)).isEqualTo(ProposalLevel.VERY_CLOSE);
        assertThat(ProposalLevel.of(35)).isEqualTo(ProposalLevel.VERY_CLOSE);
        assertThat(ProposalLevel.of(34.99)).isEqualTo(ProposalLevel.CLOSE);
        assertThat(ProposalLevel.of(25)).isEqualTo(ProposalLevel.CLOSE);
        assertThat(ProposalLevel.of(24.99)).isEqualTo(ProposalLevel.TO_CHECK);
        assertThat(ProposalLevel.of(0)).isEqualTo(ProposalLevel.TO_CHECK);
        assertThat(ProposalLevel.CLOSE.label()).isEqualTo("proche");
    }

    @Test
    void anEmptyMatrixSaysWhetherNothingIsConfirmedNothingJoinsEveryReferentialOrEverythingOfOneIsShared() {
        Map<String, List<Cell>> items = new LinkedHashMap<>();
        items.put("A", List.of(new Cell("A1", "x")));
        items.put("B", List.of(new Cell("B1", "y")));
        items.put("C", List.of(new Cell("C1", "z")));
        List<String> abc = List.of("A", "B", "C");
        List<Line> unlinked = ComparisonMatrix.build(items, List.of(), MatrixFilter.ALL);
        assertThat(ComparisonMatrix.whyEmpty(MatrixFilter.COMMON, abc, unlinked, 0))
                .contains("aucune association entre eux n'a encore été confirmée");
        List<Line> ab = ComparisonMatrix.build(items, List.<ItemRef[]>of(new ItemRef[] {new ItemRef("A", "A1"),
                new ItemRef("B", "B1")}), MatrixFilter.ALL);
        assertThat(ComparisonMatrix.whyEmpty(MatrixFilter.COMMON, abc, ab, 1))
                .isEqualTo("Aucune ligne ne réunit une compétence de chacun des 3 référentiels : l'association "
                        + "confirmée n'en relie que certains.");
        assertThat(ComparisonMatrix.whyEmpty(MatrixFilter.onlyIn("A"), abc, ab, 1))
                .startsWith("Rien n'est propre à A : chacune de ses compétences");
        Map<String, List<Cell>> withEmpty = new LinkedHashMap<>(items);
        withEmpty.put("D", List.of());
        assertThat(ComparisonMatrix.whyEmpty(MatrixFilter.onlyIn("D"), List.of("A", "B", "C", "D"),
                ComparisonMatrix.build(withEmpty, List.of(), MatrixFilter.ALL), 0))
                .isEqualTo("D n'a ni compétence ni élément à comparer.");
        assertThat(ComparisonMatrix.whyEmpty(MatrixFilter.ALL, abc, List.of(), 0)).contains("ni compétence ni élément");
    }

    @Test
    void anItemsContextIsItsParentsTextsNearestFirstAndItsCriteriaElseItsParentsCriteria() {
        ItemContext context = new ItemContext(List.of(
                row("F1", ItemType.FUNCTION, "Pilotage", null),
                row("B1", ItemType.BLOCK, "Montage et suivi", "F1"),
                row("B1-CR1", ItemType.CRITERION, "Les financements sont listés", "B1"),
                row("B1-T1", ItemType.TASK, "Information des candidats", "B1"),
                row("1.1", ItemType.COMPETENCY, "Informer des candidats", "B1"),
                row("1.2", ItemType.COMPETENCY, "Recruter", "B1"),
                row("1.2-CR1", ItemType.CRITERION, "Le recrutement est planifié", "1.2"),
                row("1.2-CR2", ItemType.CRITERION, "Les exigences sont respectées", "1.2")));
        assertThat(context.parents("1.1")).isEqualTo("Montage et suivi Pilotage");
        assertThat(context.parents("F1")).isEmpty();
        assertThat(context.parents("inconnu")).isEmpty();
        assertThat(context.criteria("1.2")).isEqualTo("Le recrutement est planifié Les exigences sont respectées");
        assertThat(context.criteria("1.1")).isEqualTo("Les financements sont listés");
        assertThat(context.criteria("F1")).isEmpty();
        assertThat(context.origin(row("1.1", ItemType.COMPETENCY, "Informer des candidats", "B1")))
                .isEqualTo(new SimilarItems.Origin("Informer des candidats", "Montage et suivi Pilotage",
                        "Les financements sont listés"));
    }

    private static ItemRow row(String code, ItemType type, String text, String parent) {
        return new ItemRow(code, type, type.name(), text, parent, 0, null, null);
    }
}
