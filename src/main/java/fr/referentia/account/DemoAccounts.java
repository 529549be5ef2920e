package fr.referentia.account;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One demo account per role, only in the embedded "demo" profile (the default of the run
 * command). Production profiles never create them.
 */
@Component
@Profile("demo")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "referentia-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;

    DemoAccounts(UserAccountRepository users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Role role : Role.values()) {
            String email = role.name().toLowerCase().replace('_', '-') + "@demo.referentia.fr";
            if (!users.existsByEmail(email)) {
                users.save(new UserAccount(email, "Démo " + role.label(), passwords.encode(PASSWORD), Set.of(role)));
            }
            log.info("Compte de démonstration {} : {} / {}", role.label(), email, PASSWORD);
        }
    }
}
