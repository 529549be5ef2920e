package fr.referentia.shared;

import java.util.List;

/** Input a person can correct; every problem is listed in French. Rendered as a 400. */
public class BadInputException extends RuntimeException {

    private final List<String> errors;

    public BadInputException(String message, List<String> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public BadInputException(String message) {
        this(message, List.of(message));
    }

    public List<String> errors() {
        return errors;
    }

    /** Further members of the problem details a subclass may add (e.g. errors located in a file). */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }
}
