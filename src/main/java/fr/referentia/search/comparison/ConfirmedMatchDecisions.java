package fr.referentia.search.comparison;

import fr.referentia.search.ConfirmedMatches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ConfirmedMatches} from the reviewers' decisions ({@code cross_association}, CONFIRMED only). */
@Service
@Transactional(readOnly = true)
class ConfirmedMatchDecisions implements ConfirmedMatches {

    private final CrossAssociationRepository associations;

    ConfirmedMatchDecisions(CrossAssociationRepository associations) {
        this.associations = associations;
    }

    @Override
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
