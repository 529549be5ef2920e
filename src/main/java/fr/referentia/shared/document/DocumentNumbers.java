package fr.referentia.shared.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers of official documents, e.g. {@code CERT-2026-000123} or {@code PV-2026-000007}: one
 * sequence per kind and year, without gap or duplicate. The counter row of the kind and year is
 * locked and incremented in the caller's transaction, which must exist: a document whose
 * transaction rolls back gives its number back, and concurrent issuers wait for each other.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class DocumentNumbers {

    /** A kind is a short upper-case code: CERT, PV, ATT… */
    static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9]{1,19}");

    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentNumbers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The next number of this kind in the current year (from the clock). */
    public String next(String kind) {
        return next(kind, LocalDate.now(clock).getYear());
    }

    /** The next number of this kind in the given year, e.g. {@code next("CERT", 2026)} → {@code CERT-2026-000123}. */
    public String next(String kind, int year) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Document kind must be an upper-case code: " + kind);
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("Year out of range: " + year);
        }
        // The first issuer of a year creates the counter; a concurrent one waits for its outcome, then
        // does nothing. The update locks the row until the caller's transaction ends.
        jdbc.sql("INSERT INTO document_number_counter (kind, number_year, last_value) VALUES (?, ?, 0) "
                + "ON CONFLICT DO NOTHING").params(kind, year).update();
        jdbc.sql("UPDATE document_number_counter SET last_value = last_value + 1 WHERE kind = ? AND number_year = ?")
                .params(kind, year).update();
        long value = jdbc.sql("SELECT last_value FROM document_number_counter WHERE kind = ? AND number_year = ?")
                .params(kind, year).query(Long.class).single();
        return format(kind, year, value);
    }

    static String format(String kind, int year, long value) {
        return String.format("%s-%d-%06d", kind, year, value);
    }
}
