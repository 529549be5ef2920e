package fr.referentia.account;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/**
 * R12: data is past its retention period once it is older than the period, counted in the
 * branch's calendar (five years from 29 February end on 28 February).
 */
final class RetentionPolicy {

    private RetentionPolicy() {
    }

    /** The instant before which data kept for {@code period} has expired. */
    static Instant cutoff(Instant now, ZoneId zone, Period period) {
        return now.atZone(zone).minus(period).toInstant();
    }

    static boolean isExpired(Instant since, Instant now, ZoneId zone, Period period) {
        return since.isBefore(cutoff(now, zone, period));
    }
}
