package fr.referentia.search.judged;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.search.FrenchAnalysis;
import fr.referentia.search.comparison.ProposalLevel;
import fr.referentia.search.judged.Judgements.JudgedOrigin;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The words a reviewer reads beside a proposal (« très proche », « proche », « à vérifier ») say how often such a
 * proposal is a counterpart: read on the tuning half of the judged pairs with the production scoring (an in-memory
 * index of the seeds, no database). When the scoring changes, its bounds in {@link ProposalLevel} are read again.
 */
class ProposalLevelsTest {

    @Test
    void eachLevelHoldsCounterpartsMoreOftenThanTheOneBelowIt() throws Exception {
        Map<ProposalLevel, int[]> counts = new EnumMap<>(ProposalLevel.class);
        try (AnalysisCandidates candidates = new AnalysisCandidates(FrenchAnalysis.CHOSEN)) {
            var proposals = candidates.productionProposals(Judgements.tuning());
            for (JudgedOrigin origin : Judgements.tuning()) {
                for (var proposal : proposals.get(AnalysisCandidates.key(origin))) {
                    int[] count = counts.computeIfAbsent(ProposalLevel.of(proposal.score()), k -> new int[2]);
                    count[0]++;
                    if (origin.exact().contains(proposal.code()) || origin.related().contains(proposal.code())) {
                        count[1]++;
                    }
                }
            }
        }
        Map<ProposalLevel, Double> share = new EnumMap<>(ProposalLevel.class);
        counts.forEach((level, count) -> share.put(level, (double) count[1] / count[0]));
        counts.forEach((level, count) -> System.out.printf("%s: %d proposals, %.0f %% counterparts%n", level.label(),
                count[0], 100 * share.get(level)));
        assertThat(counts.keySet()).containsExactly(ProposalLevel.values());
        assertThat(share.get(ProposalLevel.VERY_CLOSE)).isGreaterThanOrEqualTo(0.7);
        assertThat(share.get(ProposalLevel.CLOSE)).isGreaterThanOrEqualTo(0.4).isLessThan(share.get(ProposalLevel.VERY_CLOSE));
        assertThat(share.get(ProposalLevel.TO_CHECK)).isLessThan(share.get(ProposalLevel.CLOSE));
    }
}
