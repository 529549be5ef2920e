package fr.referentia.search;

import java.util.List;
import java.util.Map;

/**
 * The matches a branch administrator confirmed between items of different referentials (R14, the comparison of
 * referentials), for other modules: e.g. the gap analysis to a certification reads a person's assessments of the
 * branch framework's competencies through them.
 */
public interface ConfirmedMatches {

    /** An item of another referential confirmed as matching. */
    record Match(String frameworkCode, String itemCode) {
    }

    /** For each item of the referential, the items of other referentials confirmed as matching it. */
    Map<String, List<Match>> of(String frameworkCode);
}
