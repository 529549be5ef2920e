package fr.referentia.certification;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.workforce.Workforce;
import fr.referentia.workforce.Workforce.EmployeeFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a new application's admissibility form starts with: what the accounts know of the candidate
 * (name, e-mail) and, when the GPEC module knows the person's current job ({@link Workforce#factsOf}),
 * the job's title, employer and start date, and the years in that job as experience in the field
 * (a suggestion the candidate corrects: the form's answers are theirs).
 */
@Component
class ApplicationPrefill {

    private final Workforce workforce;
    private final AccountAdministration accounts;
    private final Clock clock;

    ApplicationPrefill(Workforce workforce, AccountAdministration accounts, Clock clock) {
        this.workforce = workforce;
        this.accounts = accounts;
        this.clock = clock;
    }

    AdmissibilityForm formFor(AccountSummary candidate) {
        String[] names = splitName(candidate.displayName());
        Optional<EmployeeFacts> facts = workforce.factsOf(candidate.id());
        AdmissibilityForm.CurrentJob job = facts.map(f -> new AdmissibilityForm.CurrentJob(f.jobTitle(),
                employer(f), null, f.jobSince(), null, null)).orElse(null);
        BigDecimal yearsInJob = facts.map(EmployeeFacts::jobSince).map(this::years).orElse(null);
        BigDecimal yearsHired = facts.map(EmployeeFacts::hiredOn).map(this::years).orElse(null);
        return new AdmissibilityForm(null, names[1], names[0], null, null, null, null, candidate.email(), null, null,
                yearsHired, yearsInJob, null, null, null, job, null, null, null, null, null);
    }

    private String employer(EmployeeFacts facts) {
        return facts.organisationId() == null ? null
                : accounts.findOrganisation(facts.organisationId()).map(o -> o.getName()).orElse(null);
    }

    /** Whole and half years from {@code since} to today, rounded down; null for a date in the future. */
    private BigDecimal years(LocalDate since) {
        LocalDate today = LocalDate.now(clock);
        if (since == null || since.isAfter(today)) {
            return null;
        }
        Period period = Period.between(since, today);
        return BigDecimal.valueOf(period.getYears()).add(period.getMonths() >= 6 ? new BigDecimal("0.5") : BigDecimal.ZERO)
                .setScale(1, RoundingMode.DOWN);
    }

    /** « Prénom Nom » → {first, last}; a single word is taken as the last name. */
    static String[] splitName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return new String[] {null, null};
        }
        String name = displayName.strip();
        int space = name.indexOf(' ');
        return space < 0 ? new String[] {null, name} : new String[] {name.substring(0, space), name.substring(space + 1)};
    }
}
