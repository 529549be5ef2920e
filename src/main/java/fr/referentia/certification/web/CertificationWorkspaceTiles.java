package fr.referentia.certification.web;

import fr.referentia.account.Role;
import fr.referentia.certification.Accreditations;
import fr.referentia.shared.web.WorkspacePerson;
import fr.referentia.shared.web.WorkspaceTile;
import fr.referentia.shared.web.WorkspaceTiles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The certification module's tiles: the accreditations expiring soon for the certification office (and the
 * branch administrator), their own accreditations for assessors.
 */
@Component
class CertificationWorkspaceTiles implements WorkspaceTiles {

    private final Accreditations accreditations;

    CertificationWorkspaceTiles(Accreditations accreditations) {
        this.accreditations = accreditations;
    }

    @Override
    public List<WorkspaceTile> tilesFor(WorkspacePerson person) {
        List<WorkspaceTile> tiles = new ArrayList<>();
        if (person.hasAny(Role.CERTIFICATION_OFFICE.name(), Role.BRANCH_ADMIN.name())) {
            int expiring = accreditations.overview(person.email(), null).expiringSoon().size();
            tiles.add(WorkspaceTile.link(person.has(Role.CERTIFICATION_OFFICE.name()) ? 10 : 33,
                    "Habilitations des évaluateurs", expiring == 0
                            ? "Aucune habilitation n'expire dans les 60 jours. Enregistrez une nouvelle habilitation."
                            : expiring + (expiring == 1 ? " habilitation expire" : " habilitations expirent")
                                    + " dans les 60 jours : renouvelez-les.",
                    "/certification/habilitations", "Voir les habilitations"));
        }
        if (person.has(Role.ASSESSOR.name())) {
            int mine = accreditations.mine(person.email()).size();
            tiles.add(WorkspaceTile.link(10, "Mes habilitations", mine == 0
                    ? "Vous n'avez pas encore d'habilitation enregistrée : le secrétariat de certification l'enregistre."
                    : "Vos " + mine + " habilitation(s), leurs certifications et leurs dates de validité.",
                    "/mes-habilitations", "Voir mes habilitations"));
        }
        return tiles;
    }
}
