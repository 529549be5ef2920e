package fr.referentia.workforce.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.workforce.interview.CareerInterviewSchedule.Due;
import fr.referentia.workforce.interview.CareerInterviewSchedule.Held;
import fr.referentia.workforce.interview.CareerInterviewSchedule.Status;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R16 on the wording of the law: first within a year, then every 4 years at most, 8-year review, 45 and pre-60. */
class CareerInterviewScheduleTest {

    static final Period FOUR_YEARS = Period.ofYears(4);
    static final LocalDate HIRED = LocalDate.of(2020, 3, 2);

    private static Due of(List<Due> due, CareerInterviewKind kind) {
        return due.stream().filter(d -> d.kind() == kind).findFirst().orElse(null);
    }

    @Test
    void theFirstInterviewIsDueWithinAYearOfHiring() {
        Due first = of(CareerInterviewSchedule.next(HIRED, null, List.of(), FOUR_YEARS), CareerInterviewKind.PERIODIC);
        assertThat(first.dueOn()).isEqualTo(LocalDate.of(2021, 3, 2));
        assertThat(first.opensOn()).isEqualTo(HIRED);
        assertThat(first.statusOn(LocalDate.of(2021, 3, 3), Period.ofMonths(6))).isEqualTo(Status.OVERDUE);
        assertThat(first.statusOn(LocalDate.of(2020, 4, 1), Period.ofMonths(6))).isEqualTo(Status.UPCOMING);
    }

    @Test
    void afterAnInterviewTheNextIsDueOnePeriodicityLaterAndAnAgreementMayShortenIt() {
        List<Held> held = List.of(new Held(LocalDate.of(2021, 1, 15), CareerInterviewKind.PERIODIC));
        Due next = of(CareerInterviewSchedule.next(HIRED, null, held, FOUR_YEARS), CareerInterviewKind.PERIODIC);
        assertThat(next.dueOn()).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(next.statusOn(LocalDate.of(2022, 1, 15), Period.ofMonths(6))).isEqualTo(Status.LATER);
        assertThat(next.statusOn(LocalDate.of(2024, 3, 1), Period.ofMonths(6))).isEqualTo(Status.UPCOMING);
        assertThat(of(CareerInterviewSchedule.next(HIRED, null, held, Period.ofYears(2)), CareerInterviewKind.PERIODIC)
                .dueOn()).isEqualTo(LocalDate.of(2023, 1, 15));
    }

