package fr.referentia.search.comparison;

import fr.referentia.shared.BadInputException;
import java.util.List;

/**
 * Which lines of a comparison matrix to show: all, those found only in one referential
 * ("seulement dans A"), or those common to every compared referential ("communes à tous").
 * Written in URLs as {@code tout}, {@code seulement-CODE}, {@code communes}.
 */
public record MatrixFilter(Kind kind, String framework) {

    public enum Kind { ALL, ONLY_IN, COMMON }

    static final String ONLY_PREFIX = "seulement-";

    public static final MatrixFilter ALL = new MatrixFilter(Kind.ALL, null);
    public static final MatrixFilter COMMON = new MatrixFilter(Kind.COMMON, null);

    public static MatrixFilter onlyIn(String framework) {
        return new MatrixFilter(Kind.ONLY_IN, framework);
    }

    public static MatrixFilter parse(String value, List<String> frameworks) {
        if (value == null || value.isBlank() || value.equals("tout")) {
            return ALL;
        }
        if (value.equals("communes")) {
            return COMMON;
        }
        if (value.startsWith(ONLY_PREFIX) && frameworks.contains(value.substring(ONLY_PREFIX.length()))) {
            return onlyIn(value.substring(ONLY_PREFIX.length()));
        }
        throw new BadInputException("Filtre inconnu « " + value + " » : tout, communes ou seulement-CODE "
                + "avec le code d'un des référentiels comparés.");
    }

    public String value() {
        return switch (kind) {
            case ALL -> "tout";
            case COMMON -> "communes";
            case ONLY_IN -> ONLY_PREFIX + framework;
        };
    }

    /** Whether a line present in {@code presentIn} (among {@code frameworks}) passes. */
    public boolean accepts(List<String> presentIn, List<String> frameworks) {
        return switch (kind) {
            case ALL -> true;
            case COMMON -> presentIn.containsAll(frameworks);
            case ONLY_IN -> presentIn.size() == 1 && presentIn.get(0).equals(framework);
        };
    }
}
