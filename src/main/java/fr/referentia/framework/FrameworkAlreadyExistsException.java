package fr.referentia.framework;

import fr.referentia.shared.ConflictException;

/** Importing a version that is already there would overwrite a published text: refused (409). */
public class FrameworkAlreadyExistsException extends ConflictException {

    public FrameworkAlreadyExistsException(String code, String version) {
        super("Le référentiel « " + code + " » existe déjà en version « " + version + " ».");
    }
}
