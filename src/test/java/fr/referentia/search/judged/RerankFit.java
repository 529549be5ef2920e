package fr.referentia.search.judged;

import fr.referentia.search.comparison.SimilarItems;
import fr.referentia.search.judged.Judgements.ComparisonScores;
import fr.referentia.search.judged.Judgements.JudgedOrigin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fits the comparison's re-ranking weights ({@link SimilarItems.Rerank}) on judged origins: coordinate
 * ascent over the weights {0, ¼, ½, 1, 2, 4} of every feature but BM25 (fixed at 1), from BM25 alone and
 * from 19 random starts (seeded), maximising P@1 + success@3 + the mean reciprocal rank of the first
 * counterpart; on equal scores the smaller weights win. Only ever given the tuning half of the judged
 * pairs and issue 4's pairs: the held-out half measures the result.
 */
final class RerankFit {

    static final double[] GRID = {0, 0.25, 0.5, 1, 2, 4};
    static final int STARTS = 20;

    private final Map<String, List<SimilarItems.Scored>> scored;

    RerankFit(Map<String, List<SimilarItems.Scored>> scored) {
        this.scored = scored;
    }

    double[] fit(List<JudgedOrigin> origins) {
        int n = SimilarItems.FEATURES.size();
        Random random = new Random(11);
        double[] best = null;
        double bestObjective = Double.NEGATIVE_INFINITY;
        for (int start = 0; start < STARTS; start++) {
            double[] weights = new double[n];
            weights[0] = 1;
            for (int i = 1; i < n && start > 0; i++) {
                weights[i] = GRID[random.nextInt(GRID.length)];
            }
            double current = objective(weights, origins);
            boolean improved = true;
            while (improved) {
                improved = false;
                for (int i = 1; i < n; i++) {
                    for (double value : GRID) {
                        double old = weights[i];
                        weights[i] = value;
                        double tried = objective(weights, origins);
                        if (tried > current + 1e-9) {
                            current = tried;
                            improved = true;
                        } else {
                            weights[i] = old;
                        }
                    }
                }
            }
            if (current > bestObjective + 1e-9 || Math.abs(current - bestObjective) <= 1e-9
                    && Arrays.stream(weights).sum() < Arrays.stream(best).sum()) {
                bestObjective = current;
                best = weights.clone();
            }
        }
        return best;
    }

    /** P@1 and success@3 of the first three by these weights. */
    ComparisonScores scores(double[] weights, List<JudgedOrigin> origins) {
        return Judgements.comparisonScores(origins, origin -> ranked(weights, origin).stream().limit(3).toList());
    }

    private double objective(double[] weights, List<JudgedOrigin> origins) {
        ComparisonScores scores = scores(weights, origins);
        double reciprocal = 0;
        int counted = 0;
        for (JudgedOrigin origin : origins) {
            if (!origin.hasCounterpart()) {
                continue;
            }
            counted++;
            List<String> ranked = ranked(weights, origin);
            for (int i = 0; i < ranked.size(); i++) {
                if (origin.exact().contains(ranked.get(i)) || origin.related().contains(ranked.get(i))) {
                    reciprocal += 1.0 / (i + 1);
                    break;
                }
            }
        }
        return scores.p1() + scores.success3() + (counted == 0 ? 0 : reciprocal / counted);
    }

    private List<String> ranked(double[] weights, JudgedOrigin origin) {
        List<SimilarItems.Scored> candidates = new ArrayList<>(scored.get(AnalysisCandidates.key(origin)));
        candidates.sort(Comparator.comparingDouble((SimilarItems.Scored c) -> -dot(weights, c.features()))
                .thenComparing(SimilarItems.Scored::code));
        return candidates.stream().map(SimilarItems.Scored::code).toList();
    }

    private static double dot(double[] weights, double[] features) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * features[i];
        }
        return sum;
    }
}
