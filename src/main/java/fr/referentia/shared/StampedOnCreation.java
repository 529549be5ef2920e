package fr.referentia.shared;

import java.time.Instant;

/**
 * An entity that records when it was created, at the time the application's {@link java.time.Clock}
 * gives when the entity is first saved: annotate it with
 * {@code @EntityListeners(CreationTime.class)}. Its constructors need no clock.
 */
public interface StampedOnCreation {

    /** Records the creation time, unless one is recorded already. */
    void stampCreation(Instant now);
}
