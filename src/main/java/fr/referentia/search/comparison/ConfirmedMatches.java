package fr.referentia.search.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The matches a branch administrator confirmed between items of different referentials (R14), for other
 * modules: e.g. the gap analysis to a certification reads a person's assessments of the branch framework's
 * competencies through them.
 */
@Service
@Transactional(readOnly = true)
public class ConfirmedMatches {

    private final CrossAssociationRepository associations;

    ConfirmedMatches(CrossAssociationRepository associations) {
        this.associations = associations;
    }

    /** An item of another referential confirmed as matching. */
    public record Match(String frameworkCode, String itemCode) {
    }

    /** For each item of the referential, the items of other referentials confirmed as matching it. */
    public Map<String, List<Match>> of(String frameworkCode) {
        Map<String, List<Match>> matches = new LinkedHashMap<>();
        for (CrossAssociation a : associations.findAll()) {
            if (a.decision() != Decision.CONFIRMED) {
                continue;
            }
            if (a.origin().framework().equals(frameworkCode) && !a.destination().framework().equals(frameworkCode)) {
                matches.computeIfAbsent(a.origin().code(), k -> new ArrayList<>())
                        .add(new Match(a.destination().framework(), a.destination().code()));
            } else if (a.destination().framework().equals(frameworkCode) && !a.origin().framework().equals(frameworkCode)) {
                matches.computeIfAbsent(a.destination().code(), k -> new ArrayList<>())
                        .add(new Match(a.origin().framework(), a.origin().code()));
            }
        }
        return matches;
    }
}
