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
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.Xlsx;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.XlsxSheet;
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

    /** An empty workbook to fill: the header row, and a sheet listing the item types. */
    static byte[] template() {
        Xlsx workbook = SpreadsheetWriter.xlsx();
        workbook.sheet(ITEMS_SHEET).row(COLUMNS);
        XlsxSheet types = workbook.sheet("Types");
        for (ItemType type : ItemType.values()) {
            types.row(List.of(type.name(), type.label()));
        }
        return workbook.bytes();
    }

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
                errors.add(new CellError(line, "libelle_type", "un libellé de type n'est admis que pour le type OTHER."));
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

    private static ItemType type(String value) {
        if (value == null) {
            return null;
        }
        String wanted = value.strip();
        for (ItemType type : ItemType.values()) {
            if (type.name().equalsIgnoreCase(wanted) || type.label().equalsIgnoreCase(wanted)) {
                return type;
            }
        }
        return null;
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
