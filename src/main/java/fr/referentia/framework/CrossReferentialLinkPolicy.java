package fr.referentia.framework;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.util.List;

/**
 * R14: cross-certification links are associations between referential items. A link to another
 * referential's item is checked against that referential as it is published now, by authoring and by
 * import alike, in one wording.
 */
public interface CrossReferentialLinkPolicy extends Policy<CrossReferentialLinkPolicy.Link> {

    /**
     * A link from {@code originCode} to {@code destinationCode} of the referential
     * {@code destinationFramework}; {@code destinationPublished}: whether the current published version
     * of that referential has that item.
     */
    record Link(String originCode, String destinationFramework, String destinationCode,
            boolean destinationPublished) {
    }

    /** The linked item is in the other referential's current published version, or the link would lead nowhere. */
    CrossReferentialLinkPolicy DESTINATION_IS_PUBLISHED = link -> Decision.allowedIf(link.destinationPublished(),
            "Association depuis « " + link.originCode() + " » : " + (link.destinationCode() == null
                    ? "le code de l'élément de destination du référentiel « " + link.destinationFramework() + " » manque."
                    : "le référentiel publié « " + link.destinationFramework() + " » n'a pas d'élément « "
                            + link.destinationCode() + " »."));

    List<CrossReferentialLinkPolicy> CURRENT = List.of(DESTINATION_IS_PUBLISHED);

    static Decision checkAll(Link link) {
        return Policies.firstRejection(link, CURRENT);
    }
}
