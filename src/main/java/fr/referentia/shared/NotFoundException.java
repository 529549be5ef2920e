package fr.referentia.shared;

/** Something asked for by code or id that does not exist (or that the caller may not know of): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
