package fr.referentia.framework.authoring;

import fr.referentia.shared.ConflictException;

/** A write on a draft that someone else is editing (see {@link EditLockPolicy}): 409, pages and API alike. */
public class DraftLockedException extends ConflictException {

    public DraftLockedException(String message) {
        super(message);
    }
}
