package fr.referentia.account;

import java.util.Set;

/** What a personal access token may do: on top of its owner's roles, never beyond them. */
public enum AccessTokenScope {
    READ("Lecture seule"),
    WRITE("Lecture et écriture");

    private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String label;

    AccessTokenScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A READ token reads (GET, HEAD, OPTIONS); a WRITE token may also POST, PUT, PATCH and DELETE. */
    public boolean permits(String httpMethod) {
        return this == WRITE || READING_METHODS.contains(httpMethod);
    }
}
