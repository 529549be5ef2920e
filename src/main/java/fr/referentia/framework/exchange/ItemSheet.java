package fr.referentia.framework.exchange;

import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.Header;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.ItemType;
import fr.referentia.shared.spreadsheet.CellProblem;
import fr.referentia.shared.spreadsheet.SheetCells;
import fr.referentia.shared.spreadsheet.SheetContent;
import fr.referentia.shared.spreadsheet.SheetLimits;
import fr.referentia.shared.spreadsheet.SheetRow;
import fr.referentia.shared.spreadsheet.SpreadsheetReader;
import fr.referentia.shared.spreadsheet.SpreadsheetRefusal;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.Style;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.Xlsx;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.XlsxSheet;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The items of a referential as a spreadsheet (XLSX or CSV): one row per item, read and written
 * through the shared spreadsheet reader and writer. Reading checks every cell and reports each
 * problem with its row and column; formulas are refused, never evaluated.
 */
final class ItemSheet {

    static final List<String> COLUMNS = List.of("code", "code_parent", "type", "libelle_type", "texte",
            "incontournable", "position", "contexte");
    static final String ITEMS_SHEET = "Éléments";
    private static final String HEADER_SHEET = "Référentiel";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    /** Rows (header and empty rows included) and columns an imported sheet may use. */
    static final SheetLimits LIMITS = new SheetLimits(20_001, 26);

    /** One problem found in a file: row 1 is the header row; column is null for a whole-file problem. */
    public record CellError(Integer row, String column, String message) {

        String text() {
            return (row == null ? "" : "Ligne " + row + (column == null ? "" : ", colonne « " + column + " »") + " : ")
                    + message;
        }
    }

    private ItemSheet() {
    }

    // ---------------------------------------------------------------- export

    static byte[] csv(CanonicalFramework framework) {
        return SpreadsheetWriter.csv(COLUMNS, framework.items().stream().map(ItemSheet::row).toList());
    }

    static byte[] xlsx(CanonicalFramework framework) {
        Xlsx workbook = SpreadsheetWriter.xlsx();
        XlsxSheet items = workbook.sheet(ITEMS_SHEET).row(COLUMNS);
        framework.items().forEach(item -> items.row(row(item)));
        Header h = framework.framework();
        XlsxSheet header = workbook.sheet(HEADER_SHEET);
        header.row(Arrays.asList("code", h.code())).row(Arrays.asList("titre", h.title()))
                .row(Arrays.asList("nature", h.kind().name())).row(Arrays.asList("version", h.version()))
                .row(Arrays.asList("statut", h.status().name())).row(Arrays.asList("émetteur", h.issuer()));
        return workbook.bytes();
    }

    /**
     * The workbook a person fills: a « Mode d'emploi » sheet saying what goes in each column, the items
     * sheet with its header and example rows (a small valid referential, to be replaced), and the
     * « Types » sheet listing the French type labels the {@code type} column takes. The spreadsheet
     * itself checks what it can: a list for {@code type} and for {@code incontournable}, whole numbers
     * for {@code position}.
     */
    static byte[] template() {
        Xlsx workbook = SpreadsheetWriter.xlsx();
        XlsxSheet guide = workbook.sheet(GUIDE_SHEET).columnWidth(0, 18).columnWidth(1, 12).columnWidth(2, 100);
        guide.row(Style.BOLD, List.of("Modèle d'import d'un référentiel dans Referentia"));
        guide.row(Style.WRAPPED, List.of("", "", "Remplissez la feuille « " + ITEMS_SHEET + " » : une ligne par "
                + "élément (domaine, bloc, activité, compétence, élément de compétence, critère…). Ses lignes "
                + "d'exemple montrent un petit référentiel : remplacez-les par les vôtres."));
        guide.row(List.of());
        guide.row(Style.BOLD, List.of("Colonne", "Obligatoire", "Contenu"));
        GUIDE.forEach(line -> guide.row(Style.WRAPPED, line));
        guide.row(List.of());
        for (String note : NOTES) {
            guide.row(Style.WRAPPED, List.of("", "", note));
        }
        XlsxSheet items = workbook.sheet(ITEMS_SHEET).row(Style.BOLD, COLUMNS).freezeRows(1)
                .columnWidth(0, 14).columnWidth(1, 14).columnWidth(2, 26).columnWidth(3, 16).columnWidth(4, 70)
                .columnWidth(5, 15).columnWidth(6, 10).columnWidth(7, 30);
        EXAMPLES.forEach(items::row);
        int last = LIMITS.maxRows() - 1;
        items.choicesFrom(COLUMNS.indexOf("type"), 1, last, "Types!$A$2:$A$" + (ItemType.values().length + 1),
                "Choisissez un type dans la liste (feuille « Types »).");
        items.choices(COLUMNS.indexOf("incontournable"), 1, last, List.of("oui", "non"),
                "Écrivez « oui » ou « non », ou laissez la cellule vide.");
        items.wholeNumbers(COLUMNS.indexOf("position"), 1, last, 1,
                "La position est un nombre entier à partir de 1, ou une cellule vide.");
        XlsxSheet types = workbook.sheet(TYPES_SHEET).columnWidth(0, 34).columnWidth(1, 22);
        types.row(Style.BOLD, List.of("Type (à écrire dans la colonne type)", "Code équivalent"));
        for (ItemType type : ItemType.values()) {
            types.row(List.of(type.label(), type.name()));
        }
        return workbook.bytes();
    }

