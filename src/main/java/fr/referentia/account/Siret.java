package fr.referentia.account;

import fr.referentia.shared.BadInputException;

/**
 * A SIRET number (14 digits: SIREN + establishment number) whose Luhn check holds. La Poste's
 * establishments (SIREN 356000000) are the documented exception: their digit sum is a multiple of 5.
 */
public record Siret(String value) {

    private static final String LA_POSTE_SIREN = "356000000";

    public Siret {
        if (value == null || !value.matches("\\d{14}")) {
            throw new BadInputException("Le SIRET doit comporter exactement 14 chiffres.");
        }
        if (!isValid(value)) {
            throw new BadInputException("Le SIRET « " + value + " » est invalide : sa clé de contrôle (Luhn) ne correspond pas.");
        }
    }

    /** Accepts the usual ways people type a SIRET ("123 456 789 00012", with dots or dashes). */
    public static Siret parse(String input) {
        return new Siret(input == null ? null : input.replaceAll("[\\s.\\-]", ""));
    }

    static boolean isValid(String digits) {
        if (digits.startsWith(LA_POSTE_SIREN)) {
            return digits.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6, 9) + " "
                + value.substring(9);
    }
}
