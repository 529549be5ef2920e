package fr.referentia.certification.web;

import fr.referentia.account.Role;
import fr.referentia.certification.Accreditations;
import fr.referentia.certification.ApplicationState;
import fr.referentia.certification.Applications;
import fr.referentia.certification.Applications.ApplicationView;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
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

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** States where the application is over: they do not count as « en cours ». */
    private static final Set<ApplicationState> CLOSED = EnumSet.of(ApplicationState.WITHDRAWN,
            ApplicationState.ARCHIVED, ApplicationState.DECIDED, ApplicationState.NOT_ADMISSIBLE);

    private final Accreditations accreditations;
    private final Applications applications;

    CertificationWorkspaceTiles(Accreditations accreditations, Applications applications) {
        this.accreditations = accreditations;
        this.applications = applications;
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
        if (person.has(Role.CERTIFICATION_OFFICE.name())) {
            tiles.add(queueTile(person));
        }
        if (person.has(Role.ORG_HR.name())) {
            tiles.add(organisationTile(person));
        }
        if (person.hasAny(Role.CANDIDATE.name(), Role.EMPLOYEE.name())) {
            tiles.add(candidateTile(person));
        }
        return tiles;
    }

    /** The office's queue: requests waiting for an admissibility decision, the oldest first, and the nearest deadline. */
    private WorkspaceTile queueTile(WorkspacePerson person) {
        Applications.QueueSummary queue = applications.queueSummary(person.email());
        String text;
        if (queue.waiting() == 0) {
            text = "Aucune demande de recevabilité en attente de décision.";
        } else {
            String deadline = queue.nearestDeadline() == null ? ""
                    : " ; prochaine échéance le " + queue.nearestDeadline().format(DAY);
            text = queue.waiting() + (queue.waiting() == 1 ? " demande attend" : " demandes attendent")
                    + " votre décision de recevabilité ; la plus ancienne depuis " + queue.oldest().ageDays()
                    + " jour(s)" + deadline + ".";
        }
        return WorkspaceTile.link(5, "Demandes de recevabilité", text, "/candidatures?etat=SUBMITTED",
                "Voir la file des demandes");
    }

    /** HR: their organisation's applications, and those waiting for the employee's confirmation. */
    private WorkspaceTile organisationTile(WorkspacePerson person) {
        List<ApplicationView> all = applications.list(person.email(), null);
        long open = all.stream().filter(a -> !CLOSED.contains(a.state())).count();
        long unconfirmed = all.stream().filter(a -> !a.candidateConfirmed()).count();
        String text = all.isEmpty()
                ? "Aucune candidature dans votre organisme. Vous pouvez faire une demande pour un salarié, qui la confirmera."
                : open + " candidature(s) en cours dans votre organisme"
                        + (unconfirmed == 0 ? "." : ", dont " + unconfirmed + " à confirmer par le salarié.");
        return WorkspaceTile.link(25, "Candidatures de l'organisme", text, "/candidatures", "Voir les candidatures");
    }

    /** A person's own applications: the next step of the most urgent one, and its deadline. */
    private WorkspaceTile candidateTile(WorkspacePerson person) {
        List<ApplicationView> mine = applications.list(person.email(), null).stream()
                .filter(a -> !CLOSED.contains(a.state())).toList();
        if (mine.isEmpty()) {
            return WorkspaceTile.link(12, "Mes candidatures", "Vous n'avez aucune candidature en cours. Choisissez une "
                    + "certification (CQP ou titre) et faites votre demande de VAE ou de formation.", "/certifications",
                    "Voir les certifications");
        }
        ApplicationView next = mine.get(0);
        String deadline = next.deadline() == null ? "" : " Échéance : " + next.deadline().format(DAY) + ".";
        return WorkspaceTile.link(12, "Mes candidatures", mine.size() + " candidature(s) en cours. "
                + next.certificationTitle() + " (" + next.stateLabel().toLowerCase(java.util.Locale.FRENCH) + ") : "
                + next.nextStep() + deadline, "/candidatures/" + next.id(), "Voir ma candidature");
    }
}
