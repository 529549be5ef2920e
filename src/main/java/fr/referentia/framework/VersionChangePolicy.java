package fr.referentia.framework;

import java.util.List;

/**
 * Whether a version of a referential may still change. One rule per implementation, named after
 * it; {@link #CURRENT} lists the rules in force. Published versions are cited by certificates and
 * job profiles, so they are frozen: editing makes a new draft version.
 */
public interface VersionChangePolicy {

    List<VersionChangePolicy> CURRENT = List.of(new PublishedVersionIsImmutable(), new RetiredVersionIsImmutable());

    Decision check(FrameworkStatus status);

    /** An allowance, or a refusal with a reason a person can read. */
    record Decision(boolean allowed, String reason) {

        static Decision allow() {
            return new Decision(true, null);
        }

        static Decision refuse(String reason) {
            return new Decision(false, reason);
        }
    }

    /** The first refusal among the rules in force, else an allowance. */
    static Decision evaluate(FrameworkStatus status) {
        return CURRENT.stream().map(policy -> policy.check(status)).filter(decision -> !decision.allowed())
                .findFirst().orElse(Decision.allow());
    }

    /** Throws {@link FrameworkVersionFrozenException} (409) when the version may not change. */
    static void requireChangeable(Framework framework) {
        Decision decision = evaluate(framework.getStatus());
        if (!decision.allowed()) {
            throw new FrameworkVersionFrozenException(framework.getCode(), framework.getVersion(), decision.reason());
        }
    }
}
