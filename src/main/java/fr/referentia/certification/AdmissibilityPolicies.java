package fr.referentia.certification;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules on an admissibility request (R2–R4 of PRODUCT.md, seed 004 part 2), each a named
 * {@link Policy}: the form must be plausible to be saved, complete (with a document proving the
 * experience) to be submitted, and R2's experience threshold is pre-checked for the office.
 */
public final class AdmissibilityPolicies {

    private AdmissibilityPolicies() {
    }

    /** The people cannot have worked before this age (an apprenticeship starts at 15 at the earliest). */
    static final int EARLIEST_WORKING_AGE = 14;

    /** The earliest year a date of the form may have. */
    static final int EARLIEST_YEAR = 1900;

    /** How far ahead the current job's period may end (a fixed-term contract), in years. */
    static final int LATEST_JOB_END_YEARS = 10;

    /** A form as of a day: the day the candidate saves or submits it. */
    public record FormOnDay(AdmissibilityForm form, LocalDate today) {
    }

    /** Input no one could truthfully give: refused when the form is saved. */
    public interface Plausibility extends Policy<FormOnDay> {

        /** A birth date in the future, or more than 100 years ago. */
        Plausibility BIRTH_DATE_IN_THE_PAST = subject -> {
            LocalDate birth = subject.form().birthDate();
            if (birth == null) {
                return Decision.allowed();
            }
            if (birth.isAfter(subject.today())) {
                return Decision.rejected("La date de naissance (" + AccreditationValidity.french(birth)
                        + ") est dans le futur.");
            }
            return Decision.allowedIf(!birth.isBefore(subject.today().minusYears(100)),
                    "La date de naissance (" + AccreditationValidity.french(birth) + ") est invraisemblable.");
        };

        /** Years of experience cannot be negative nor exceed the years since the earliest working age. */
        Plausibility EXPERIENCE_WITHIN_AGE = subject -> {
            AdmissibilityForm form = subject.form();
            for (BigDecimal years : new BigDecimal[] {form.totalExperienceYears(), form.fieldExperienceYears()}) {
                if (years != null && years.signum() < 0) {
                    return Decision.rejected("Une durée d'expérience ne peut pas être négative.");
                }
            }
            if (form.totalExperienceYears() != null && form.fieldExperienceYears() != null
                    && form.fieldExperienceYears().compareTo(form.totalExperienceYears()) > 0) {
                return Decision.rejected("L'expérience dans le domaine de la certification ("
                        + years(form.fieldExperienceYears()) + ") ne peut pas dépasser l'expérience professionnelle "
                        + "totale (" + years(form.totalExperienceYears()) + ").");
            }
            if (form.birthDate() == null || form.birthDate().isAfter(subject.today())) {
                return Decision.allowed();
            }
            int age = Period.between(form.birthDate(), subject.today()).getYears();
            int possible = Math.max(0, age - EARLIEST_WORKING_AGE);
            for (BigDecimal years : new BigDecimal[] {form.totalExperienceYears(), form.fieldExperienceYears()}) {
                if (years != null && years.compareTo(BigDecimal.valueOf(possible)) > 0) {
                    return Decision.rejected("Une expérience de " + years(years) + " est impossible à " + age
                            + " ans (au plus " + possible + " ans depuis l'âge de " + EARLIEST_WORKING_AGE
                            + " ans) : vérifiez la date de naissance et les durées d'expérience.");
                }
            }
            return Decision.allowed();
        };

        /**
         * The current job started on a real day, not in the future nor before 1900, and its period ends after it
         * starts and within {@value #LATEST_JOB_END_YEARS} years (the end of a fixed-term contract); year 999999999 was
         * stored as typed.
         */
        Plausibility CURRENT_JOB_PERIOD_IN_ORDER = subject -> {
            AdmissibilityForm.CurrentJob job = subject.form().currentJob();
            if (job == null || job.from() == null) {
                return Decision.allowed();
            }
            if (job.from().isAfter(subject.today())) {
                return Decision.rejected("L'emploi actuel ne peut pas commencer dans le futur.");
            }
            if (job.from().getYear() < EARLIEST_YEAR) {
                return Decision.rejected("Le début de l'emploi actuel (" + AccreditationValidity.french(job.from())
                        + ") est invraisemblable : il va du 01/01/" + EARLIEST_YEAR + " à aujourd'hui.");
            }
            if (job.until() != null && job.until().isAfter(subject.today().plusYears(LATEST_JOB_END_YEARS))) {
                return Decision.rejected("La fin de la période d'activité (" + AccreditationValidity.french(job.until())
                        + ") est invraisemblable : au plus " + LATEST_JOB_END_YEARS + " ans après aujourd'hui.");
            }
            return Decision.allowedIf(job.until() == null || !job.until().isBefore(job.from()),
                    "La fin de la période d'activité précède son début.");
        };

        /**
         * The signature date, even on a draft, is a real day: from 1900 (the earliest date the application accepts, as
         * for a referential's validation date) to a year after today (a form signed ahead of its sending). A year such
         * as +999999999 was saved and only judged at confirmation.
         */
        Plausibility SIGNED_ON_IN_RANGE = subject -> {
            LocalDate signed = subject.form().signedOn();
            if (signed == null) {
                return Decision.allowed();
            }
            LocalDate latest = subject.today().plusYears(1);
            return Decision.allowedIf(signed.getYear() >= EARLIEST_YEAR && !signed.isAfter(latest),
                    "La date de signature (" + AccreditationValidity.french(signed) + ") est invraisemblable : "
                            + "elle va du 01/01/" + EARLIEST_YEAR + " au " + AccreditationValidity.french(latest) + ".");
        };

