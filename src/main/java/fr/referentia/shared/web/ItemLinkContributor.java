package fr.referentia.shared.web;

import java.util.List;

/**
 * Links to an item of a referential that another module keeps (e.g. the matches confirmed in a comparison
 * of referentials), shown on the item's page beside the referential's own associations.
 */
public interface ItemLinkContributor {

    /** One link: how the item relates (French, e.g. « correspond exactement à »), and to which item. */
    record ItemLink(String relation, String frameworkCode, String itemCode, String note) {
    }

    List<ItemLink> linksOf(String frameworkCode, String itemCode);
}
