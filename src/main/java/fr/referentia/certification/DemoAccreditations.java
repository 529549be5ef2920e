package fr.referentia.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: the demo assessor's accreditations, recorded by the demo certification office as the
 * office records them, so that « Mes habilitations » and the office's list have something to show — one valid
 * for three years, one that expires within the 60 days the office watches and is there to be renewed.
 * Dated from the clock of the start, so that they stay in those states whatever the day of the demo.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE - 45) // after the seeds and the demo accounts
class DemoAccreditations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccreditations.class);

    static final String OFFICE = "certification-office@demo.referentia.fr";
    static final String ASSESSOR = "assessor@demo.referentia.fr";

    private final Accreditations accreditations;
    private final AccreditationRepository repository;
    private final Certifications certifications;
    private final Clock clock;

    DemoAccreditations(Accreditations accreditations, AccreditationRepository repository,
            Certifications certifications, Clock clock) {
        this.accreditations = accreditations;
        this.repository = repository;
        this.certifications = certifications;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock);
        record("HAB-DEMO-0001", "SECTOR_PROFESSIONAL", List.of("CQP-CONSEILLER-COMMERCIAL", "CQP-GESTIONNAIRE-DISPOSITIFS"),
                today.minusMonths(6), today.plusYears(3));
        record("HAB-DEMO-0002", "EXTERNAL", List.of("TITRE-PILOTAGE-DISPOSITIFS"), today.minusYears(3),
                today.plusDays(45));
    }

    private void record(String number, String kind, List<String> codes, LocalDate from, LocalDate until) {
        if (repository.existsByNumber(number) || codes.stream().anyMatch(code -> certifications.find(code).isEmpty())) {
            return;
        }
        accreditations.record(OFFICE, new Accreditations.NewAccreditation(ASSESSOR, null, number, kind, codes,
                from.toString(), until.toString()));
        log.info("Habilitation de démonstration : {} pour {}", number, ASSESSOR);
    }
}
