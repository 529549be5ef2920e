package fr.referentia.workforce.interview;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organisation-wide settings of career interviews ({@code referentia.workforce.career-interviews.*}).
 *
 * @param periodicity    the interval between two periodic interviews: 4 years by default; an agreement may
 *                       shorten it, never lengthen it (R16), so a longer one stops the start-up
 * @param upcomingWithin how far ahead an interview due reads as upcoming (6 months by default)
 */
@ConfigurationProperties("referentia.workforce.career-interviews")
public record CareerInterviewSettings(Period periodicity, Period upcomingWithin) {

    public static final Period LEGAL_MAXIMUM = Period.ofYears(4);

    public CareerInterviewSettings {
        periodicity = periodicity == null ? LEGAL_MAXIMUM : periodicity.normalized();
        upcomingWithin = upcomingWithin == null ? Period.ofMonths(6) : upcomingWithin;
        if (periodicity.isNegative() || periodicity.isZero() || periodicity.toTotalMonths() > LEGAL_MAXIMUM.toTotalMonths()) {
            throw new IllegalArgumentException("referentia.workforce.career-interviews.periodicity must be positive and "
                    + "at most 4 years (Code du travail L6315-1: an agreement may shorten the interval, never lengthen it)");
        }
        if (upcomingWithin.isNegative()) {
            throw new IllegalArgumentException("referentia.workforce.career-interviews.upcoming-within must not be negative");
        }
    }

    public static CareerInterviewSettings defaults() {
        return new CareerInterviewSettings(null, null);
    }
}
