package fr.referentia.search.judged;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkItem;
import fr.referentia.framework.FrameworkViews.ItemRow;
import fr.referentia.search.FrameworkSearch;
import fr.referentia.search.SearchQuery;
import fr.referentia.search.comparison.Comparisons;
import fr.referentia.search.comparison.ItemContext;
import fr.referentia.search.comparison.ProposalBatch;
import fr.referentia.search.comparison.ProposalRanking;
import fr.referentia.search.comparison.SimilarItems;
import fr.referentia.search.judged.Judgements.ComparisonScores;
import fr.referentia.search.judged.Judgements.JudgedOrigin;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Floors on the judged sets of issue 11, through the application itself (Hibernate Search index,
 * {@link FrameworkSearch}, {@link Comparisons}): slightly below the levels measured with the chosen
 * analysis (docs/performance.md), so that a regression of the analysis, the search or the scoring fails.
 * Items of referentials other than the four seeds (made by other tests) are left out of the rankings.
 */
@IntegrationTest
class JudgedSetsTest {

    // Measured with the chosen analysis on the seeds: nDCG@10 0.851–0.852, P@5 0.894 (see docs/performance.md);
    // In the whole suite P@5 read 0.886 (0.894 run alone), because term rarity comes from the whole index, into which test classes run
    // earlier in the same JVM import referentials of their own (CASE packages, copies of seeds), so one fifth hit moved.
    static final double NDCG_FLOOR = 0.85;
    static final double P5_FLOOR = 0.88;

    @Autowired
    FrameworkSearch search;

    @Autowired
    Comparisons comparisons;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void searchesTypedAsUsersWouldFindWhatTheyMean() {
        double[] scores = Judgements.searchScores(text -> search.search(new SearchQuery(text, null, null, 0, 40))
                .hits().stream().filter(hit -> Judgements.SEEDS.contains(hit.frameworkCode()))
                .map(hit -> hit.frameworkCode() + "/" + hit.itemCode()).limit(10).toList());
        System.out.printf("Judged searches (%d): nDCG@10 = %.3f, P@5 = %.3f%n", Judgements.queries().size(),
                scores[0], scores[1]);
        assertThat(scores[0]).isGreaterThanOrEqualTo(NDCG_FLOOR);
        assertThat(scores[1]).isGreaterThanOrEqualTo(P5_FLOOR);
    }

    @Test
    void proposalsBetweenEveryCertificationAndTheBranchFrameworkHoldTheirMeasuredLevel() {
        Map<String, double[]> floors = Map.of(
                // framework → {P@1, success@3} floors, measured minus a margin (docs/performance.md)
                "TITRE-PILOTAGE-DISPOSITIFS", FLOORS_TITRE,
                "CQP-GESTIONNAIRE-DISPOSITIFS", FLOORS_GESTIONNAIRE,
                "CQP-CONSEILLER-COMMERCIAL", FLOORS_COMMERCIAL);
        List<JudgedOrigin> pairs = Judgements.pairs();
        Map<String, List<String>> everyProposal = new HashMap<>();
        for (var floor : floors.entrySet()) {
            String framework = floor.getKey();
            Map<String, List<String>> proposed = new HashMap<>();
            comparisons.proposals(List.of(framework, Judgements.RAC), 3).items().forEach(item -> proposed.put(
                    item.code(), item.proposals().stream().map(Comparisons.Proposal::code).toList()));
            proposed.forEach((code, codes) -> everyProposal.put(framework + "/" + code, codes));
            List<JudgedOrigin> judged = pairs.stream().filter(p -> p.framework().equals(framework)).toList();
            ComparisonScores scores = Judgements.comparisonScores(judged, o -> proposed.getOrDefault(o.code(), List.of()));
            System.out.printf("Judged comparison %s → %s: %s%n", framework, Judgements.RAC, scores.row());
            assertThat(scores.p1()).as(framework + " P@1").isGreaterThanOrEqualTo(floor.getValue()[0]);
            assertThat(scores.success3()).as(framework + " success@3").isGreaterThanOrEqualTo(floor.getValue()[1]);
        }
        ComparisonScores heldOut = Judgements.comparisonScores(Judgements.heldOut(),
                o -> everyProposal.getOrDefault(o.framework() + "/" + o.code(), List.of()));
        System.out.printf("Judged comparison, held-out half → %s: %s%n", Judgements.RAC, heldOut.row());
        assertThat(heldOut.p1()).as("held-out P@1").isGreaterThanOrEqualTo(FLOORS_HELD_OUT[0]);
        assertThat(heldOut.success3()).as("held-out success@3").isGreaterThanOrEqualTo(FLOORS_HELD_OUT[1]);
    }

