package fr.referentia.workforce.web;

import fr.referentia.account.Role;
import fr.referentia.shared.web.WorkspacePerson;
import fr.referentia.shared.web.WorkspaceTile;
import fr.referentia.shared.web.WorkspaceTiles;
import fr.referentia.workforce.Workforce;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The competency-management tiles: job profiles and teams for the organisation's HR, the team to assess for
 * a manager, their own competencies for every person of an organisation.
 */
@Component
class WorkforceWorkspaceTiles implements WorkspaceTiles {

    private final Workforce workforce;

    WorkforceWorkspaceTiles(Workforce workforce) {
        this.workforce = workforce;
    }

    @Override
    public List<WorkspaceTile> tilesFor(WorkspacePerson person) {
        List<WorkspaceTile> tiles = new ArrayList<>();
        for (WorkspacePerson.Grant hr : person.grantsOf(Role.ORG_HR.name())) {
            String base = "/gpec/organismes/" + hr.organisationId();
            int profiles = workforce.jobProfiles(hr.organisationId()).size();
            tiles.add(WorkspaceTile.link(20, "Fiches de poste", profiles == 0
                    ? "Aucune fiche de poste : créez-en une à partir des référentiels de la branche ou copiez un modèle."
                    : profiles + " fiche(s) de poste. Ajustez les compétences requises ou téléchargez-les.",
                    base + "/fiches-de-poste", "Voir les fiches de poste"));
            int teams = workforce.teams(hr.organisationId()).size();
            tiles.add(WorkspaceTile.link(21, "Équipes et postes", teams == 0
                    ? "Aucune équipe : créez les équipes avec leur manager, puis affectez chacun à son poste."
                    : teams + " équipe(s). Affectez chaque personne à son poste et à son équipe.",
                    base + "/equipes", "Voir les équipes"));
        }
        if (person.has(Role.MANAGER.name())) {
            tiles.add(WorkspaceTile.link(22, "Mon équipe",
                    "Évaluez les compétences des membres de votre équipe, à côté de leurs auto-évaluations.",
                    "/gpec/mon-equipe", "Voir mon équipe"));
        }
        if (person.hasAny(Role.EMPLOYEE.name(), Role.MANAGER.name(), Role.ORG_HR.name())) {
            tiles.add(WorkspaceTile.link(23, "Mes compétences",
                    "Auto-évaluez les compétences de votre poste et celles que vous voulez montrer, avec vos preuves.",
                    "/gpec/mes-competences", "Voir mes compétences"));
        }
        return tiles;
    }
}
