package fr.referentia.shared.web;

import fr.referentia.shared.BadInputException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One page of a list: its items, its number (from 0, brought back within the pages there are) and how
 * many pages there are (at least one, empty when the list is). Shared by the comparison pages and the
 * certification office's queue.
 */
public record Paged<T>(List<T> items, int page, int pages, int total, int size) {

    /**
     * A page asked for by a person or a client ({@code page} from 0, {@code size} rows), checked with
     * French messages: a number that is not one, a negative page or a size outside 1..max is bad input.
     */
    public record Request(int page, int size) {

        /** Reads {@code page} and {@code size} as typed (null or blank: the first page, the default size). */
        public static Request of(String page, String size, int defaultSize, int maxSize) {
            int number = page == null || page.isBlank() ? 0 : number("La page", page, 0, Integer.MAX_VALUE,
                    "un entier positif ou nul, à partir de 0");
            int rows = size == null || size.isBlank() ? defaultSize : number("La taille de page", size, 1, maxSize,
                    "un entier de 1 à " + maxSize);
            return new Request(number, rows);
        }

        private static int number(String what, String typed, int min, int max, String expected) {
            String value = typed.strip();
            long parsed;
            try {
                parsed = value.length() > 12 ? Long.MAX_VALUE : Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new BadInputException(what + " « " + shorten(value) + " » n'est pas un nombre : " + expected
                        + " est attendu.");
            }
            if (parsed < min || parsed > max) {
                throw new BadInputException(what + " « " + shorten(value) + " » est hors des limites : " + expected
                        + " est attendu.");
            }
            return (int) parsed;
        }

        private static String shorten(String value) {
            return value.length() > 20 ? value.substring(0, 20) + "…" : value;
        }
    }

    public static <T> Paged<T> of(List<T> all, int requested, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int page = Math.max(0, Math.min(requested, pages - 1));
        return new Paged<>(all.subList(page * size, Math.min(all.size(), (page + 1) * size)), page, pages, all.size(),
                size);
    }

    /**
     * The requested page of a list of {@code total} items, of which only that page is read: {@code reader}
     * gets the page brought back within the pages there are and the size, and returns its items.
     */
    public static <T> Paged<T> read(Request request, long total, BiFunction<Integer, Integer, List<T>> reader) {
        int count = (int) Math.min(Integer.MAX_VALUE, total);
        int pages = Math.max(1, (int) ((total + request.size() - 1) / request.size()));
        int page = Math.max(0, Math.min(request.page(), pages - 1));
        return new Paged<>(count == 0 ? List.of() : reader.apply(page, request.size()), page, pages, count,
                request.size());
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

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
