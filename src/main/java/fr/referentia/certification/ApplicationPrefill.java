package fr.referentia.certification;

import fr.referentia.account.AccountDirectory.AccountSummary;
import org.springframework.stereotype.Component;

/**
 * What a new application's admissibility form starts with: what the accounts know of the candidate
 * (name, e-mail). The seam for GPEC: when the workforce module knows the person's job, seniority and
 * assessed competencies, they are added here.
 */
@Component
class ApplicationPrefill {

    AdmissibilityForm formFor(AccountSummary candidate) {
        String[] names = splitName(candidate.displayName());
        AdmissibilityForm empty = AdmissibilityForm.empty();
        return new AdmissibilityForm(null, names[1], names[0], null, null, null, null, candidate.email(), null, null,
                null, null, null, null, null, null, null, empty.diplomas(), null, null, null);
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