    static final String GUIDE_SHEET = "Mode d'emploi";
    static final String TYPES_SHEET = "Types";

    private static final List<List<String>> GUIDE = List.of(
            List.of("code", "oui", "Le code stable de l'élément, unique dans le fichier : lettres, chiffres, « . », "
                    + "« _ » ou « - », 80 caractères au plus (par exemple DOM1-A2 ou C1.E3)."),
            List.of("code_parent", "non", "Le code de l'élément dont il dépend, qui doit figurer dans le fichier ; "
                    + "vide pour un élément de premier niveau."),
            List.of("type", "oui", "Le type de l'élément, choisi dans la liste (les libellés de la feuille "
                    + "« Types », par exemple « Compétence ») ; les codes équivalents (COMPETENCY…) sont acceptés."),
            List.of("libelle_type", "non", "Seulement pour le type « Autre type » : le nom de ce type."),
            List.of("texte", "oui", "Le texte complet de l'élément, 10 000 caractères au plus."),
            List.of("incontournable", "non", "« oui » ou « non », pour un élément de compétence : un élément "
                    + "incontournable doit être acquis pour que la compétence soit maîtrisée."),
            List.of("position", "non", "Le rang parmi les éléments de même parent (1, 2, 3…) ; vide : l'ordre des "
                    + "lignes."),
            List.of("contexte", "non", "Une précision sur la situation où l'élément s'applique (par exemple "
                    + "« Dans le cas de parcours d'insertion »)."));

    private static final List<String> NOTES = List.of(
            "Sur la page d'import, indiquez le code, le titre, la nature (CQP, Titre, référentiel métier) et la "
                    + "version du référentiel.",
            "Le fichier est vérifié en entier avant tout enregistrement : au moindre problème, rien n'est importé "
                    + "et chaque problème est indiqué avec sa ligne et sa colonne.",
            "Le référentiel importé arrive en brouillon, à relire puis publier depuis sa page, sauf si vous cochez "
                    + "« Publier aussitôt le référentiel importé ».",
            "Saisissez des valeurs : les formules sont refusées.");

    private static final List<List<String>> EXAMPLES = List.of(
            Arrays.asList("DOM1", null, ItemType.DOMAIN.label(), null, "Accompagner les parcours de formation", null,
                    "1", null),
            Arrays.asList("DOM1-C1", "DOM1", ItemType.COMPETENCY.label(), null,
                    "Analyser la demande de formation du client", null, "1", null),
            Arrays.asList("DOM1-C1.E1", "DOM1-C1", ItemType.ELEMENT.label(), null,
                    "Identifier les besoins en compétences de l'entreprise", "oui", "1", null),
            Arrays.asList("DOM1-C1.E2", "DOM1-C1", ItemType.ELEMENT.label(), null,
                    "Reformuler la demande avec le client", "non", "2", "Dans le cas de parcours d'insertion"),
            Arrays.asList("DOM1-C1.CR1", "DOM1-C1", ItemType.CRITERION.label(), null,
                    "Les besoins relevés sont complets et hiérarchisés", null, "3", null));

    private static List<String> row(Item item) {
        return Arrays.asList(item.code(), item.parentCode(), item.type().name(), item.typeLabel(), item.text(),
                item.essential() == null ? null : item.essential() ? "oui" : "non",
                item.position() == null ? null : item.position().toString(), item.context());
    }

    // ---------------------------------------------------------------- import

    /**
     * The rows holding a value in an uploaded file (header first), through the shared reader; a
     * refused file or a formula cell is added to {@code errors}, a cell named by its header.
     */
    static List<SheetRow> read(byte[] content, String format, List<CellError> errors) {
        SheetContent sheet;
        try {
            sheet = "csv".equals(format) ? SpreadsheetReader.readCsv(content, LIMITS)
                    : SpreadsheetReader.readXlsx(content, ITEMS_SHEET, LIMITS);
        } catch (SpreadsheetRefusal e) {
            errors.add(new CellError(null, null, e.getMessage()));
            return List.of();
        }
        List<String> header = sheet.rows().isEmpty() ? List.of() : sheet.rows().get(0).cells();
        for (CellProblem problem : sheet.problems()) {
            errors.add(new CellError(problem.row(), column(header, problem.column()), problem.message()));
        }
        return sheet.rows();
    }

