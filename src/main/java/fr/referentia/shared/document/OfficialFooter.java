package fr.referentia.shared.document;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * What the footer of an official document says on every page: its number, its date, the
 * referential it rests on and « Page x sur y ». Rendered by the fragment
 * {@code pdf/official :: footer(${footer})}, whose style {@code pdf/official :: style} goes in the
 * template's head; put the footer first in the body so that it runs from the first page.
 *
 * @param number           the document's number, from {@link DocumentNumbers}
 * @param date             the day the document is issued
 * @param frameworkCode    the referential's code
 * @param frameworkVersion the referential's version
 */
public record OfficialFooter(String number, LocalDate date, String frameworkCode, String frameworkVersion) {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    public OfficialFooter {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(frameworkCode, "frameworkCode");
        Objects.requireNonNull(frameworkVersion, "frameworkVersion");
    }

    /** A footer dated today, from the clock. */
    public static OfficialFooter issuedNow(String number, Clock clock, String frameworkCode, String frameworkVersion) {
        return new OfficialFooter(number, LocalDate.now(clock), frameworkCode, frameworkVersion);
    }

    /** The date as written in French: « 2 décembre 2026 » (« 1er » on the first of the month). */
    public String dateInFrench() {
        String text = date.format(FRENCH_DATE);
        return date.getDayOfMonth() == 1 ? "1er" + text.substring(1) : text;
    }

    /** « Référentiel CODE, version V ». */
    public String referential() {
        return "Référentiel " + frameworkCode + ", version " + frameworkVersion;
    }
}
