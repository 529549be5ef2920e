package fr.referentia.framework;

import fr.referentia.shared.policy.Decision;

/** A published version is frozen: its text is the one validated by the branch. */
final class PublishedVersionIsImmutable implements VersionChangePolicy {

    @Override
    public Decision check(FrameworkStatus status) {
        return status == FrameworkStatus.PUBLISHED
                ? Decision.rejected("Une version publiée ne peut plus être modifiée : créez une nouvelle version.")
                : Decision.allowed();
    }
}
