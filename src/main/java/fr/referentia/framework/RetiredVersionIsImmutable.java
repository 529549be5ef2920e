package fr.referentia.framework;

import fr.referentia.shared.policy.Decision;

/** A retired version stays readable as it was published, and is never changed again. */
final class RetiredVersionIsImmutable implements VersionChangePolicy {

    @Override
    public Decision check(FrameworkStatus status) {
        return status == FrameworkStatus.RETIRED
                ? Decision.rejected("Une version retirée ne peut plus être modifiée.")
                : Decision.allowed();
    }
}
