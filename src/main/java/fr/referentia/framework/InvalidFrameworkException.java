package fr.referentia.framework;

import fr.referentia.shared.BadInputException;
import java.util.List;

/** A referential file that cannot be imported; every problem found is listed, nothing is saved. */
public class InvalidFrameworkException extends BadInputException {

    public InvalidFrameworkException(List<String> errors) {
        super("Le référentiel ne peut pas être importé : " + errors.size() + " erreur(s).", errors);
    }

    public InvalidFrameworkException(String error) {
        this(List.of(error));
    }
}
