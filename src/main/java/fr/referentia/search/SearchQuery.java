package fr.referentia.search;

import fr.referentia.framework.ItemType;

/** A search across referentials: words, optional filters, a page. */
public record SearchQuery(String text, String frameworkCode, ItemType type, int page, int size) {

    public SearchQuery {
        text = text == null ? "" : text.strip();
        frameworkCode = frameworkCode == null || frameworkCode.isBlank() ? null : frameworkCode.strip();
        page = Math.max(page, 0);
    }

    public boolean isBlank() {
        return text.isEmpty();
    }
}
