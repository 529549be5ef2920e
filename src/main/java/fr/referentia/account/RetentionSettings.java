package fr.referentia.account;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each kind of personal data is kept ({@code referentia.retention.*}), and when the
 * purge runs.
 *
 * @param auditEntries        audit trail entries, counted from when they were written
 * @param unactivatedAccounts accounts whose person never set a password (invitation never
 *                            accepted), counted from their creation
 * @param pendingMemberships  an organisation's invitations of an existing account, counted from
 *                            their answer or, unanswered, from their expiry
 * @param cron                when the purge runs (Spring cron; {@code -} disables it)
 */
@ConfigurationProperties("referentia.retention")
public record RetentionSettings(Period auditEntries, Period unactivatedAccounts, Period pendingMemberships,
        String cron) {

    public RetentionSettings {
        requirePositive(auditEntries, "audit-entries");
        requirePositive(unactivatedAccounts, "unactivated-accounts");
        requirePositive(pendingMemberships, "pending-memberships");
    }

    private static void requirePositive(Period period, String name) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("referentia.retention." + name + " must be a positive period");
        }
    }

    /** A period as a French reader says it: "5 ans", "90 jours", "1 an et 6 mois". */
    public static String inFrench(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(period.getYears() + (period.getYears() == 1 ? " an" : " ans"));
        }
        if (period.getMonths() != 0) {
            parts.add(period.getMonths() + " mois");
        }
        if (period.getDays() != 0) {
            parts.add(period.getDays() + (period.getDays() == 1 ? " jour" : " jours"));
        }
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " et " + parts.get(parts.size() - 1);
    }
}
