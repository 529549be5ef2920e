package fr.referentia.framework;

import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.CanonicalFramework.PartSpec;
import fr.referentia.shared.text.PlainText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a referential well formed, whatever brought it (an import, a spreadsheet, a CASE package,
 * an authoring change of a draft): a known format; a header with a code, a title, a version, a kind
 * and a status; items with unique codes, a type and a text, whose parents are in the file and never
 * their own ancestors (one tree); exams with unique codes assessing items of the file; associations
 * from an item of the file to an item of the file, a named outside target or another referential's
 * item (whose existence {@link CrossReferentialLinkPolicy} checks against the published version).
 * Pure: every problem is listed, in French, so that a file is fixed in one go.
 */
public final class WellFormedFramework {

    /** Codes of referentials, items and exams go into URLs: letters, digits, « . », « _ », « - ». */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    public static final int MAX_ITEMS = 100_000;
    static final int MAX_TEXT = 10_000;

    private WellFormedFramework() {
    }

    /** Every problem of {@code source}, in French, in the order of the file; empty when it is well formed. */
    public static List<String> problems(CanonicalFramework source) {
        try {
            require(source);
            return List.of();
        } catch (InvalidFrameworkException e) {
            return e.errors();
        }
    }

    /** The items of a well-formed {@code source}, parents first; throws with every problem found. */
    public static List<Item> require(CanonicalFramework source) {
        List<String> errors = new ArrayList<>();
        if (!CanonicalFramework.FORMAT.equals(source.format())) {
            errors.add("Format inconnu : attendu « " + CanonicalFramework.FORMAT + " ».");
        }
        var header = source.framework();
        if (header == null) {
            throw new InvalidFrameworkException(append(errors, "L'en-tête « framework » manque."));
        }
        if (header.code() == null || !CODE.matcher(header.code()).matches()) {
            errors.add("Le code du référentiel est absent ou invalide (lettres, chiffres, « . », « _ », « - »).");
        }
        requireText(errors, header.title(), "Le titre du référentiel", 500);
        requireText(errors, header.version(), "La version du référentiel", 40);
        if (header.kind() == null) {
            errors.add("La nature du référentiel (kind) manque.");
        }
        if (header.status() == null) {
            errors.add("Le statut du référentiel (status) manque.");
        }
        optionalText(errors, header.issuer(), "L'organisme certificateur du référentiel", 500);
        optionalText(errors, header.validationNote(), "La note de validation du référentiel", 500);
        optionalText(errors, header.rncpCode(), "Le code RNCP du référentiel", 40);
        optionalText(errors, header.description(), "La description du référentiel", 20_000);
        optionalText(errors, header.sourceDocument(), "Le document source du référentiel", 200);
        if (header.masteryTolerance() != null && header.masteryTolerance() < 0) {
            errors.add("La tolérance de maîtrise ne peut pas être négative.");
        }
        if (source.items().size() > MAX_ITEMS) {
            throw new InvalidFrameworkException(append(errors,
                    "Trop d'éléments : " + source.items().size() + " (maximum " + MAX_ITEMS + ")."));
        }
        Map<String, Item> byCode = validateItems(source.items(), errors);
        validateExams(source.exams(), byCode, errors);
        validateAssociations(source.associations(), byCode, header.code(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFrameworkException(errors);
        }
        return parentsFirst(byCode);
    }

    private static Map<String, Item> validateItems(List<Item> items, List<String> errors) {
        Map<String, Item> byCode = new LinkedHashMap<>();
        int row = 0;
        for (Item item : items) {
            row++;
            // An invalid code (100,000 characters, line breaks…) is quoted back shortened, on one line.
            String where = "Élément n° " + row + (item.code() == null ? "" : " (" + PlainText.quoted(item.code()) + ")");
            if (item.code() == null || !CODE.matcher(item.code()).matches()) {
                errors.add(where + " : code absent ou invalide.");
                continue;
            }
            if (byCode.putIfAbsent(item.code(), item) != null) {
                errors.add(where + " : le code « " + item.code() + " » est en double.");
            }
            if (item.type() == null) {
                errors.add(where + " : type absent.");
            } else if (item.typeLabel() != null && (item.type() != ItemType.OTHER || item.typeLabel().length() > 200)) {
                errors.add(where + " : un libellé de type n'est admis que pour le type « Autre type » (OTHER, 200 caractères au plus).");
            }
            requireText(errors, item.text(), where + " : le texte", MAX_TEXT);
            optionalText(errors, item.context(), where + " : le contexte", 1_000);
            if (item.position() != null && item.position() < 1) {
                errors.add(where + " : la position doit être supérieure ou égale à 1.");
            }
        }
        for (Item item : byCode.values()) {
            if (item.parentCode() != null && !byCode.containsKey(item.parentCode())) {
                errors.add("Élément " + item.code() + " : parent « " + item.parentCode() + " » introuvable.");
            }
        }
        for (Item item : byCode.values()) {
            if (depth(item, byCode) < 0) {
                errors.add("Élément " + item.code() + " : il est son propre ancêtre (cycle dans l'arborescence).");
            }
        }
        return byCode;
    }

    private static void validateExams(List<ExamSpec> exams, Map<String, Item> items, List<String> errors) {
        Set<String> codes = new HashSet<>();
        for (ExamSpec exam : exams) {
            String where = exam.code() == null ? "Une épreuve sans code" : "Épreuve " + exam.code();
            if (exam.code() == null || !CODE.matcher(exam.code()).matches()) {
                errors.add("Une épreuve a un code absent ou invalide.");
            } else if (!codes.add(exam.code())) {
                errors.add(where + " : code en double.");
            }
            requireText(errors, exam.title(), where + " : le titre", 500);
            optionalText(errors, exam.modality(), where + " : la modalité", 10_000);
            optionalText(errors, exam.place(), where + " : le lieu", 1_000);
            if (exam.checks() != null) {
                exam.checks().forEach(check -> optionalText(errors, check, where + " : un point de contrôle", 2_000));
            }
            if (exam.durationMinutes() != null && exam.durationMinutes() < 0) {
                errors.add(where + " : la durée ne peut pas être négative.");
            }
            for (PartSpec part : exam.parts()) {
                if (part.label() == null || part.label().isBlank() || part.minutes() == null || part.minutes() < 0) {
                    errors.add(where + " : chaque partie doit avoir un libellé et une durée positive.");
                } else {
                    optionalText(errors, part.label(), where + " : le libellé d'une partie", 200);
                }
            }
            exam.itemCodes().stream().filter(code -> !items.containsKey(code)).forEach(code ->
                    errors.add(where + " : élément évalué « " + code + " » introuvable."));
        }
    }

    private static void validateAssociations(List<AssociationSpec> associations, Map<String, Item> items,
            String ownCode, List<String> errors) {
        for (AssociationSpec association : associations) {
            String destination = association.destinationCode() != null ? association.destinationCode()
                    : Objects.requireNonNullElse(association.destinationLabel(), "");
            if (association.type() == null || association.originCode() == null
                    || !items.containsKey(association.originCode())) {
                errors.add("Association vers « " + destination + " » : type absent ou élément d'origine "
                        + (association.originCode() == null ? "absent." : "« " + association.originCode()
                        + " » introuvable."));
            } else if (association.crossesTo(ownCode)) {
                // Another referential's item: whether it exists is checked against the database (checkLinksToOtherFrameworks).
                if (!CODE.matcher(association.destinationFramework()).matches() || association.destinationCode() == null
                        || !CODE.matcher(association.destinationCode()).matches()) {
                    errors.add("Association depuis « " + association.originCode()
                            + " » : code du référentiel ou de l'élément de destination invalide.");
                }
            } else if (association.destinationCode() != null && !items.containsKey(association.destinationCode())) {
                errors.add("Association depuis « " + association.originCode() + " » : destination « "
                        + association.destinationCode() + " » introuvable.");
            } else if (association.destinationCode() == null && isBlank(association.destinationLabel())) {
                errors.add("Association depuis « " + association.originCode() + " » : destination absente.");
            }
            optionalText(errors, association.destinationLabel(), "Association depuis « " + association.originCode()
                    + " » : le libellé de destination", 500);
        }
    }

    /** Depth of an item in the tree, or -1 when following its parents loops (or leaves the file). */
    private static int depth(Item item, Map<String, Item> byCode) {
        int depth = 0;
        Item current = item;
        while (current.parentCode() != null) {
            current = byCode.get(current.parentCode());
            if (current == null || ++depth > byCode.size()) {
                return current == null ? depth : -1;
            }
        }
        return depth;
    }

    private static List<Item> parentsFirst(Map<String, Item> byCode) {
        Map<Item, Integer> depths = new HashMap<>();
        byCode.values().forEach(item -> depths.put(item, depth(item, byCode)));
        List<Item> ordered = new ArrayList<>(byCode.values());
        ordered.sort(Comparator.comparingInt(depths::get)); // stable: document order kept within a level
        return ordered;
    }

    private static void requireText(List<String> errors, String value, String what, int max) {
        if (isBlank(value)) {
            errors.add(what + " est vide.");
        } else {
            optionalText(errors, value, what, max);
        }
    }

    /**
     * A text the database can hold and a reader can trust: at most {@code max} characters (its column's size), and
     * nothing the project's rule for long texts refuses ({@link PlainText#multiLineProblem}): no NUL or half of a UTF-16
     * pair, which PostgreSQL refuses, no control character but tabs and line breaks, no invisible formatting character
     * (zero-width space, bidirectional override, soft hyphen…), which would hide inside a competency's words and
     * split them for search. The editor's texts, the imports' and a CASE package's all come here.
     */
    private static void optionalText(List<String> errors, String value, String what, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(what + " dépasse " + max + " caractères.");
            return;
        }
        String problem = PlainText.multiLineProblem(value);
        if (problem != null) {
            errors.add(what + " " + problem + ".");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static List<String> append(List<String> errors, String error) {
        errors.add(error);
        return errors;
    }
}
