package fr.referentia.certification;

import fr.referentia.shared.BadInputException;
import java.util.Locale;

/** A habilitation number as the CPEF issues it, e.g. {@code HAB-2026-0042}; compared in capitals. */
public record AccreditationNumber(String value) {

    public AccreditationNumber {
        if (value == null || value.isBlank()) {
            throw new BadInputException("Le numéro d'habilitation est obligatoire.");
        }
        if (!value.matches("[A-Z0-9][A-Z0-9./-]{0,39}")) {
            throw new BadInputException("Le numéro d'habilitation « " + value + " » ne peut contenir que des lettres, "
                    + "des chiffres, des tirets, des points ou des barres obliques, 40 caractères au plus "
                    + "(exemple : HAB-2026-0042).");
        }
    }

    public static AccreditationNumber parse(String input) {
        return new AccreditationNumber(input == null ? null : input.strip().toUpperCase(Locale.ROOT));
    }
}
