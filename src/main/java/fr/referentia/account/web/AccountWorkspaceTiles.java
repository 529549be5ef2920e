package fr.referentia.account.web;

import fr.referentia.account.Memberships;
import fr.referentia.account.Role;
import fr.referentia.shared.web.WorkspacePerson;
import fr.referentia.shared.web.WorkspaceTile;
import fr.referentia.shared.web.WorkspaceTiles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The account module's tiles: an organisation's people for its HR; organisations, accounts and the journal
 * for the branch administrator; invitations into organisations waiting for an answer; everyone's own data and tokens; and, for the roles whose work arrives with
 * later modules, what will appear (the module that brings it replaces the line).
 */
@Component
class AccountWorkspaceTiles implements WorkspaceTiles {

    private final Memberships memberships;

    AccountWorkspaceTiles(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public List<WorkspaceTile> tilesFor(WorkspacePerson person) {
        List<WorkspaceTile> tiles = new ArrayList<>();
        int invitations = memberships.openOf(person.email()).size();
        if (invitations > 0) {
            tiles.add(WorkspaceTile.link(5, "Invitations d'organismes", invitations == 1
                    ? "Un organisme vous invite à le rejoindre : acceptez ou refusez."
                    : invitations + " organismes vous invitent à les rejoindre : acceptez ou refusez.",
                    "/mon-compte/invitations", "Répondre"));
        }
        for (WorkspacePerson.Grant hr : person.grantsOf(Role.ORG_HR.name())) {
            tiles.add(WorkspaceTile.link(10, "Les personnes de votre organisme",
                    hr.organisationName() + " : invitez ses salariés et managers, un par un ou par fichier, "
                            + "changez leurs rôles, désactivez un compte.",
                    UriComponentsBuilder.fromPath("/organismes/{id}/personnes").buildAndExpand(hr.organisationId())
                            .toUriString(), "Gérer les personnes"));
        }
        if (person.has(Role.BRANCH_ADMIN.name())) {
            tiles.add(WorkspaceTile.link(30, "Organismes", "Les organismes de formation de la branche : "
                    + "créez-en un (SIRET) puis invitez sa personne RH.", "/admin/organismes", "Voir les organismes"));
            tiles.add(WorkspaceTile.link(31, "Comptes", "Tous les comptes : cherchez, "
                    + "changez les rôles, désactivez un compte, invitez une personne de la branche.", "/admin/comptes", "Gérer les comptes"));
            tiles.add(WorkspaceTile.link(32, "Journal", "Qui a fait quoi et quand : publications, imports, "
                    + "comptes ; exportable en CSV.", "/admin/journal", "Ouvrir le journal"));
        }
        if (person.has(Role.CANDIDATE.name())) {
            tiles.add(WorkspaceTile.upcoming(20, "Votre candidature", "Bientôt ici : votre demande de "
                    + "certification (VAE ou formation), votre dossier, vos preuves et l'avancement de votre parcours."));
        }
        if (person.has(Role.JURY_MEMBER.name())) {
            tiles.add(WorkspaceTile.upcoming(20, "Vos sessions de jury", "Bientôt ici : les sessions où vous "
                    + "siégez, les dossiers complets des candidats et l'enregistrement de la décision."));
        }
        tiles.add(WorkspaceTile.link(90, "Mes données", "Ce que Referentia garde à votre sujet : "
                + "consultez-le, téléchargez-le ou demandez son effacement.", "/mes-donnees", "Voir mes données"));
        tiles.add(WorkspaceTile.link(92, "Mot de passe", "Changez votre mot de passe : l'actuel est demandé, vos "
                + "autres sessions sont fermées.", "/mon-compte/mot-de-passe", "Changer mon mot de passe"));
        tiles.add(WorkspaceTile.link(93, "Mes sessions", "Les navigateurs où votre compte est connecté : fermez "
                + "celles que vous ne reconnaissez pas.", "/mon-compte/sessions", "Voir mes sessions"));
        tiles.add(WorkspaceTile.link(91, "Jetons d'API", "Pour un programme qui lit ou écrit à votre place : "
                + "créez un jeton personnel, révoquez-le à tout moment.", "/mon-compte/jetons", "Gérer mes jetons"));
        return tiles;
    }
}