        List<Plausibility> IN_FORCE = List.of(BIRTH_DATE_IN_THE_PAST, EXPERIENCE_WITHIN_AGE,
                CURRENT_JOB_PERIOD_IN_ORDER, SIGNED_ON_IN_RANGE);
    }

    /** The first implausible answer, refused as bad input. */
    public static Decision plausible(AdmissibilityForm form, LocalDate today) {
        return Policies.firstRejection(new FormOnDay(form, today), Plausibility.IN_FORCE);
    }

    /** What submission needs: the form filled, the sworn statement, the candidate's consent, a supporting document. */
    public record Submission(AdmissibilityForm form, List<DocumentKind> documents, boolean candidateConfirmed) {
    }

    /** Completeness (R4 of the issue: « completeness of form and documents »): every missing part is named. */
    public interface Completeness extends Policy<Submission> {

        Completeness FORM_COMPLETE = subject -> {
            List<String> missing = missingFields(subject.form());
            return Decision.allowedIf(missing.isEmpty(),
                    "Le dossier de recevabilité est incomplet : " + String.join(", ", missing) + ".");
        };

        Completeness SUPPORTING_DOCUMENT_ATTACHED = subject -> Decision.allowedIf(
                subject.documents().stream().anyMatch(DocumentKind::provesExperience),
                "Joignez au moins un justificatif de votre expérience : bulletin de salaire, certificat de "
                        + "travail ou attestation employeur.");

        Completeness CANDIDATE_CONFIRMED = subject -> Decision.allowedIf(subject.candidateConfirmed(),
                "Le candidat doit d'abord confirmer cette candidature faite pour lui par les RH de son organisme.");

        List<Completeness> IN_FORCE = List.of(FORM_COMPLETE, SUPPORTING_DOCUMENT_ATTACHED, CANDIDATE_CONFIRMED);
    }

    /** Every reason the request cannot be submitted yet; empty when it can. */
    public static List<String> missing(Submission submission) {
        return Policies.allRejections(submission, Completeness.IN_FORCE);
    }

    /** The form's required fields left empty, in the form's order and words. */
    static List<String> missingFields(AdmissibilityForm form) {
        List<String> missing = new ArrayList<>();
        if (form == null) {
            form = AdmissibilityForm.empty();
        }
        if (form.civility() == null) missing.add("civilité");
        if (blank(form.lastName())) missing.add("nom");
        if (blank(form.firstName())) missing.add("prénom");
        if (blank(form.address())) missing.add("adresse");
        if (blank(form.homePhone()) && blank(form.workPhone()) && blank(form.mobilePhone())) missing.add("un téléphone");
        if (blank(form.email())) missing.add("e-mail");
        if (form.birthDate() == null) missing.add("date de naissance");
        if (blank(form.birthPlace())) missing.add("lieu de naissance");
        if (form.totalExperienceYears() == null) missing.add("durée totale de l'expérience professionnelle");
        if (form.fieldExperienceYears() == null) missing.add("durée de l'expérience dans le domaine de la certification");
        if (form.otherRelatedActivities() == null) missing.add("autres activités exercées (oui ou non)");
        else if (form.otherRelatedActivities() && blank(form.otherRelatedActivitiesDetail())) missing.add("lesquelles (autres activités)");
        AdmissibilityForm.CurrentJob job = form.currentJob();
        if (job == null || blank(job.title())) missing.add("intitulé de l'emploi actuel");
        if (job == null || blank(job.employer())) missing.add("entreprise de l'emploi actuel");
        if (job == null || job.from() == null) missing.add("début de la période d'activité");
        if (job == null || job.activities() == null || !job.activities().anyFilled()) missing.add("principales activités de l'emploi actuel");
        if (form.lastClassAttended() == null) missing.add("dernière classe suivie");
        if (form.diplomas().isEmpty()) missing.add("diplômes obtenus (ou « Aucun diplôme »)");
        form.diplomas().stream().filter(d -> d.level() != null && d.level().needsTitle() && blank(d.title()))
                .findFirst().ifPresent(d -> missing.add("intitulé du diplôme « " + d.level().label() + " »"));
        if (!Boolean.TRUE.equals(form.swornStatement())) missing.add("déclaration sur l'honneur");
        if (blank(form.signedAt())) missing.add("lieu de signature (« Fait à »)");
        if (form.signedOn() == null) missing.add("date de signature");
        return missing;
    }

    /**
     * R2 (seed 004): VAE admissibility needs at least the certification's threshold of years of activity
     * related to it at the date of the request. A pre-check shown to the office, which decides.
     */
    public record ExperienceThreshold(int minimumYears) implements Policy<AdmissibilityForm> {

        @Override
        public Decision check(AdmissibilityForm form) {
            if (form == null || form.fieldExperienceYears() == null) {
                return Decision.rejected("L'expérience dans le domaine de la certification n'est pas renseignée (il faut "
                        + minimumYears + " ans au moins).");
            }
            return Decision.allowedIf(form.fieldExperienceYears().compareTo(BigDecimal.valueOf(minimumYears)) >= 0,
                    "Le candidat déclare " + years(form.fieldExperienceYears()) + " d'expérience en lien avec la "
                            + "certification ; il en faut " + minimumYears + " au moins (R2).");
        }
    }

    static String years(BigDecimal years) {
        String number = years.stripTrailingZeros().toPlainString().replace('.', ',');
        return number + (years.compareTo(BigDecimal.ONE) > 0 ? " ans" : " an");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
