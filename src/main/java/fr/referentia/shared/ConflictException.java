package fr.referentia.shared;

/** A request that would clash with what is already there: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }

    /** Further members of the problem details a subclass may add (e.g. the version another tab saved). */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }
}
