package fr.referentia.framework;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policy;
import java.util.List;

/**
 * A referential is retired when it has a published version: retiring takes it off the home page and
 * out of search, while each version stays readable (and citable) at its own address. One never
 * published is discarded instead; one already retired is not retired twice.
 */
public final class OnlyPublishedReferentialsAreRetired implements Policy<List<Framework>> {

    public static final OnlyPublishedReferentialsAreRetired RULE = new OnlyPublishedReferentialsAreRetired();

    private OnlyPublishedReferentialsAreRetired() {
    }

    /** {@code versions}: every version of one referential. */
    @Override
    public Decision check(List<Framework> versions) {
        if (versions.stream().anyMatch(v -> v.getStatus() == FrameworkStatus.PUBLISHED)) {
            return Decision.allowed();
        }
        String code = versions.isEmpty() ? "" : versions.get(0).getCode();
        if (versions.stream().anyMatch(v -> v.getStatus() == FrameworkStatus.RETIRED)) {
            return Decision.rejected("Le référentiel « " + code + " » est déjà retiré.");
        }
        return Decision.rejected("Le référentiel « " + code + " » n'a aucune version publiée : abandonnez son "
                + "brouillon plutôt que de le retirer.");
    }
}
