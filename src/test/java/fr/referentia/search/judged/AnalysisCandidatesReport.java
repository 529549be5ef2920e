package fr.referentia.search.judged;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.search.FrenchAnalysis;
import fr.referentia.search.judged.AnalysisCandidates.ComparisonMode;
import fr.referentia.search.judged.AnalysisCandidates.SearchMode;
import fr.referentia.search.judged.Judgements.ComparisonScores;
import fr.referentia.search.judged.Judgements.JudgedOrigin;
import fr.referentia.search.comparison.SimilarItems;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluation harness of issue 11: prints nDCG@10 and P@5 of every candidate search, and P@1 and
 * success@3 per referential of every candidate comparison, on the judged sets (a table pasted into
 * docs/performance.md). Run it alone:
 * {@code ./mvnw -q -B -o test -Dtest=AnalysisCandidatesReport -Dsurefire.failIfNoSpecifiedTests=false}.
 * It needs no database (an in-memory index of the four seeds per analysis, a few seconds).
 */
class AnalysisCandidatesReport {

    @Test
    void theChosenAnalysisSearchAndScoringBeatEveryOtherCandidateOnTheJudgedSets() throws Exception {
        List<JudgedOrigin> pairs = Judgements.pairs();
        Map<String, List<JudgedOrigin>> sets = new java.util.LinkedHashMap<>();
        for (String framework : List.of("TITRE-PILOTAGE-DISPOSITIFS", "CQP-GESTIONNAIRE-DISPOSITIFS",
                "CQP-CONSEILLER-COMMERCIAL")) {
            sets.put(framework, pairs.stream().filter(p -> p.framework().equals(framework)).toList());
        }
        sets.put("all 79 new", pairs);
        sets.put("tuning half", Judgements.tuning());
        sets.put("held-out half", Judgements.heldOut());
        sets.put("issue 4's 26 (CQP commercial)", Judgements.issue4Pairs());

        StringBuilder search = new StringBuilder("| analysis | search | nDCG@10 | P@5 |\n|---|---|---|---|\n");
        StringBuilder comparison = new StringBuilder(
                "| analysis | scoring | referential | origins (with a counterpart / an exact one) | P@1 | success@3 |\n"
                        + "|---|---|---|---|---|---|\n");
        Map<FrenchAnalysis.Variant, Map<SearchMode, double[]>> searchScores = new EnumMap<>(FrenchAnalysis.Variant.class);
        Map<FrenchAnalysis.Variant, Map<ComparisonMode, ComparisonScores>> allNew = new EnumMap<>(FrenchAnalysis.Variant.class);
        for (FrenchAnalysis.Variant variant : FrenchAnalysis.Variant.values()) {
            try (AnalysisCandidates candidates = new AnalysisCandidates(variant)) {
                for (SearchMode mode : SearchMode.values()) {
                    double[] scores = Judgements.searchScores(text -> candidates.search(text, mode));
                    searchScores.computeIfAbsent(variant, k -> new EnumMap<>(SearchMode.class)).put(mode, scores);
                    search.append(String.format("| %s | %s | %.3f | %.3f |%n", variant, mode, scores[0], scores[1]));
                }
                for (ComparisonMode mode : ComparisonMode.values()) {
                    for (var set : sets.entrySet()) {
                        ComparisonScores scores = candidates.compare(set.getValue(), mode);
                        if (set.getKey().equals("all 79 new")) {
                            allNew.computeIfAbsent(variant, k -> new EnumMap<>(ComparisonMode.class)).put(mode, scores);
                        }
                        comparison.append(String.format("| %s | %s | %s | %s |%n", variant, mode, set.getKey(),
                                scores.row()));
                    }
                }
            }
        }
        System.out.println("== Search candidates (" + Judgements.queries().size() + " judged queries)\n" + search);
        System.out.println("== Comparison candidates (judged pairs against " + Judgements.RAC + ")\n" + comparison);

        double[] before = searchScores.get(FrenchAnalysis.Variant.LIGHT).get(SearchMode.ALL_THEN_ANY);
        double[] chosen = searchScores.get(FrenchAnalysis.CHOSEN).get(SearchMode.CONCEPTS_SYNONYMS);
        assertThat(chosen[0]).isGreaterThan(before[0]);
        ComparisonScores oldScoring = allNew.get(FrenchAnalysis.Variant.LIGHT).get(ComparisonMode.ISSUE_4);
        ComparisonScores newScoring = allNew.get(FrenchAnalysis.CHOSEN)
                .get(ComparisonMode.LOCAL_ALL_MAIN_CLAUSE);
        assertThat(newScoring.p1()).isGreaterThan(oldScoring.p1());
    }

    @Test
    void theShippedRerankingWeightsAreThoseFittedOnTheTuningHalfAloneAndTheyGainOnTheHeldOutHalf() throws Exception {
        try (AnalysisCandidates candidates = new AnalysisCandidates(FrenchAnalysis.CHOSEN)) {
            List<JudgedOrigin> fitOn = new java.util.ArrayList<>(Judgements.tuning());
            fitOn.addAll(Judgements.issue4Pairs());
            List<JudgedOrigin> all = new java.util.ArrayList<>(Judgements.pairs());
            all.addAll(Judgements.issue4Pairs());
            RerankFit fit = new RerankFit(candidates.scored(all, SimilarItems.Rerank.FITTED.depth()));
            double[] weights = fit.fit(fitOn);
            double[] bm25 = new double[weights.length];
            bm25[0] = 1;
            System.out.println("== Re-ranking fitted on the tuning half + issue 4's pairs: " + Arrays.toString(weights)
                    + " for " + SimilarItems.FEATURES);
            for (var set : Map.of("tuning", Judgements.tuning(), "held-out", Judgements.heldOut(), "issue 4",
                    Judgements.issue4Pairs()).entrySet()) {
                System.out.printf("%s: BM25 alone %s, fitted %s%n", set.getKey(), fit.scores(bm25, set.getValue()).row(),
                        fit.scores(weights, set.getValue()).row());
            }
            assertThat(weights).containsExactly(SimilarItems.Rerank.FITTED.weights());
            ComparisonScores before = fit.scores(bm25, Judgements.heldOut());
            ComparisonScores after = fit.scores(weights, Judgements.heldOut());
            assertThat(after.p1()).isGreaterThan(before.p1());
            assertThat(after.success3()).isGreaterThan(before.success3());
        }
    }
}
