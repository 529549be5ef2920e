package fr.referentia.search;

import fr.referentia.shared.BadInputException;

/** A search that cannot be run as asked (empty, too long, bad page); rendered as a 400. */
public class InvalidSearchException extends BadInputException {

    public InvalidSearchException(String message) {
        super(message);
    }
}
