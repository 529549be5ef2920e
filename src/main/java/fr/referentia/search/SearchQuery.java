package fr.referentia.search;

import fr.referentia.framework.ItemType;
import fr.referentia.shared.text.PlainText;

/**
 * A search across referentials: words, optional filters, a page. Without a version, only the current
 * (latest published) version of each referential is searched; a version needs a referential code.
 */
public record SearchQuery(String text, String frameworkCode, String version, ItemType type, int page, int size) {

    public SearchQuery {
        // In normal form C, as the referentials' texts are: « é » typed as « e » and an accent finds « é ».
        text = text == null ? "" : PlainText.normalise(text.strip());
        frameworkCode = frameworkCode == null || frameworkCode.isBlank() ? null : frameworkCode.strip();
        version = version == null || version.isBlank() ? null : version.strip();
        page = Math.max(page, 0);
    }

    /** A search of the current versions. */
    public SearchQuery(String text, String frameworkCode, ItemType type, int page, int size) {
        this(text, frameworkCode, null, type, page, size);
    }

    public boolean isBlank() {
        return text.isEmpty();
    }
}
