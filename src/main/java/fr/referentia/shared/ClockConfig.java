package fr.referentia.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every module reads "today" from, so that date rules (validity, deadlines) are
 * testable with a fixed clock. French civil time: validity dates are days in France.
 */
@Configuration
class ClockConfig {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    @Bean
    Clock clock() {
        return Clock.system(FRANCE);
    }
}
