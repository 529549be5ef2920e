package fr.referentia.shared.policy;

import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a rule says of a subject: allowed, or rejected with a French reason the person can act on.
 * The one answer of every {@link Policy}; {@link #orThrow} hands a rejection to the person as the
 * error the request deserves (400, 404, 409 problem details in the API).
 */
public sealed interface Decision permits Decision.Allowed, Decision.Rejected {

    /** The subject passes the rule. */
    record Allowed() implements Decision {
    }

    /** The subject fails the rule, for {@code reason}: a French sentence the person can act on. */
    record Rejected(String reason) implements Decision {

        public Rejected {
            Objects.requireNonNull(reason, "a rejection says why");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a rejection says why");
            }
        }
    }

    static Decision allowed() {
        return new Allowed();
    }

    static Decision rejected(String reason) {
        return new Rejected(reason);
    }

    /** Allowed when {@code condition} holds, else rejected for {@code reason}. */
    static Decision allowedIf(boolean condition, String reason) {
        return condition ? allowed() : rejected(reason);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    /** Why it was rejected; null when allowed. */
    default String reason() {
        return this instanceof Rejected rejected ? rejected.reason() : null;
    }

    /** Throws the exception {@code refusal} makes of the reason when rejected. */
    default void orThrow(Function<String, ? extends RuntimeException> refusal) {
        if (this instanceof Rejected rejected) {
            throw refusal.apply(rejected.reason());
        }
    }

    /** A rejection as input the person can correct: 400 with the reason. */
    default void orBadInput() {
        orThrow(BadInputException::new);
    }

    /** A rejection as a clash with what is already there: 409 with the reason. */
    default void orConflict() {
        orThrow(ConflictException::new);
    }

    /** A rejection as something the person may not know of: 404 with the reason. */
    default void orNotFound() {
        orThrow(NotFoundException::new);
    }
}
