package fr.referentia.certification;

import fr.referentia.shared.BadInputException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * The days an accreditation is valid, both included: it starts on {@code from} and still holds on
 * {@code until}, which must come after {@code from}.
 */
public record AccreditationValidity(LocalDate from, LocalDate until) {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    public AccreditationValidity {
        if (from == null || until == null) {
            throw new BadInputException("Les dates de début et de fin de validité sont obligatoires.");
        }
        if (!until.isAfter(from)) {
            throw new BadInputException("La date de fin de validité (" + french(until)
                    + ") doit être postérieure à la date de début (" + french(from) + ").");
        }
    }

    /** Reads dates as date fields send them (2026-03-31) or as people type them (31/03/2026). */
    public static AccreditationValidity parse(String from, String until) {
        return new AccreditationValidity(date(from, "de début"), date(until, "de fin"));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(until);
    }

    private static LocalDate date(String text, String which) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("La date " + which + " de validité est obligatoire.");
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        throw new BadInputException("La date " + which + " de validité « " + text.strip()
                + " » n'est pas une date valide (format attendu : JJ/MM/AAAA).");
    }

    static String french(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("dd/MM/uuuu"));
    }
}