    /**
     * The second, blind set ({@link Judgements#pairs2()}: tasks, activities and criteria, which the application
     * does not compare): each origin queried as {@link Comparisons#propose} queries a compared item (its text,
     * parents and criteria through {@link ItemContext}, the production {@link SimilarItems.Options}, the RAC's
     * competencies as candidates, three proposals).
     */
    @Test
    void proposalsForTheBlindSecondSetHoldTheirMeasuredLevel() throws IOException {
        List<JudgedOrigin> pairs = Judgements.pairs2();
        Map<String, String> typeOf = new HashMap<>();
        Map<String, List<String>> proposed = blindProposals(pairs, SimilarItems.Options.PRODUCTION, typeOf);
        List<ComparisonScores> measured = new ArrayList<>();
        for (var floor : BLIND_FLOORS.entrySet()) {
            List<JudgedOrigin> judged = pairs.stream().filter(p -> p.framework().equals(floor.getKey())).toList();
            ComparisonScores scores = Judgements.comparisonScores(judged,
                    o -> proposed.get(o.framework() + "/" + o.code()));
            System.out.printf("Blind judged comparison %s → %s: %s%n", floor.getKey(), Judgements.RAC, scores.row());
            measured.add(scores);
            assertThat(scores.p1()).as(floor.getKey() + " P@1").isGreaterThanOrEqualTo(floor.getValue()[0]);
            assertThat(scores.success3()).as(floor.getKey() + " success@3")
                    .isGreaterThanOrEqualTo(floor.getValue()[1]);
        }
        pairs.stream().collect(Collectors.groupingBy(o -> o.framework() + " " + typeOf.get(o.framework() + "/" + o.code()),
                java.util.TreeMap::new, Collectors.toList())).forEach((kind, judged) -> System.out.printf(
                        "Blind judged comparison, %s → %s: %s%n", kind, Judgements.RAC, Judgements.comparisonScores(
                                judged, o -> proposed.get(o.framework() + "/" + o.code())).row()));
        ComparisonScores all = Judgements.comparisonScores(pairs, o -> proposed.get(o.framework() + "/" + o.code()));
        System.out.printf("Blind judged comparison, all → %s: %s%n", Judgements.RAC, all.row());
        assertThat(all.p1()).as("overall P@1").isGreaterThanOrEqualTo(BLIND_FLOORS_ALL[0]);
        assertThat(all.success3()).as("overall success@3").isGreaterThanOrEqualTo(BLIND_FLOORS_ALL[1]);
        assertThat(measured).hasSize(3);
        // For the record (no floor): the scorings before the re-ranking, on the same origins.
        for (var earlier : Map.of("BM25 + main clause", SimilarItems.Options.BM25_MAIN_CLAUSE,
                "issue 4", SimilarItems.Options.ISSUE_4).entrySet()) {
            Map<String, List<String>> before = blindProposals(pairs, earlier.getValue(), new HashMap<>());
            pairs.stream().collect(Collectors.groupingBy(JudgedOrigin::framework, java.util.TreeMap::new,
                    Collectors.toList())).forEach((framework, judged) -> System.out.printf(
                            "Blind judged comparison (%s) %s → %s: %s%n", earlier.getKey(), framework, Judgements.RAC,
                            Judgements.comparisonScores(judged, o -> before.get(o.framework() + "/" + o.code())).row()));
            System.out.printf("Blind judged comparison (%s), all → %s: %s%n", earlier.getKey(), Judgements.RAC,
                    Judgements.comparisonScores(pairs, o -> before.get(o.framework() + "/" + o.code())).row());
        }
    }

