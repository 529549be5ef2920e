package fr.referentia.framework.authoring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Who may edit a draft now. One person at a time: the editor takes the lock when it is free, expired
 * (not renewed for {@link #EXPIRY}) or already the caller's; anyone else reads, and their writes are
 * refused with the holder's name and since when (Paris time).
 */
public final class EditLockPolicy {

    /** A lock not renewed for this long is free: the page renews it every minute while open. */
    public static final Duration EXPIRY = Duration.ofMinutes(5);

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private EditLockPolicy() {
    }

    /** The current holder of a draft's lock. */
    public record Holder(String email, String name, Instant acquiredAt, Instant renewedAt) {
    }

    /** TAKE: the caller becomes the holder; RENEW: the caller already holds it; REFUSE: someone else does. */
    public enum Outcome { TAKE, RENEW, REFUSE }

    public record Decision(Outcome outcome, String reason) {

        public boolean allowed() {
            return outcome != Outcome.REFUSE;
        }
    }

    /** The decision for {@code callerEmail} at {@code now}, given the current holder (null when there is none). */
    public static Decision decide(Holder current, String callerEmail, Instant now) {
        if (current == null || isExpired(current, now)) {
            return new Decision(Outcome.TAKE, null);
        }
        if (current.email().equalsIgnoreCase(callerEmail)) {
            return new Decision(Outcome.RENEW, null);
        }
        return new Decision(Outcome.REFUSE, busy(current));
    }

    public static boolean isExpired(Holder holder, Instant now) {
        return !holder.renewedAt().plus(EXPIRY).isAfter(now);
    }

    /** « Ce brouillon est en cours de modification par X depuis HH:MM », in French civil time. */
    public static String busy(Holder holder) {
        return "Ce brouillon est en cours de modification par " + holder.name() + " depuis "
                + TIME.format(holder.acquiredAt().atZone(FRANCE)) + ".";
    }
}
