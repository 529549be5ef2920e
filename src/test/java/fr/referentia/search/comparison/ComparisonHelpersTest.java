package fr.referentia.search.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.search.comparison.ComparisonMatrix.Cell;
import fr.referentia.search.comparison.ComparisonMatrix.Line;
import fr.referentia.search.comparison.ProposalRanking.Candidate;
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
}
