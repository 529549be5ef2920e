package fr.referentia.search.comparison.web;

import java.util.List;

/**
 * One page of a list: its items, its number (from 0, brought back within the pages there are) and how
 * many pages there are (at least one, empty when the list is).
 */
public record Paged<T>(List<T> items, int page, int pages, int total, int size) {

    public static <T> Paged<T> of(List<T> all, int requested, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int page = Math.max(0, Math.min(requested, pages - 1));
        return new Paged<>(all.subList(page * size, Math.min(all.size(), (page + 1) * size)), page, pages, all.size(),
                size);
    }

    /** The same page holding other items (e.g. the same ones with their decisions). */
    public <U> Paged<U> with(List<U> others) {
        return new Paged<>(others, page, pages, total, size);
    }

    /** The rank of the first item of this page, from 1 (0 when there is none). */
    public int first() {
        return items.isEmpty() ? 0 : page * size + 1;
    }

    /** The rank of the last item of this page. */
    public int last() {
        return page * size + items.size();
    }
}