    /** The first three proposals among the RAC's competencies for each origin, as {@link Comparisons#propose} makes them. */
    private Map<String, List<String>> blindProposals(List<JudgedOrigin> pairs, SimilarItems.Options options,
            Map<String, String> typeOf) throws IOException {
        Map<String, List<String>> proposed = new HashMap<>();
        List<ItemRow> racRows = catalog.items(Judgements.RAC, null);
        Set<String> candidates = racRows.stream().filter(row -> Comparisons.COMPARED.contains(row.type()))
                .map(ItemRow::code).collect(Collectors.toSet());
        Set<String> types = Comparisons.COMPARED.stream().map(Enum::name).collect(Collectors.toSet());
        SearchMapping mapping = Search.mapping(entityManagerFactory);
        LuceneIndexManager index = mapping.indexManager("framework_item").unwrap(LuceneIndexManager.class);
        try (IndexReader reader = mapping.scope(FrameworkItem.class).extension(LuceneExtension.get())
                .openIndexReader()) {
            SimilarItems similar = new SimilarItems(reader, index.searchAnalyzer(), options);
            SimilarItems.Destination among = similar.among(Judgements.RAC, catalog.summary(Judgements.RAC).version(),
                    types, new ItemContext(racRows)::parents);
            for (String framework : BLIND_FLOORS.keySet()) {
                List<ItemRow> rows = catalog.items(framework, null);
                ItemContext context = new ItemContext(rows);
                Map<String, ItemRow> byCode = rows.stream().collect(Collectors.toMap(ItemRow::code, Function.identity()));
                List<JudgedOrigin> judged = pairs.stream().filter(p -> p.framework().equals(framework)).toList();
                assertThat(judged).allSatisfy(o -> assertThat(byCode).as("imported item").containsKey(o.code()));
                List<List<ProposalRanking.Candidate>> found = ProposalBatch.runOrigins(among,
                        judged.stream().map(o -> context.origin(byCode.get(o.code()))).toList(), 3, candidates,
                        Runnable::run, () -> { });
                for (int k = 0; k < judged.size(); k++) {
                    proposed.put(framework + "/" + judged.get(k).code(),
                            found.get(k).stream().map(ProposalRanking.Candidate::code).toList());
                    typeOf.put(framework + "/" + judged.get(k).code(), byCode.get(judged.get(k).code()).type().name());
                }
            }
        }
        return proposed;
    }

    // Measured with the chosen analysis and the re-ranked scoring with the words cut to 5 letters (P@1 / success@3):
    // Titre 0.568 / 0.571, CQP Gestionnaire 0.619 / 0.786, CQP Conseiller commercial 0.789 / 0.929, held-out half
    // 0.595 / 0.643 (without the cut words: 0.486 / 0.536, 0.571 / 0.714, 0.842 / 0.929, 0.486 / 0.571; BM25 alone:
    // 0.351 / 0.429, 0.524 / 0.571, 0.737 / 0.714, 0.459 / 0.429; before issue 11: 0.378 / 0.357, 0.238 / 0.357,
    // 0.579 / 0.643). The scoring is deterministic: the floors are the measured levels cut to two decimals. Below
    // the targets of issue 11 (0.65 / 0.65) but for success@3 on two referentials: see docs/performance.md.
    static final double[] FLOORS_TITRE = {0.56, 0.57};
    static final double[] FLOORS_GESTIONNAIRE = {0.61, 0.78};
    static final double[] FLOORS_COMMERCIAL = {0.78, 0.92};
    static final double[] FLOORS_HELD_OUT = {0.59, 0.64};

    // The blind second set (P@1 / success@3), measured once the set was committed (2026-12-03, production scoring):
    // Titre 0.444 / 0.455, CQP Gestionnaire 0.500 / 0.652, CQP Conseiller commercial 0.739 / 0.833, all 98 0.538 /
    // 0.635; then with the words cut to 5 letters (chosen on the held-out half, measured here once): Titre 0.500 /
    // 0.500, CQP Gestionnaire 0.441 / 0.652, CQP Conseiller commercial 0.739 / 0.833, all 98 0.538 / 0.651
    // (docs/performance.md): two first proposals moved from the CQP Gestionnaire to the Titre. Floors about one
    // origin below, so that a change of the scoring that loses on pairs nobody tuned on fails; do not tune on this
    // set to pass them (that would make it a tuning set).
    static final Map<String, double[]> BLIND_FLOORS = Map.of(
            "TITRE-PILOTAGE-DISPOSITIFS", new double[] {0.47, 0.45},
            "CQP-GESTIONNAIRE-DISPOSITIFS", new double[] {0.41, 0.60},
            "CQP-CONSEILLER-COMMERCIAL", new double[] {0.69, 0.77});
    static final double[] BLIND_FLOORS_ALL = {0.52, 0.63};
}
