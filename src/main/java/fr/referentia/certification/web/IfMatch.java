package fr.referentia.certification.web;

import fr.referentia.shared.BadInputException;

/** The version a client read, sent back in {@code If-Match} (a number, quoted or weak or not) for optimistic locking. */
final class IfMatch {

    private IfMatch() {
    }

    /** The version, or null without the header; 400 in French when it is not a number. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadInputException("L'en-tête If-Match porte la version lue (un nombre), pas « " + value + " ».");
        }
    }
}
