package fr.referentia.shared.web;

/**
 * One tile of a person's workspace ({@code /mon-espace}): what they can do there and the next step.
 * {@code href} is null for work that arrives later (the tile then only says what will appear).
 *
 * @param order position among the tiles, lowest first (10s: the person's daily work, 90s: their own data)
 * @param title short French title
 * @param text one or two French sentences: what is there, and the next step
 * @param href the page the tile leads to, or null
 * @param action the link's French label, e.g. « Voir les personnes »
 */
public record WorkspaceTile(int order, String title, String text, String href, String action) {

    public static WorkspaceTile link(int order, String title, String text, String href, String action) {
        return new WorkspaceTile(order, title, text, href, action);
    }

    public static WorkspaceTile upcoming(int order, String title, String text) {
        return new WorkspaceTile(order, title, text, null, null);
    }
}
