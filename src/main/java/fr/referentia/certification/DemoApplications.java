package fr.referentia.certification;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: one application at each of the 13 states, belonging to the generated demo
 * candidates ({@code candidat-demo-N@demo.referentia.fr}), each moved there through the state machine
 * so that its history reads as a real one. {@code candidate@demo.referentia.fr} starts with none.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE - 50) // after the seeds and the demo accounts
class DemoApplications implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);

    private static final String CQP = "CQP-CONSEILLER-COMMERCIAL";
    private static final String GESTIONNAIRE = "CQP-GESTIONNAIRE-DISPOSITIFS";
    private static final String TITRE = "TITRE-PILOTAGE-DISPOSITIFS";

    /** Which candidate (1–5), which certification, which route, and the state to reach. */
    private record Demo(int candidate, String certification, ApplicationRoute route, ApplicationState state) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo(1, CQP, ApplicationRoute.VAE, ApplicationState.SUBMITTED),
            new Demo(1, GESTIONNAIRE, ApplicationRoute.TRAINING, ApplicationState.DRAFT),
            new Demo(1, TITRE, ApplicationRoute.VAE, ApplicationState.WITHDRAWN),
            new Demo(2, CQP, ApplicationRoute.VAE, ApplicationState.ADMISSIBLE),
            new Demo(2, GESTIONNAIRE, ApplicationRoute.VAE, ApplicationState.NOT_ADMISSIBLE),
            new Demo(2, TITRE, ApplicationRoute.MIXED, ApplicationState.INCOMPLETE),
            new Demo(3, CQP, ApplicationRoute.VAE, ApplicationState.DOSSIER_IN_PROGRESS),
            new Demo(3, GESTIONNAIRE, ApplicationRoute.VAE, ApplicationState.DOSSIER_SUBMITTED),
            new Demo(3, TITRE, ApplicationRoute.VAE, ApplicationState.EVALUATION_SCHEDULED),
            new Demo(4, CQP, ApplicationRoute.VAE, ApplicationState.EVALUATED),
            new Demo(4, GESTIONNAIRE, ApplicationRoute.VAE, ApplicationState.IN_JURY),
            new Demo(4, TITRE, ApplicationRoute.VAE, ApplicationState.DECIDED),
            new Demo(5, CQP, ApplicationRoute.VAE, ApplicationState.ARCHIVED));

    /** The path each demo application follows, cut at its state (withdrawn and archived branch off). */
    private static final List<ApplicationState> PATH = List.of(ApplicationState.SUBMITTED,
            ApplicationState.ADMISSIBLE, ApplicationState.DOSSIER_IN_PROGRESS, ApplicationState.DOSSIER_SUBMITTED,
            ApplicationState.EVALUATION_SCHEDULED, ApplicationState.EVALUATED, ApplicationState.IN_JURY,
            ApplicationState.DECIDED, ApplicationState.ARCHIVED);

    private final ApplicationRepository applications;
    private final ApplicationStateMachine states;
    private final AccountDirectory directory;
    private final Certifications certifications;
    private final ObjectMapper json;
    private final Clock clock;

    DemoApplications(ApplicationRepository applications, ApplicationStateMachine states, AccountDirectory directory,
            Certifications certifications, ObjectMapper json, Clock clock) {
        this.applications = applications;
        this.states = states;
        this.directory = directory;
        this.certifications = certifications;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<AccountSummary> office = directory.findByEmail("certification-office@demo.referentia.fr");
        Optional<AccountSummary> first = directory.findByEmail(email(1));
        if (office.isEmpty() || first.isEmpty()
                || !applications.findByCandidateIdOrderByCreatedAtDesc(first.get().id()).isEmpty()) {
            return;
        }
        int made = 0;
        for (Demo demo : DEMOS) {
            Optional<AccountSummary> candidate = directory.findByEmail(email(demo.candidate()));
            Optional<Certifications.CertificationView> certification = certifications.find(demo.certification());
            if (candidate.isEmpty() || certification.isEmpty()) {
                continue;
            }
            make(demo, candidate.get(), certification.get(), office.get().id());
            made++;
        }
        log.info("Candidatures de démonstration : {} (une à chaque état)", made);
    }

    private void make(Demo demo, AccountSummary candidate, Certifications.CertificationView certification,
            UUID office) {
        Application application = new Application(certification.code(), certification.frameworkVersion(),
                demo.route(), clock.instant().atZone(clock.getZone()).getYear(), candidate.id(),
                candidate.organisationId(), candidate.id(), clock.instant());
        application.saveForm(form(candidate), clock.instant());
        states.start(application, candidate.id(), "Demande créée par le candidat (démonstration).");
        if (demo.state() == ApplicationState.DRAFT) {
            return;
        }
        if (demo.state() == ApplicationState.WITHDRAWN) {
            states.change(application, ApplicationState.WITHDRAWN, candidate.id(), "Candidature retirée : projet reporté.");
            return;
        }
        states.change(application, ApplicationState.SUBMITTED, candidate.id(), "Demande de recevabilité déposée.");
        application.recordSubmission(clock.instant(), clock.instant().atZone(clock.getZone()).toLocalDate());
        if (demo.state() == ApplicationState.NOT_ADMISSIBLE || demo.state() == ApplicationState.INCOMPLETE) {
            AdmissibilityDecision decision = demo.state() == ApplicationState.INCOMPLETE
                    ? AdmissibilityDecision.INCOMPLETE : AdmissibilityDecision.UNFAVOURABLE;
            String reason = decision == AdmissibilityDecision.INCOMPLETE
                    ? "Il manque les attestations employeur des deux dernières années."
                    : "L'expérience déclarée est sans lien avec la certification.";
            states.change(application, decision.leadsTo(), office, "Recevabilité : " + decision.label().toLowerCase(
                    java.util.Locale.FRENCH) + ". " + reason);
            application.recordDecision(decision, reason, office, clock.instant());
            return;
        }
        for (ApplicationState next : PATH.subList(1, PATH.indexOf(demo.state()) + 1)) {
            UUID by = next == ApplicationState.DOSSIER_IN_PROGRESS || next == ApplicationState.DOSSIER_SUBMITTED
                    ? candidate.id() : office;
            states.change(application, next, by, next == ApplicationState.ADMISSIBLE
                    ? "Recevabilité : favorable. Expérience de plus de trois ans justifiée." : "Démonstration.");
            if (next == ApplicationState.ADMISSIBLE) {
                application.recordDecision(AdmissibilityDecision.FAVOURABLE,
                        "Expérience de plus de trois ans justifiée.", office, clock.instant());
            }
        }
    }

    private String form(AccountSummary candidate) {
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(AdmissibilityForm.EXAMPLE);
            String[] names = ApplicationPrefill.splitName(candidate.displayName());
            node.put("firstName", names[0]);
            node.put("lastName", names[1]);
            node.put("email", candidate.email());
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String email(int i) {
        return "candidat-demo-" + i + "@demo.referentia.fr";
    }
}
