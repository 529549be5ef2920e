package fr.referentia.account;

import fr.referentia.shared.BadInputException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * What an administrator looks for in the audit trail; every criterion is optional.
 *
 * @param person     part of the author's e-mail
 * @param objectType exact object type code (e.g. {@code FRAMEWORK})
 * @param objectCode part of the object's id or code
 * @param from       first day included
 * @param to         last day included
 */
public record AuditFilter(String person, String objectType, String objectCode, LocalDate from, LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Reads the filter as typed in the form; every problem is reported at once, in French. */
    public static AuditFilter parse(String person, String objectType, String objectCode, String from, String to) {
        List<String> errors = new ArrayList<>();
        String personText = text(person, "La personne", 320, errors);
        String type = text(objectType, "Le type d'objet", 80, errors);
        String code = text(objectCode, "Le code de l'objet", 200, errors);
        LocalDate fromDate = date(from, "de début", errors);
        LocalDate toDate = date(to, "de fin", errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add("La date de début (" + FRENCH.format(fromDate) + ") est postérieure à la date de fin ("
                    + FRENCH.format(toDate) + ").");
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(String.join(" ", errors), errors);
        }
        return new AuditFilter(personText, type, code, fromDate, toDate);
    }

    private static String text(String value, String what, int max, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            errors.add(what + " dépasse " + max + " caractères.");
        }
        return value.strip();
    }

    private static LocalDate date(String value, String which, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String input = value.strip();
        try {
            return LocalDate.parse(input, input.contains("/") ? FRENCH : ISO);
        } catch (DateTimeParseException e) {
            errors.add("La date " + which + " « " + input + " » n'est pas valide : saisissez une date réelle "
                    + "au format JJ/MM/AAAA (ou AAAA-MM-JJ).");
            return null;
        }
    }
}
