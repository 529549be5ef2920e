package fr.referentia.framework;

import fr.referentia.shared.BadInputException;

/**
 * How job profiles, dossiers and grids cite an item of a referential: its code, the version cited and
 * the item's stable code, never a database id. {@link ItemCitations} resolves it, and tells what
 * became of the item in a newer published version.
 */
public record ItemCitation(String frameworkCode, String version, String itemCode) {

    public ItemCitation {
        if (isBlank(frameworkCode) || isBlank(version) || isBlank(itemCode)) {
            throw new BadInputException("Une citation d'élément nomme le référentiel, sa version et le code de "
                    + "l'élément (par exemple « CQP-CONSEILLER-COMMERCIAL », « 2024-10 », « C1.E2 »).");
        }
        frameworkCode = frameworkCode.strip();
        version = version.strip();
        itemCode = itemCode.strip();
    }

    /** The same item code in another version of the same referential. */
    public ItemCitation inVersion(String otherVersion) {
        return new ItemCitation(frameworkCode, otherVersion, itemCode);
    }

    /** « CODE (version) · item », as a person reads a citation. */
    @Override
    public String toString() {
        return frameworkCode + " (" + version + ") · " + itemCode;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
