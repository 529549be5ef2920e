package fr.referentia.account;

/** An invitation or reset link that cannot set a password (unknown, spent, replaced or expired). */
public class InvalidLinkException extends RuntimeException {

    private final boolean unknown;

    InvalidLinkException(String message, boolean unknown) {
        super(message);
        this.unknown = unknown;
    }

    /** True when the token matches no link at all; false when the link existed but is no longer valid. */
    public boolean isUnknown() {
        return unknown;
    }
}
