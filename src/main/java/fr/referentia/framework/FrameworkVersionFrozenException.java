package fr.referentia.framework;

import fr.referentia.shared.ConflictException;

/** A change asked of a version that may no longer change (see {@link VersionChangePolicy}): 409. */
public class FrameworkVersionFrozenException extends ConflictException {

    public FrameworkVersionFrozenException(String code, String version, String reason) {
        super("Référentiel « " + code + " », version « " + version + " » : " + reason);
    }
}
