package fr.referentia.certification;

import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of certifications: every CQP and titre of the referential catalogue with a published
 * version, the version it certifies, its routes, its admissibility conditions (R2's threshold, a
 * per-certification setting), its RNCP number where known, the journey of seed 004 and its upcoming
 * sessions, which the certification office manages.
 */
@Service
@Transactional
public class Certifications {

    /** The steps of a candidate's journey (seed 004, « Etapes du parcours du candidat »). */
    public static final List<JourneyStep> JOURNEY = List.of(
            new JourneyStep("Information", "Le candidat s'informe sur la démarche et demande un dossier au secrétariat de la CPEF."),
            new JourneyStep("Recevabilité", "Le secrétariat de la CPEF examine le dossier de recevabilité "
                    + "(présentation du candidat et justificatifs d'expérience) et rend un avis favorable ou défavorable."),
            new JourneyStep("Dossier", "Après un avis favorable, le candidat renseigne son dossier : les activités "
                    + "réalisées pour chaque compétence, avec exemples et preuves."),
            new JourneyStep("Évaluation", "Un professionnel du secteur et un évaluateur externe, formés et habilités "
                    + "par la CPEF, évaluent les compétences : lecture du dossier, observation et entretien."),
            new JourneyStep("Jury paritaire", "Le jury paritaire de la CPEF décide de la délivrance totale ou "
                    + "partielle, ou de la non-délivrance de la certification."));

    public record JourneyStep(String title, String text) {
    }

    /** A certification as the catalogue (and its API) shows it. */
    public record CertificationView(String code, String frameworkCode, String frameworkVersion, String title,
            String kind, List<ApplicationRoute> routes, int minimumExperienceYears, String rncpNumber,
            String admissibilityConditions) {
    }

    public record SessionView(java.util.UUID id, String certificationCode, LocalDate startsOn, LocalDate endsOn,
            String place, boolean remote, int capacity) {

        static SessionView of(CertificationSession s) {
            return new SessionView(s.getId(), s.getCertificationCode(), s.getStartsOn(), s.getEndsOn(), s.getPlace(),
                    s.isRemote(), s.getCapacity());
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "Une session à programmer : dates, lieu, à distance ou "
            + "sur site, nombre de places", example = "{\"startsOn\": \"2027-03-15\", \"endsOn\": \"2027-03-19\", "
            + "\"place\": \"CPNEF, 10 rue de la Formation, 75010 Paris\", \"remote\": false, \"capacity\": 12}")
    public record NewSession(LocalDate startsOn, LocalDate endsOn, String place, Boolean remote, Integer capacity) {
    }

    private final FrameworkCatalog catalog;
    private final CertificationSettingRepository settings;
    private final CertificationSessionRepository sessions;
    private final AccountDirectory directory;
    private final Clock clock;

    Certifications(FrameworkCatalog catalog, CertificationSettingRepository settings,
            CertificationSessionRepository sessions, AccountDirectory directory, Clock clock) {
        this.catalog = catalog;
        this.settings = settings;
        this.sessions = sessions;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CertificationView> list() {
        return catalog.list().stream().filter(s -> s.kind().isCertification()).map(this::view).toList();
    }

    /** The certification, or 404 with a French message. */
    @Transactional(readOnly = true)
    public CertificationView certification(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("Certification « " + code + " » introuvable."));
    }

    @Transactional(readOnly = true)
    public Optional<CertificationView> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return catalog.list().stream().filter(s -> s.kind().isCertification() && s.code().equals(code)).findFirst()
                .map(this::view);
    }

    /** R2's threshold for the certification (default 3 years). */
    @Transactional(readOnly = true)
    public int minimumExperienceYears(String code) {
        return setting(code).getMinimumExperienceYears();
    }

    @Transactional(readOnly = true)
    public List<SessionView> upcomingSessions(String code) {
        certification(code);
        return sessions.findByCertificationCodeAndEndsOnGreaterThanEqualOrderByStartsOnAsc(code, LocalDate.now(clock))
                .stream().map(SessionView::of).toList();
    }

    /** A new session, by the certification office (or the branch administrator). */
    public SessionView addSession(String requesterEmail, String code, NewSession input) {
        AccountSummary office = directory.requireAnyRole(requesterEmail,
                "Seuls le secrétariat de certification et l'administrateur de branche organisent les sessions.",
                Role.CERTIFICATION_OFFICE, Role.BRANCH_ADMIN);
        certification(code);
        if (input == null || input.startsOn() == null || input.endsOn() == null) {
            throw new BadInputException("Les dates de début et de fin de la session sont obligatoires.");
        }
        if (input.startsOn().getYear() > 9999 || input.endsOn().getYear() > 9999) {
            // PostgreSQL refused "+999999999-12-31" with an error that reached the API as a 500.
            throw new BadInputException("Les dates d'une session vont au plus jusqu'au 31 décembre 9999.");
        }
        if (input.endsOn().isBefore(input.startsOn())) {
            throw new BadInputException("La session ne peut pas finir (" + AccreditationValidity.french(input.endsOn())
                    + ") avant de commencer (" + AccreditationValidity.french(input.startsOn()) + ").");
        }
        if (input.startsOn().isBefore(LocalDate.now(clock))) {
            throw new BadInputException("Une nouvelle session ne peut pas commencer dans le passé.");
        }
        String place = FormText.oneLine(input.place(), "Le lieu de la session", 300);
        if (place == null || place.isBlank()) {
            throw new BadInputException("Le lieu de la session est obligatoire (adresse, ou « À distance »).");
        }
        if (input.capacity() == null || input.capacity() < 1 || input.capacity() > 10_000) {
            throw new BadInputException("La capacité de la session est un nombre de places entre 1 et 10 000.");
        }
        CertificationSession session = new CertificationSession(code, input.startsOn(), input.endsOn(), place,
                Boolean.TRUE.equals(input.remote()), input.capacity(), office.id(), clock.instant());
        return SessionView.of(sessions.save(session));
    }

    private CertificationView view(Summary summary) {
        CertificationSetting setting = setting(summary.code());
        String rncp = setting.getRncpNumber() != null ? setting.getRncpNumber() : summary.rncpCode();
        int years = setting.getMinimumExperienceYears();
        String conditions = "Pour une demande de VAE : avoir exercé des activités en relation avec la certification "
                + "pendant au moins " + years + (years > 1 ? " ans" : " an") + " à la date de la demande, "
                + "justifiés par des bulletins de salaire, certificats de travail ou attestations employeurs. "
                + "Une seule demande par certification, et pas plus de trois demandes de VAE pour des "
                + "certifications différentes dans la même année civile.";
        return new CertificationView(summary.code(), summary.code(), summary.version(), summary.title(),
                summary.kind().label(), setting.routes(), years, rncp, conditions);
    }

    private CertificationSetting setting(String code) {
        return settings.findById(code).orElseGet(() -> CertificationSetting.defaults(code));
    }

    static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
