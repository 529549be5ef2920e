package fr.referentia.account;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One demo account per role, only in the embedded "demo" profile (the default of the run
 * command). Production profiles never create them.
 */
@Component
@Profile("demo")
@Order(BootstrapAdmin.ORDER - 10) // before the bootstrap, which then finds the demo administrator
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "referentia-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** A valid SIRET (Luhn check holds) reserved for the demonstration organisation. */
    static final String DEMO_SIRET = "12345678200002";

    /** Generated demo candidates, {@code candidat-demo-1@demo.referentia.fr} and on. */
    static final int DEMO_CANDIDATES = 5;
    private static final String[] DEMO_CANDIDATE_NAMES = {"Camille Martin", "Karim Benali", "Léa Dubois",
        "Thomas Nguyen", "Inès Moreau"};

    private final UserAccountRepository users;
    private final OrganisationRepository organisations;
    private final PasswordEncoder passwords;

    DemoAccounts(UserAccountRepository users, OrganisationRepository organisations, PasswordEncoder passwords) {
        this.users = users;
        this.organisations = organisations;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Organisation demo = organisations.findAll().stream()
                .filter(o -> o.getSiret().value().equals(DEMO_SIRET)).findFirst()
                .orElseGet(() -> organisations.save(new Organisation("Organisme de démonstration",
                        new Siret(DEMO_SIRET), "1 rue de la Formation, 75000 Paris", SizeBand.FROM_10_TO_49,
                        OrganisationType.PRIVATE_FOR_PROFIT)));
        for (Role role : Role.values()) {
            String email = role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "@demo.referentia.fr";
            if (!users.existsByEmail(email)) {
                UserAccount account = new UserAccount(email, "Démo " + role.label(), passwords.encode(PASSWORD));
                account.grant(role, role.isOrganisationScoped() ? demo : null);
                users.save(account);
            }
            log.info("Compte de démonstration {} : {} / {}", role.label(), email, PASSWORD);
        }
        // Generated candidates whose applications fill the dashboards (certification's demo data);
        // the first two are employees of the demonstration organisation, so that its HR sees them.
        for (int i = 1; i <= DEMO_CANDIDATES; i++) {
            String email = "candidat-demo-" + i + "@demo.referentia.fr";
            if (!users.existsByEmail(email)) {
                UserAccount account = new UserAccount(email, DEMO_CANDIDATE_NAMES[i - 1], passwords.encode(PASSWORD));
                account.grant(i <= 2 ? Role.EMPLOYEE : Role.CANDIDATE, i <= 2 ? demo : null);
                users.save(account);
            }
        }
    }
}
