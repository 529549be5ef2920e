package fr.referentia.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in the branch's time zone (dates typed by people and shown
 * to them are French dates). Injected wherever "now" matters, so tests can fix it.
 */
@Configuration
class ClockConfig {

    static final ZoneId BRANCH_ZONE = ZoneId.of("Europe/Paris");

    @Bean
    Clock clock() {
        return Clock.system(BRANCH_ZONE);
    }
}
