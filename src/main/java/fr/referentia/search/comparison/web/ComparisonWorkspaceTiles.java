package fr.referentia.search.comparison.web;

import fr.referentia.shared.web.WorkspacePerson;
import fr.referentia.shared.web.WorkspaceTile;
import fr.referentia.shared.web.WorkspaceTiles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Comparisons of referentials: the observatory reads them, the branch administrator decides the matches. */
@Component
class ComparisonWorkspaceTiles implements WorkspaceTiles {

    @Override
    public List<WorkspaceTile> tilesFor(WorkspacePerson person) {
        if (person.has("OBSERVER")) {
            return List.of(WorkspaceTile.link(10, "Comparaisons de référentiels", "Les compétences communes à "
                    + "plusieurs référentiels et celles propres à chacun : choisissez deux ou trois référentiels.",
                    "/comparaisons", "Comparer des référentiels"));
        }
        if (person.has("BRANCH_ADMIN")) {
            return List.of(WorkspaceTile.link(13, "Comparaisons de référentiels", "Confirmez ou rejetez les "
                    + "correspondances proposées entre référentiels ; exportez la matrice.", "/comparaisons",
                    "Comparer des référentiels"));
        }
        return List.of();
    }
}
