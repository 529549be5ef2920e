package fr.referentia.workforce.interview.web;

import fr.referentia.workforce.interview.CareerInterviews;
import fr.referentia.shared.web.WorkspacePerson;
import fr.referentia.shared.web.WorkspaceTile;
import fr.referentia.shared.web.WorkspaceTiles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Career interviews on the workspace: what is overdue for HR, their own interviews for employees and managers. */
@Component
class CareerInterviewWorkspaceTiles implements WorkspaceTiles {

    private final CareerInterviews interviews;

    CareerInterviewWorkspaceTiles(CareerInterviews interviews) {
        this.interviews = interviews;
    }

    @Override
    public List<WorkspaceTile> tilesFor(WorkspacePerson person) {
        List<WorkspaceTile> tiles = new ArrayList<>();
        for (WorkspacePerson.Grant grant : person.grantsOf("ORG_HR")) {
            var due = interviews.due(person.email(), grant.organisationId());
            int overdue = due.overdue().size();
            tiles.add(WorkspaceTile.link(16, "Entretiens de parcours professionnel", overdue == 0
                    ? due.upcoming().size() + " entretien(s) à prévoir dans les prochains mois, aucun en retard."
                    : overdue + " entretien(s) en retard : planifiez-les, puis enregistrez-les et remettez leur copie.",
                    "/organismes/" + grant.organisationId() + "/entretiens-professionnels", "Voir les entretiens"));
        }
        if (person.hasAny("EMPLOYEE", "MANAGER") && !person.has("ORG_HR")) {
            tiles.add(WorkspaceTile.link(18, "Mes entretiens de parcours professionnel",
                    "Vos entretiens tenus, leur copie écrite et les prochains prévus.",
                    "/mes-entretiens-professionnels", "Voir mes entretiens"));
        }
        return tiles;
    }
}
