package fr.referentia.search.comparison;

import fr.referentia.framework.AssociationType;
import fr.referentia.shared.web.ItemLinkContributor;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The matches a branch administrator confirmed between two referentials, seen from either item. */
@Component
class ConfirmedMatchLinks implements ItemLinkContributor {

    private final CrossAssociationRepository associations;

    ConfirmedMatchLinks(CrossAssociationRepository associations) {
        this.associations = associations;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ItemLink> linksOf(String frameworkCode, String itemCode) {
        return associations.findConfirmedOf(frameworkCode, itemCode).stream().map(a -> {
            boolean fromHere = a.origin().framework().equals(frameworkCode) && a.origin().code().equals(itemCode);
            ItemRef other = fromHere ? a.destination() : a.origin();
            String relation = a.type() == AssociationType.EXACT_MATCH_OF ? "correspond exactement à" : "est lié à";
            return new ItemLink(relation, other.framework(), other.code(), "correspondance confirmée par comparaison");
        }).toList();
    }
}
