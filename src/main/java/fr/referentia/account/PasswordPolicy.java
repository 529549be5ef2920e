package fr.referentia.account;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a new password must be. One named policy per rule; every rejection is shown, so the person
 * fixes everything at once.
 */
interface PasswordPolicy extends Policy<PasswordPolicy.Candidate> {

    int MINIMUM_LENGTH = 12;
    /**
     * Passphrases of 64 characters and more are welcome, beyond 128 they are refused (ASVS 2.1.2); Argon2id
     * reads every byte of them, where bcrypt stopped at 72 ({@link PasswordHashing}).
     */
    int MAXIMUM_LENGTH = 128;
    /** A shorter local part ("jo@…") would refuse too many good passwords to be a useful rule. */
    int MINIMUM_LOCAL_PART = 3;

    /** The password typed twice, and the e-mail of the account it is for. */
    record Candidate(String password, String confirmation, String email) {

        public Candidate {
            password = Objects.requireNonNullElse(password, "");
            confirmation = Objects.requireNonNullElse(confirmation, "");
            email = Objects.requireNonNullElse(email, "");
        }
    }



    PasswordPolicy LONG_ENOUGH = candidate -> {
        int length = candidate.password().codePointCount(0, candidate.password().length());
        return length >= MINIMUM_LENGTH ? Decision.allowed() : Decision.rejected("Le mot de passe doit comporter au moins "
                + MINIMUM_LENGTH + " caractères (il en a " + length + ").");
    };

    PasswordPolicy NOT_TOO_LONG = candidate -> candidate.password().codePointCount(0, candidate.password().length())
            <= MAXIMUM_LENGTH ? Decision.allowed() : Decision.rejected("Le mot de passe est trop long : "
                    + MAXIMUM_LENGTH + " caractères au plus.");

    /**
     * Not one of the common passwords shipped with the application, compared without case, nor one
     * of them followed by digits or symbols ("motdepasse2024!").
     */
    PasswordPolicy NOT_COMMON = candidate -> {
        String lower = candidate.password().toLowerCase(Locale.ROOT);
        String stem = lower.replaceAll("(?U)[\\d\\W_]+$", "");
        return CommonPasswords.contains(lower) || CommonPasswords.contains(stem)
                ? Decision.rejected("Ce mot de passe fait partie des plus courants : choisissez-en un moins prévisible,"
                        + " par exemple une phrase de quelques mots.")
                : Decision.allowed();
    };

    PasswordPolicy WITHOUT_EMAIL = candidate -> {
        int at = candidate.email().indexOf('@');
        String localPart = (at < 0 ? candidate.email() : candidate.email().substring(0, at)).toLowerCase(Locale.ROOT);
        return localPart.length() >= MINIMUM_LOCAL_PART
                && candidate.password().toLowerCase(Locale.ROOT).contains(localPart)
                ? Decision.rejected("Le mot de passe ne doit pas contenir votre adresse e-mail (« " + localPart + " »).")
                : Decision.allowed();
    };

    PasswordPolicy CONFIRMED = candidate -> candidate.password().equals(candidate.confirmation())
            ? Decision.allowed() : Decision.rejected("La confirmation ne correspond pas au mot de passe.");

    List<PasswordPolicy> ALL = List.of(LONG_ENOUGH, NOT_TOO_LONG, NOT_COMMON, WITHOUT_EMAIL, CONFIRMED);

    /** Every reason the candidate is refused; empty when it is acceptable. */
    static List<String> rejections(Candidate candidate) {
        return Policies.allRejections(candidate, ALL);
    }
}
