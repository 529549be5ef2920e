package fr.referentia.workforce.interview;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * What an état des lieux récapitulatif checks from the data over the 8 years before it (or since hiring,
 * when shorter), R16: the periodic interviews took place, at least one training action, certification
 * elements or a VAE, and a salary or professional progression (HR's yes/no).
 *
 * @param from                 the start of the period reviewed
 * @param interviewsExpected   the periodic interviews the schedule required in the period
 * @param interviewsHeld       those held (periodic ones, in the period, before the review)
 * @param trainingAction       a training action was done in the period
 * @param certificationOrVae   certification elements were obtained or a VAE was done in the period
 * @param progression          HR's answer: a salary or professional progression
 */
public record SummaryReview(LocalDate from, LocalDate to, int interviewsExpected, int interviewsHeld,
        boolean trainingAction, boolean certificationOrVae, Boolean progression) {

    /** A finished action of a development plan, as the review counts it. */
    public record Action(LocalDate closedOn, boolean training, boolean certifyingOrVae) {
    }

    public boolean interviewsComplete() {
        return interviewsHeld >= interviewsExpected;
    }

    public static SummaryReview of(LocalDate date, LocalDate hiredOn, List<CareerInterviewSchedule.Held> held,
            List<Action> actions, Boolean progression, Period periodicity) {
        LocalDate from = date.minus(CareerInterviewSchedule.SUMMARY_EVERY);
        if (from.isBefore(hiredOn)) {
            from = hiredOn;
        }
        int expected = 0;
        for (LocalDate deadline = hiredOn.plus(CareerInterviewSchedule.FIRST_WITHIN); !deadline.isAfter(date);
                deadline = deadline.plus(periodicity)) {
            if (!deadline.isBefore(from) && deadline.isBefore(date)) {
                expected++;
            }
        }
        LocalDate start = from;
        int interviews = (int) held.stream().filter(h -> h.kind() == CareerInterviewKind.PERIODIC
                && !h.date().isBefore(start) && h.date().isBefore(date)).count();
        boolean training = actions.stream().anyMatch(a -> a.training() && within(a.closedOn(), start, date));
        boolean certifying = actions.stream().anyMatch(a -> a.certifyingOrVae() && within(a.closedOn(), start, date));
        return new SummaryReview(from, date, expected, interviews, training, certifying, progression);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
