package fr.referentia.shared;

/** A request that would clash with what is already there: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