    /** Items from the rows read; every problem is added to {@code errors} with its row and column. */
    static List<Item> items(List<SheetRow> rows, List<CellError> errors) {
        if (rows.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(new CellError(null, null, "Le fichier est vide."));
            }
            return List.of();
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> header = rows.get(0).cells();
        for (int c = 0; c < header.size(); c++) {
            if (!header.get(c).isBlank()) {
                index.put(header.get(c).strip().toLowerCase(Locale.ROOT), c);
            }
        }
        for (String required : List.of("code", "type", "texte")) {
            if (!index.containsKey(required)) {
                errors.add(new CellError(1, required, "colonne obligatoire absente (en-têtes attendus : "
                        + String.join(", ", COLUMNS) + ")."));
            }
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        Map<String, Integer> rowOfCode = new HashMap<>();
        Map<Integer, String> parents = new HashMap<>();
        for (SheetRow row : rows.subList(1, rows.size())) {
            int line = row.number();
            String code = cell(row, index, "code");
            if (code == null || !CODE.matcher(code).matches()) {
                errors.add(new CellError(line, "code", code == null ? "code absent."
                        : "code invalide « " + code + " » (lettres, chiffres, « . », « _ », « - »)."));
            } else if (rowOfCode.putIfAbsent(code, line) != null) {
                errors.add(new CellError(line, "code", "le code « " + code + " » est déjà en ligne "
                        + rowOfCode.get(code) + "."));
            }
            String typeText = cell(row, index, "type");
            ItemType type = type(typeText);
            if (type == null) {
                errors.add(new CellError(line, "type", typeText == null ? "type absent."
                        : "type inconnu « " + typeText + " »."));
            }
            String typeLabel = cell(row, index, "libelle_type");
            if (typeLabel != null && type != ItemType.OTHER) {
                errors.add(new CellError(line, "libelle_type", "un libellé de type n'est admis que pour le type « Autre type » (OTHER)."));
            }
            String text = cell(row, index, "texte");
            if (text == null || text.isBlank()) {
                errors.add(new CellError(line, "texte", "texte absent."));
            } else if (text.length() > 10_000) {
                errors.add(new CellError(line, "texte", "le texte dépasse 10000 caractères."));
            }
            Boolean essential = null;
            String essentialText = cell(row, index, "incontournable");
            if (essentialText != null) {
                essential = switch (essentialText.strip().toLowerCase(Locale.ROOT)) {
                    case "oui", "true", "vrai", "1" -> Boolean.TRUE;
                    case "non", "false", "faux", "0" -> Boolean.FALSE;
                    default -> {
                        errors.add(new CellError(line, "incontournable", "« oui » ou « non » attendu."));
                        yield null;
                    }
                };
            }
            Integer position = null;
            String positionText = cell(row, index, "position");
            if (positionText != null) {
                if (positionText.strip().matches("[1-9]\\d{0,8}")) {
                    position = Integer.valueOf(positionText.strip());
                } else {
                    errors.add(new CellError(line, "position", "nombre entier positif attendu."));
                }
            }
            String parent = cell(row, index, "code_parent");
            if (parent != null) {
                parents.put(line, parent);
            }
            items.add(new Item(code, type, typeLabel, text, parent, position, cell(row, index, "contexte"),
                    essential));
        }
        parents.forEach((line, parent) -> {
            if (!rowOfCode.containsKey(parent)) {
                errors.add(new CellError(line, "code_parent", "parent « " + parent + " » introuvable dans le fichier."));
            }
        });
        if (items.isEmpty() && errors.isEmpty()) {
            errors.add(new CellError(null, null, "Le fichier ne contient aucun élément."));
        }
        errors.sort(java.util.Comparator.comparing((CellError e) -> e.row() == null ? 0 : e.row()));
        return items;
    }

    /**
     * A type by its code (COMPETENCY) or its French label as the « Types » sheet lists it (« Compétence »),
     * whatever the case, the accents' Unicode form or the apostrophe (a spreadsheet may type ’ for ').
     */
    static ItemType type(String value) {
        if (value == null) {
            return null;
        }
        String wanted = comparable(value);
        for (ItemType type : ItemType.values()) {
            if (type.name().equalsIgnoreCase(wanted) || comparable(type.label()).equals(wanted)) {
                return type;
            }
        }
        return null;
    }

    private static String comparable(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).replace('\u2019', '\'')
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String cell(SheetRow row, Map<String, Integer> index, String column) {
        Integer c = index.get(column);
        String value = c == null ? "" : row.cell(c);
        return value.isEmpty() ? null : SpreadsheetWriter.restore(value);
    }

    /** A column by its header when it has one (« texte »), else by its letters (« K »). */
    private static String column(List<String> header, int index) {
        String name = index < header.size() ? header.get(index).strip().toLowerCase(Locale.ROOT) : "";
        return name.isEmpty() ? SheetCells.columnName(index) : name;
    }
}
