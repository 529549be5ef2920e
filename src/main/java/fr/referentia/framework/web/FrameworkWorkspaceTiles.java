package fr.referentia.framework.web;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.shared.web.WorkspacePerson;
import fr.referentia.shared.web.WorkspaceTile;
import fr.referentia.shared.web.WorkspaceTiles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The referentials for everyone; drafts and imports for the branch administrator, who authors them. */
@Component
class FrameworkWorkspaceTiles implements WorkspaceTiles {

    private final FrameworkCatalog catalog;

    FrameworkWorkspaceTiles(FrameworkCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<WorkspaceTile> tilesFor(WorkspacePerson person) {
        List<WorkspaceTile> tiles = new ArrayList<>();
        if (person.has("BRANCH_ADMIN")) {
            int drafts = catalog.unpublished().size();
            tiles.add(WorkspaceTile.link(11, "Brouillons", drafts == 0
                    ? "Aucun référentiel en attente de publication. Créez-en un, ou ouvrez une nouvelle version "
                            + "depuis la page d'un référentiel."
                    : drafts + (drafts == 1 ? " référentiel attend" : " référentiels attendent")
                            + " d'être relus et publiés.", "/#redaction", "Voir les brouillons"));
            tiles.add(WorkspaceTile.link(12, "Importer un référentiel", "Un fichier JSON, CASE, XLSX ou CSV : "
                    + "tout est vérifié avant d'être importé.", "/referentiels/import", "Importer"));
        }
        tiles.add(WorkspaceTile.link(50, "Référentiels", catalog.currentVersionLabels().size() + " référentiels publiés de la "
                + "branche : parcourez-les, cherchez une compétence, téléchargez-les.", "/", "Parcourir les référentiels"));
        return tiles;
    }
}
