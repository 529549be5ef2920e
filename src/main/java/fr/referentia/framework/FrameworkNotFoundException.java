package fr.referentia.framework;

import fr.referentia.shared.NotFoundException;

/** A referential or item code that does not exist; rendered as a 404. */
public class FrameworkNotFoundException extends NotFoundException {

    public FrameworkNotFoundException(String message) {
        super(message);
    }

    public static FrameworkNotFoundException framework(String code) {
        return new FrameworkNotFoundException("Aucun référentiel n'a le code « " + code + " ».");
    }

    public static FrameworkNotFoundException version(String code, String version) {
        return new FrameworkNotFoundException(
                "Le référentiel « " + code + " » n'a pas de version « " + version + " » consultable.");
    }

    public static FrameworkNotFoundException item(String frameworkCode, String itemCode) {
        return new FrameworkNotFoundException(
                "Le référentiel « " + frameworkCode + " » n'a pas d'élément de code « " + itemCode + " ».");
    }
}
