package fr.referentia.framework;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policy;

/**
 * Only a draft version may be discarded: a published version is cited by certificates and job profiles,
 * so it is retired with its referential, never deleted.
 */
public final class OnlyDraftsAreDiscarded implements Policy<Framework> {

    public static final OnlyDraftsAreDiscarded RULE = new OnlyDraftsAreDiscarded();

    private OnlyDraftsAreDiscarded() {
    }

    @Override
    public Decision check(Framework version) {
        String state = version.getStatus() == FrameworkStatus.RETIRED ? "retirée"
                : "publiée ; retirez le référentiel s'il ne doit plus être proposé";
        return Decision.allowedIf(version.getStatus() == FrameworkStatus.DRAFT,
                "Seule une version brouillon peut être abandonnée : la version « " + version.getVersion()
                        + " » de « " + version.getCode() + " » est " + state + ".");
    }
}
