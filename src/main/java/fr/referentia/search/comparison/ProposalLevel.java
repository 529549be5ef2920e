package fr.referentia.search.comparison;

/**
 * How close a proposal is, in words a reviewer understands, from its score (the re-ranked score of
 * {@link SimilarItems.Options#PRODUCTION}). The bounds were read on the tuning half of the judged pairs
 * (docs/performance.md): from 30, 88 % of the proposals there were counterparts (69 % on the held-out
 * half); from 20, half of them; below, about a third.
 */
public enum ProposalLevel {
    VERY_CLOSE("très proche"),
    CLOSE("proche"),
    TO_CHECK("à vérifier");

    static final double VERY_CLOSE_FROM = 30;
    static final double CLOSE_FROM = 20;

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
