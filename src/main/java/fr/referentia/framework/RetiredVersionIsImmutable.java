package fr.referentia.framework;

/** A retired version stays readable as it was published, and is never changed again. */
final class RetiredVersionIsImmutable implements VersionChangePolicy {

    @Override
    public Decision check(FrameworkStatus status) {
        return status == FrameworkStatus.RETIRED
                ? Decision.refuse("Une version retirée ne peut plus être modifiée.")
                : Decision.allow();
    }
}
