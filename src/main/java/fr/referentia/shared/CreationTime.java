package fr.referentia.shared;

import jakarta.persistence.PrePersist;
import java.time.Clock;

/**
 * The JPA listener of {@link StampedOnCreation} entities: Hibernate creates it through Spring, which
 * gives it the application's clock.
 */
public class CreationTime {

    private final Clock clock;

    public CreationTime(Clock clock) {
        this.clock = clock;
    }

    @PrePersist
    void stamp(Object entity) {
        if (entity instanceof StampedOnCreation stamped) {
            stamped.stampCreation(clock.instant());
        }
    }
}
