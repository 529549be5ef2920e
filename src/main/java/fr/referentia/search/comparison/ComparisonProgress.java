package fr.referentia.search.comparison;

/** Told, as a comparison goes, how many origin items have their proposals, out of how many. */
@FunctionalInterface
public interface ComparisonProgress {

    ComparisonProgress NONE = (done, total) -> { };

    void advanced(int done, int total);
}
