package fr.referentia.certification;

import fr.referentia.shared.BadInputException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * R5: only habilitated assessors evaluate. An accreditation is not yet valid before its first day,
 * expired after its last day, and "expires soon" when its last day falls within the next
 * {@code expiringWithinDays} days (today included); otherwise it is valid.
 */
public record AccreditationStatusPolicy(int expiringWithinDays) {

    public static final int DEFAULT_EXPIRING_WITHIN_DAYS = 60;
    public static final int MAX_EXPIRING_WITHIN_DAYS = 3650;

    public static final AccreditationStatusPolicy DEFAULT = new AccreditationStatusPolicy(DEFAULT_EXPIRING_WITHIN_DAYS);

    public AccreditationStatusPolicy {
        if (expiringWithinDays < 0 || expiringWithinDays > MAX_EXPIRING_WITHIN_DAYS) {
            throw new BadInputException("Le nombre de jours doit être compris entre 0 et "
                    + MAX_EXPIRING_WITHIN_DAYS + ".");
        }
    }

    public AccreditationStatus statusOn(AccreditationValidity validity, LocalDate day) {
        if (day.isBefore(validity.from())) {
            return AccreditationStatus.NOT_YET_VALID;
        }
        if (day.isAfter(validity.until())) {
            return AccreditationStatus.EXPIRED;
        }
        if (!validity.until().isAfter(day.plusDays(expiringWithinDays))) {
            return AccreditationStatus.EXPIRING_SOON;
        }
        return AccreditationStatus.VALID;
    }

    public AccreditationStatus status(AccreditationValidity validity, Clock clock) {
        return statusOn(validity, LocalDate.now(clock));
    }
}
