package fr.referentia.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.referentia.certification.RequestLimits.EarlierRequest;
import fr.referentia.certification.RequestLimits.NewRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R2, R3 and the completeness of the admissibility request, on the wording of PRODUCT.md and seed 004. */
class AdmissibilityPoliciesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 15);

    static AdmissibilityForm example() throws Exception {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .readValue(AdmissibilityForm.EXAMPLE, AdmissibilityForm.class);
    }

    static AdmissibilityForm withExperience(AdmissibilityForm f, LocalDate birth, String total, String field) {
        return new AdmissibilityForm(f.civility(), f.lastName(), f.firstName(), f.address(), f.homePhone(),
                f.workPhone(), f.mobilePhone(), f.email(), birth, f.birthPlace(),
                total == null ? null : new BigDecimal(total), field == null ? null : new BigDecimal(field),
                f.otherRelatedActivities(), f.otherRelatedActivitiesDetail(), f.otherRelatedActivitiesUsefulness(),
                f.currentJob(), f.lastClassAttended(), f.diplomas(), f.swornStatement(), f.signedAt(), f.signedOn());
    }

    static AdmissibilityForm signedOn(AdmissibilityForm f, LocalDate day) {
        return new AdmissibilityForm(f.civility(), f.lastName(), f.firstName(), f.address(), f.homePhone(),
                f.workPhone(), f.mobilePhone(), f.email(), f.birthDate(), f.birthPlace(), f.totalExperienceYears(),
                f.fieldExperienceYears(), f.otherRelatedActivities(), f.otherRelatedActivitiesDetail(),
                f.otherRelatedActivitiesUsefulness(), f.currentJob(), f.lastClassAttended(), f.diplomas(),
                f.swornStatement(), f.signedAt(), day);
    }

    @Test
    void aSignatureDateGoesFrom1900ToAYearAfterToday() throws Exception {
        for (LocalDate day : new LocalDate[] {LocalDate.of(1900, 1, 1), TODAY, TODAY.plusYears(1), null}) {
            assertThat(AdmissibilityPolicies.plausible(signedOn(example(), day), TODAY).isAllowed()).as("%s", day).isTrue();
        }
        for (LocalDate day : new LocalDate[] {LocalDate.of(1899, 12, 31), TODAY.plusYears(1).plusDays(1), LocalDate.MAX,
                LocalDate.MIN}) {
            assertThat(AdmissibilityPolicies.plausible(signedOn(example(), day), TODAY).reason()).as("%s", day)
                    .startsWith("La date de signature (").endsWith("est invraisemblable : elle va du 01/01/1900 au "
                            + "15/11/2027.");
        }
    }

    static AdmissibilityForm currentJob(AdmissibilityForm f, LocalDate from, LocalDate until) {
        var job = f.currentJob();
        return new AdmissibilityForm(f.civility(), f.lastName(), f.firstName(), f.address(), f.homePhone(),
                f.workPhone(), f.mobilePhone(), f.email(), f.birthDate(), f.birthPlace(), f.totalExperienceYears(),
                f.fieldExperienceYears(), f.otherRelatedActivities(), f.otherRelatedActivitiesDetail(),
                f.otherRelatedActivitiesUsefulness(), new AdmissibilityForm.CurrentJob(job.title(), job.employer(),
                        job.sector(), from, until, job.activities()), f.lastClassAttended(), f.diplomas(),
                f.swornStatement(), f.signedAt(), f.signedOn());
    }

    @Test
    void theCurrentJobStartsFrom1900ToTodayAndItsPeriodEndsWithinTenYears() throws Exception {
        LocalDate start = LocalDate.of(2015, 3, 1);
        assertThat(AdmissibilityPolicies.plausible(currentJob(example(), LocalDate.of(1900, 1, 1), null), TODAY)
                .isAllowed()).isTrue();
        assertThat(AdmissibilityPolicies.plausible(currentJob(example(), start, TODAY.plusYears(10)), TODAY)
                .isAllowed()).isTrue();
        assertThat(AdmissibilityPolicies.plausible(currentJob(example(), LocalDate.of(1899, 12, 31), null), TODAY)
                .reason()).isEqualTo("Le début de l'emploi actuel (31/12/1899) est invraisemblable : il va du "
                        + "01/01/1900 à aujourd'hui.");
        assertThat(AdmissibilityPolicies.plausible(currentJob(example(), LocalDate.MIN, null), TODAY).reason())
                .startsWith("Le début de l'emploi actuel (");
        for (LocalDate end : new LocalDate[] {TODAY.plusYears(10).plusDays(1), LocalDate.MAX}) {
            assertThat(AdmissibilityPolicies.plausible(currentJob(example(), start, end), TODAY).reason()).as("%s", end)
                    .startsWith("La fin de la période d'activité (").endsWith("est invraisemblable : au plus 10 ans "
                            + "après aujourd'hui.");
        }
        assertThat(AdmissibilityPolicies.plausible(currentJob(example(), start, start.minusDays(1)), TODAY).reason())
                .isEqualTo("La fin de la période d'activité précède son début.");
    }

    @Test
    void theOpenApiExampleIsCompleteAndAdmissible() throws Exception {
        AdmissibilityForm form = example();
        assertThat(AdmissibilityPolicies.missingFields(form)).isEmpty();
        assertThat(AdmissibilityPolicies.plausible(form, TODAY).isAllowed()).isTrue();
        assertThat(new AdmissibilityPolicies.ExperienceThreshold(3).check(form).isAllowed()).isTrue();
    }

    @Test
    void r2NeedsTheCertificationsThresholdOfYearsInTheField() throws Exception {
        AdmissibilityForm twoAndAHalf = withExperience(example(), LocalDate.of(1990, 1, 1), "10", "2.5");
        assertThat(new AdmissibilityPolicies.ExperienceThreshold(3).check(twoAndAHalf).reason())
                .contains("2,5 ans", "3 au moins");
        // The form's secretariat box says « 2 ou 3 années »: a certification may set 2.
        assertThat(new AdmissibilityPolicies.ExperienceThreshold(2).check(twoAndAHalf).isAllowed()).isTrue();
        assertThat(new AdmissibilityPolicies.ExperienceThreshold(3)
                .check(withExperience(example(), LocalDate.of(1990, 1, 1), "10", "3")).isAllowed()).isTrue();
    }

    @Test
    void aBirthDateInTheFutureAndExperienceBeyondTheAgeAreImplausible() throws Exception {
        assertThat(AdmissibilityPolicies.plausible(withExperience(example(), TODAY.plusDays(1), null, null), TODAY)
                .reason()).contains("dans le futur");
        // 20 years old: at most 6 years of work since the age of 14.
        LocalDate twenty = TODAY.minusYears(20);
        assertThat(AdmissibilityPolicies.plausible(withExperience(example(), twenty, "6", "4"), TODAY).isAllowed())
                .isTrue();
        assertThat(AdmissibilityPolicies.plausible(withExperience(example(), twenty, "7", "4"), TODAY).reason())
                .contains("impossible à 20 ans");
        assertThat(AdmissibilityPolicies.plausible(withExperience(example(), twenty, "3", "4"), TODAY).reason())
                .contains("ne peut pas dépasser");
    }

    @Test
    void submissionNamesEveryMissingPart() {
        List<String> missing = AdmissibilityPolicies.missing(new AdmissibilityPolicies.Submission(
                AdmissibilityForm.empty(), List.of(DocumentKind.IDENTITY), false));
        assertThat(missing).hasSize(3);
        assertThat(missing.get(0)).contains("nom", "date de naissance", "déclaration sur l'honneur");
        assertThat(missing.get(1)).contains("bulletin de salaire");
        assertThat(missing.get(2)).contains("confirmer");
    }

    static EarlierRequest earlier(String code, ApplicationRoute route, int year, ApplicationState state) {
        return new EarlierRequest(code, "Titre " + code, route, year, state);
    }

    @Test
    void r3OneRequestPerCertificationPerCandidate() {
        NewRequest again = new NewRequest("CQP-A", ApplicationRoute.TRAINING, 2026,
                List.of(earlier("CQP-A", ApplicationRoute.VAE, 2025, ApplicationState.NOT_ADMISSIBLE)));
        assertThat(RequestLimits.ONE_PER_CERTIFICATION.check(again).reason()).contains("CQP-A");
        NewRequest afterWithdrawal = new NewRequest("CQP-A", ApplicationRoute.VAE, 2026,
                List.of(earlier("CQP-A", ApplicationRoute.VAE, 2026, ApplicationState.WITHDRAWN)));
        assertThat(RequestLimits.ONE_PER_CERTIFICATION.check(afterWithdrawal).isAllowed()).isTrue();
    }

    @Test
    void r3AtMostThreeVaeRequestsForDifferentCertificationsInACalendarYear() {
        List<EarlierRequest> three = List.of(earlier("CQP-A", ApplicationRoute.VAE, 2026, ApplicationState.DRAFT),
                earlier("CQP-B", ApplicationRoute.VAE, 2026, ApplicationState.ADMISSIBLE),
                earlier("TITRE-C", ApplicationRoute.MIXED, 2026, ApplicationState.SUBMITTED));
        String reason = RequestLimits.AT_MOST_THREE_VAE_A_YEAR
                .check(new NewRequest("CQP-D", ApplicationRoute.VAE, 2026, three)).reason();
        assertThat(reason).contains("CQP-A", "CQP-B", "TITRE-C", "2026");
        // Next calendar year, or by training: allowed.
        assertThat(RequestLimits.AT_MOST_THREE_VAE_A_YEAR
                .check(new NewRequest("CQP-D", ApplicationRoute.VAE, 2027, three)).isAllowed()).isTrue();
        assertThat(RequestLimits.AT_MOST_THREE_VAE_A_YEAR
                .check(new NewRequest("CQP-D", ApplicationRoute.TRAINING, 2026, three)).isAllowed()).isTrue();
        // Earlier requests of past years, training ones and withdrawn ones do not count.
        List<EarlierRequest> notCounted = List.of(earlier("CQP-A", ApplicationRoute.VAE, 2025, ApplicationState.DECIDED),
                earlier("CQP-B", ApplicationRoute.TRAINING, 2026, ApplicationState.DRAFT),
                earlier("TITRE-C", ApplicationRoute.VAE, 2026, ApplicationState.WITHDRAWN),
                earlier("CQP-E", ApplicationRoute.VAE, 2026, ApplicationState.SUBMITTED));
        assertThat(RequestLimits.AT_MOST_THREE_VAE_A_YEAR
                .check(new NewRequest("CQP-D", ApplicationRoute.VAE, 2026, notCounted)).isAllowed()).isTrue();
    }
}