    @Test
    void aPeriodicityLongerThanFourYearsIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new CareerInterviewSettings(Period.ofYears(5), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 4 years");
        assertThatThrownBy(() -> new CareerInterviewSettings(Period.ofMonths(49), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CareerInterviewSettings.defaults().periodicity()).isEqualTo(Period.ofYears(4));
    }

    @Test
    void theSummaryReviewFallsEveryEightYearsOfSeniorityAndCountsAsThePeriodicInterview() {
        List<Due> due = CareerInterviewSchedule.next(HIRED, null, List.of(), FOUR_YEARS);
        assertThat(of(due, CareerInterviewKind.SUMMARY_REVIEW).dueOn()).isEqualTo(LocalDate.of(2028, 3, 2));
        List<Held> held = List.of(new Held(LocalDate.of(2028, 2, 1), CareerInterviewKind.SUMMARY_REVIEW));
        due = CareerInterviewSchedule.next(HIRED, null, held, FOUR_YEARS);
        assertThat(of(due, CareerInterviewKind.SUMMARY_REVIEW).dueOn()).isEqualTo(LocalDate.of(2036, 3, 2));
        assertThat(of(due, CareerInterviewKind.PERIODIC).dueOn()).isEqualTo(LocalDate.of(2032, 2, 1));
    }

    @Test
    void midCareerAndPreSixtyInterviewsNeedTheBirthDateAndDisappearOnceHeld() {
        assertThat(CareerInterviewSchedule.next(HIRED, null, List.of(), FOUR_YEARS)).extracting(Due::kind)
                .containsOnly(CareerInterviewKind.PERIODIC, CareerInterviewKind.SUMMARY_REVIEW);
        LocalDate born = LocalDate.of(1980, 6, 10);
        List<Due> due = CareerInterviewSchedule.next(HIRED, born, List.of(), FOUR_YEARS);
        assertThat(of(due, CareerInterviewKind.MID_CAREER).opensOn()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(of(due, CareerInterviewKind.PRE_60).opensOn()).isEqualTo(LocalDate.of(2038, 6, 10));
        assertThat(of(due, CareerInterviewKind.PRE_60).dueOn()).isEqualTo(LocalDate.of(2040, 6, 9));
        due = CareerInterviewSchedule.next(HIRED, born, List.of(new Held(LocalDate.of(2025, 9, 1),
                CareerInterviewKind.MID_CAREER)), FOUR_YEARS);
        assertThat(of(due, CareerInterviewKind.MID_CAREER)).isNull();
        // Hired at 50: no mid-career interview is owed by this employer.
        assertThat(of(CareerInterviewSchedule.next(LocalDate.of(2030, 7, 1), born, List.of(), FOUR_YEARS),
                CareerInterviewKind.MID_CAREER)).isNull();
    }

    @Test
    void anInterviewIsRefusedBeforeHiringInTheFutureOrOutsideItsAge() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        LocalDate born = LocalDate.of(1981, 1, 1);
        assertThat(CareerInterviewSchedule.refusal(CareerInterviewKind.PERIODIC, LocalDate.of(2020, 1, 5), HIRED, born, today))
                .contains("précède l'embauche");
        assertThat(CareerInterviewSchedule.refusal(CareerInterviewKind.PERIODIC, today.plusDays(1), HIRED, born, today))
                .contains("dans le futur");
        assertThat(CareerInterviewSchedule.refusal(CareerInterviewKind.MID_CAREER, LocalDate.of(2026, 1, 5), HIRED, null, today))
                .contains("date de naissance");
        assertThat(CareerInterviewSchedule.refusal(CareerInterviewKind.MID_CAREER, LocalDate.of(2022, 1, 5), HIRED, born, today))
                .contains("41 ans");
        assertThat(CareerInterviewSchedule.refusal(CareerInterviewKind.PRE_60, LocalDate.of(2026, 1, 5), HIRED, born, today))
                .contains("deux années qui précèdent les 60 ans");
        assertThat(CareerInterviewSchedule.refusal(CareerInterviewKind.MID_CAREER, LocalDate.of(2026, 3, 5), HIRED, born, today))
                .isNull();
    }

    @Test
    void theSummaryReviewChecksInterviewsTrainingCertificationAndProgressionOverTheEightYearsBeforeIt() {
        LocalDate review = LocalDate.of(2028, 3, 1);
        List<Held> held = List.of(new Held(LocalDate.of(2021, 2, 1), CareerInterviewKind.PERIODIC),
                new Held(LocalDate.of(2025, 1, 10), CareerInterviewKind.PERIODIC));
        SummaryReview complete = SummaryReview.of(review, HIRED, held, List.of(
                new SummaryReview.Action(LocalDate.of(2023, 5, 1), true, false),
                new SummaryReview.Action(LocalDate.of(2026, 5, 1), false, true)), true, FOUR_YEARS);
        assertThat(complete.interviewsExpected()).isEqualTo(2);
        assertThat(complete.interviewsHeld()).isEqualTo(2);
        assertThat(complete.interviewsComplete()).isTrue();
        assertThat(complete.trainingAction()).isTrue();
        assertThat(complete.certificationOrVae()).isTrue();
        assertThat(complete.progression()).isTrue();

        SummaryReview lacking = SummaryReview.of(review, HIRED, held.subList(0, 1), List.of(
                new SummaryReview.Action(LocalDate.of(2019, 5, 1), true, true)), false, FOUR_YEARS);
        assertThat(lacking.interviewsComplete()).isFalse();
        assertThat(lacking.trainingAction()).as("before hiring: outside the period").isFalse();
        assertThat(lacking.certificationOrVae()).isFalse();
        assertThat(lacking.progression()).isFalse();
    }
}
