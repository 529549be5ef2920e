package fr.referentia.workforce.interview;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a person's next career interviews are due (R16, Code du travail L6315-1 as amended by loi
 * n° 2025-989): the first periodic interview within a year of hiring, then one every {@code periodicity}
 * (at most 4 years) after the last one; a summary review (état des lieux récapitulatif) every 8 years of
 * seniority; the mid-career interview around 45 and the interview in the two years before 60. Plain data in,
 * plain data out.
 */
public final class CareerInterviewSchedule {

    static final Period FIRST_WITHIN = Period.ofYears(1);
    static final Period SUMMARY_EVERY = Period.ofYears(8);
    static final int MID_CAREER_AGE = 45;
    static final int PRE_60_AGE = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);

    private CareerInterviewSchedule() {
    }

    /** An interview already held. */
    public record Held(LocalDate date, CareerInterviewKind kind) {
    }

    public enum Status { OVERDUE, UPCOMING, LATER }

    /**
     * One interview to hold: from {@code opensOn} (when to hold it: hiring for the first one, the year before
     * the deadline for the next ones, the birthday for the age-related ones) to {@code dueOn} (its deadline),
     * and why, in French. It reads as upcoming once open or when its deadline is near.
     */
    public record Due(CareerInterviewKind kind, LocalDate opensOn, LocalDate dueOn, String reason) {

        public Status statusOn(LocalDate today, Period upcomingWithin) {
            if (dueOn.isBefore(today)) {
                return Status.OVERDUE;
            }
            return !today.isBefore(opensOn) || !dueOn.isAfter(today.plus(upcomingWithin)) ? Status.UPCOMING
                    : Status.LATER;
        }
    }

    /** The next interview of each kind a person must have, soonest deadline first. */
    public static List<Due> next(LocalDate hiredOn, LocalDate birthDate, List<Held> held, Period periodicity) {
        List<Due> due = new ArrayList<>();
        Optional<LocalDate> lastPeriodic = held.stream()
                .filter(h -> h.kind() == CareerInterviewKind.PERIODIC || h.kind() == CareerInterviewKind.SUMMARY_REVIEW)
                .map(Held::date).max(Comparator.naturalOrder());
        if (lastPeriodic.isEmpty()) {
            due.add(new Due(CareerInterviewKind.PERIODIC, hiredOn, hiredOn.plus(FIRST_WITHIN),
                    "Premier entretien dans l'année qui suit l'embauche (le " + DAY.format(hiredOn) + ")."));
        } else {
            LocalDate last = lastPeriodic.get();
            LocalDate next = last.plus(periodicity);
            LocalDate opens = next.minusYears(1).isBefore(last) ? last : next.minusYears(1);
            due.add(new Due(CareerInterviewKind.PERIODIC, opens, next,
                    "Un entretien tous les " + inFrench(periodicity) + " ; le dernier a eu lieu le "
                            + DAY.format(last) + "."));
        }
        long reviews = held.stream().filter(h -> h.kind() == CareerInterviewKind.SUMMARY_REVIEW).count();
        LocalDate reviewDue = hiredOn.plus(SUMMARY_EVERY.multipliedBy((int) reviews + 1));
        due.add(new Due(CareerInterviewKind.SUMMARY_REVIEW, reviewDue.minusYears(1), reviewDue,
                "État des lieux récapitulatif tous les 8 ans d'ancienneté (" + (8 * (reviews + 1)) + " ans le "
                        + DAY.format(reviewDue) + ")."));
        if (birthDate != null) {
            LocalDate midCareer = birthDate.plusYears(MID_CAREER_AGE);
            if (held.stream().noneMatch(h -> h.kind() == CareerInterviewKind.MID_CAREER)
                    && hiredOn.isBefore(midCareer.plusYears(1))) {
                due.add(new Due(CareerInterviewKind.MID_CAREER, midCareer, midCareer.plusYears(1),
                        "Entretien de mi-carrière à 45 ans (le " + DAY.format(midCareer) + "), après la visite médicale de mi-carrière."));
            }
            LocalDate sixty = birthDate.plusYears(PRE_60_AGE);
            if (held.stream().noneMatch(h -> h.kind() == CareerInterviewKind.PRE_60) && hiredOn.isBefore(sixty)) {
                due.add(new Due(CareerInterviewKind.PRE_60, sixty.minusYears(2), sixty.minusDays(1),
                        "Entretien dans les deux années qui précèdent les 60 ans (le " + DAY.format(sixty) + ")."));
            }
        }
        due.sort(Comparator.comparing(Due::dueOn).thenComparing(Due::kind));
        return due;
    }

    /**
     * Why an interview of this kind may not be held on this date for this person, in French, or null: never
     * before hiring nor in the future; the mid-career one between 44 and 47, the pre-60 one in the two years
     * before 60 (both need the birth date).
     */
    public static String refusal(CareerInterviewKind kind, LocalDate date, LocalDate hiredOn, LocalDate birthDate,
            LocalDate today) {
        if (date.isAfter(today)) {
            return "La date de l'entretien (" + DAY.format(date) + ") est dans le futur : enregistrez un entretien qui a eu lieu.";
        }
        if (date.isBefore(hiredOn)) {
            return "La date de l'entretien (" + DAY.format(date) + ") précède l'embauche (" + DAY.format(hiredOn) + ").";
        }
        if (kind == CareerInterviewKind.MID_CAREER || kind == CareerInterviewKind.PRE_60) {
            if (birthDate == null) {
                return "Enregistrez d'abord la date de naissance de la personne : l'entretien « " + kind.label()
                        + " » dépend de son âge.";
            }
            int age = Period.between(birthDate, date).getYears();
            if (kind == CareerInterviewKind.MID_CAREER && (age < MID_CAREER_AGE - 1 || age > MID_CAREER_AGE + 1)) {
                return "L'entretien de mi-carrière a lieu autour de 45 ans ; la personne avait " + age + " ans le "
                        + DAY.format(date) + ".";
            }
            if (kind == CareerInterviewKind.PRE_60 && (age < PRE_60_AGE - 2 || age >= PRE_60_AGE)) {
                return "L'entretien de fin de carrière a lieu dans les deux années qui précèdent les 60 ans ; la personne avait "
                        + age + " ans le " + DAY.format(date) + ".";
            }
        }
        return null;
    }

    static String inFrench(Period period) {
        Period p = period.normalized();
        if (p.getMonths() == 0) {
            return p.getYears() == 1 ? "an" : p.getYears() + " ans";
        }
        return p.toTotalMonths() + " mois";
    }
}
