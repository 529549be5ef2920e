package fr.referentia.search.comparison;

/**
 * How close a proposal is, in words a reviewer understands, from its score (the re-ranked score of
 * {@link SimilarItems.Options#PRODUCTION}). The bounds were read on the tuning half of the judged pairs
 * (docs/performance.md): from 35, 77 % of the first three proposals there were counterparts (86 % on the
 * held-out half); from 25, about half (36 %); below, about a quarter.
 */
public enum ProposalLevel {
    VERY_CLOSE("très proche"),
    CLOSE("proche"),
    TO_CHECK("à vérifier");

    static final double VERY_CLOSE_FROM = 35;
    static final double CLOSE_FROM = 25;

    private final String label;

    ProposalLevel(String label) {
        this.label = label;
    }

    public static ProposalLevel of(double score) {
        if (score >= VERY_CLOSE_FROM) {
            return VERY_CLOSE;
        }
        return score >= CLOSE_FROM ? CLOSE : TO_CHECK;
    }

    public String label() {
        return label;
    }
}
