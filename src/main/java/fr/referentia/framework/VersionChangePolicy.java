package fr.referentia.framework;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.util.List;

/**
 * Whether a version of a referential may still change. One rule per implementation, named after
 * it; {@link #CURRENT} lists the rules in force. Published versions are cited by certificates and
 * job profiles, so they are frozen: editing makes a new draft version.
 */
public interface VersionChangePolicy extends Policy<FrameworkStatus> {

    List<VersionChangePolicy> CURRENT = List.of(new PublishedVersionIsImmutable(), new RetiredVersionIsImmutable());

    /** The first refusal among the rules in force, else an allowance. */
    static Decision evaluate(FrameworkStatus status) {
        return Policies.firstRejection(status, CURRENT);
    }

    /** Throws {@link FrameworkVersionFrozenException} (409) when the version may not change. */
    static void requireChangeable(Framework framework) {
        evaluate(framework.getStatus()).orThrow(
                reason -> new FrameworkVersionFrozenException(framework.getCode(), framework.getVersion(), reason));
    }
}
