package fr.referentia.workforce.gap.web;

import fr.referentia.shared.web.WorkspacePerson;
import fr.referentia.shared.web.WorkspaceTile;
import fr.referentia.shared.web.WorkspaceTiles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Gap analyses, heat maps and plans on the workspace: HR's heat map and draft plan, each person's own gap and
 * plan, the observatory's aggregated heat maps.
 */
@Component
class GapWorkspaceTiles implements WorkspaceTiles {

    @Override
    public List<WorkspaceTile> tilesFor(WorkspacePerson person) {
        List<WorkspaceTile> tiles = new ArrayList<>();
        for (WorkspacePerson.Grant grant : person.grantsOf("ORG_HR")) {
            tiles.add(WorkspaceTile.link(14, "Cartographie des compétences",
                    "La couverture des compétences requises, équipe par équipe, et les écarts les plus fréquents.",
                    "/gpec/organismes/" + grant.organisationId() + "/cartographie", "Voir la cartographie"));
            tiles.add(WorkspaceTile.link(15, "Plan de développement des compétences",
                    "Le projet de plan établi à partir des écarts, à exporter en XLSX.",
                    "/gpec/organismes/" + grant.organisationId() + "/plan-de-developpement", "Voir le projet de plan"));
        }
        if (person.hasAny("EMPLOYEE", "MANAGER")) {
            tiles.add(WorkspaceTile.link(13, "Mes écarts de compétences",
                    "Votre niveau face à votre fiche de poste ou à une certification, et les prochaines étapes (formation, VAE).",
                    "/gpec/mes-ecarts", "Voir mes écarts"));
            tiles.add(WorkspaceTile.link(17, "Mon plan de développement",
                    "Vos actions de formation, de tutorat, de mentorat, de VAE ou de mobilité, et leur avancement.",
                    "/gpec/mon-plan-de-developpement", "Voir mon plan"));
        }
        if (person.has("OBSERVER")) {
            tiles.add(WorkspaceTile.link(20, "Cartographies des compétences",
                    "La couverture des compétences des organismes, en agrégats soumis au secret statistique.",
                    "/gpec/observatoire", "Voir les cartographies"));
        }
        return tiles;
    }
}
