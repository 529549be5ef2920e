package fr.referentia.framework;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policy;

/**
 * R7: a competency is mastered when every essential element (incontournable) is acquired; which
 * elements are essential is data, set per element by the referential's author. Only competency
 * elements carry the flag: an element's flag is true or false, any other item has none.
 */
public final class OnlyElementsAreEssential {

    /**
     * An author's request to set the flag of an item of {@code type} (named {@code typeName}, e.g. an
     * OTHER item's own label) to {@code essential} (null: unchanged).
     */
    public record Request(String itemCode, ItemType type, String typeName, Boolean essential) {
    }

    /** Marking as essential anything but an element is refused, with what the item is. */
    public static final Policy<Request> RULE = request -> Decision.allowedIf(
            !Boolean.TRUE.equals(request.essential()) || carriesFlag(request.type()),
            "Seul un élément de compétence peut être incontournable : « " + request.itemCode()
                    + " » est de type " + request.typeName() + ".");

    private OnlyElementsAreEssential() {
    }

    /** Whether items of {@code type} carry the flag (and the editor shows its checkbox). */
    public static boolean carriesFlag(ItemType type) {
        return type == ItemType.ELEMENT;
    }

    /** The flag an item of {@code type} holds for {@code requested}: an element's is false unless said true; others have none. */
    public static Boolean flag(ItemType type, Boolean requested) {
        return carriesFlag(type) ? Boolean.TRUE.equals(requested) : null;
    }
}
