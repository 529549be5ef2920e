package fr.referentia.framework.exchange;

import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.Header;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.ItemType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The items of a referential as a spreadsheet (XLSX or CSV): one row per item. Reading checks every
 * cell and reports each problem with its row and column; formulas are refused, never evaluated.
 */
final class ItemSheet {

    static final List<String> COLUMNS = List.of("code", "code_parent", "type", "libelle_type", "texte",
            "incontournable", "position", "contexte");
    static final String ITEMS_SHEET = "Éléments";
    private static final String HEADER_SHEET = "Référentiel";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final String DANGEROUS_START = "=+-@\t\r";
    private static final char BOM = '\uFEFF';

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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            writer.write(BOM); // lets spreadsheet programs read the file as UTF-8
            printer.printRecord(COLUMNS);
            for (Item item : framework.items()) {
                printer.printRecord(row(item).stream().map(ItemSheet::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(CanonicalFramework framework) {
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet items = itemsSheet(workbook);
            int r = 1;
            for (Item item : framework.items()) {
                Row row = items.createRow(r++);
                List<String> values = row(item);
                for (int c = 0; c < values.size(); c++) {
                    if (values.get(c) != null) {
                        row.createCell(c, CellType.STRING).setCellValue(values.get(c));
                    }
                }
            }
            Header h = framework.framework();
            Sheet header = workbook.createSheet(HEADER_SHEET);
            String[][] fields = {{"code", h.code()}, {"titre", h.title()}, {"nature", h.kind().name()},
                    {"version", h.version()}, {"statut", h.status().name()}, {"émetteur", h.issuer()}};
            for (int i = 0; i < fields.length; i++) {
                Row row = header.createRow(i);
                row.createCell(0, CellType.STRING).setCellValue(fields[i][0]);
                if (fields[i][1] != null) {
                    row.createCell(1, CellType.STRING).setCellValue(fields[i][1]);
                }
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty workbook to fill: the header row, and a sheet listing the item types. */
    static byte[] template() {
        try (Workbook workbook = new XSSFWorkbook()) {
            itemsSheet(workbook);
            Sheet types = workbook.createSheet("Types");
            int r = 0;
            for (ItemType type : ItemType.values()) {
                Row row = types.createRow(r++);
                row.createCell(0, CellType.STRING).setCellValue(type.name());
                row.createCell(1, CellType.STRING).setCellValue(type.label());
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet itemsSheet(Workbook workbook) {
        Sheet sheet = workbook.createSheet(ITEMS_SHEET);
        Row header = sheet.createRow(0);
        for (int c = 0; c < COLUMNS.size(); c++) {
            header.createCell(c, CellType.STRING).setCellValue(COLUMNS.get(c));
        }
        return sheet;
    }

    private static List<String> row(Item item) {
        return Arrays.asList(item.code(), item.parentCode(), item.type().name(), item.typeLabel(), item.text(),
                item.essential() == null ? null : item.essential() ? "oui" : "non",
                item.position() == null ? null : item.position().toString(), item.context());
    }

    /** CSV injection: a cell a spreadsheet would read as a formula gets a leading apostrophe. */
    static String neutralise(String value) {
        return value != null && !value.isEmpty() && DANGEROUS_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String restore(String value) {
        return value != null && value.length() > 1 && value.charAt(0) == '\''
                && DANGEROUS_START.indexOf(value.charAt(1)) >= 0 ? value.substring(1) : value;
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- import

    /** The rows of a file as cell texts (null for an empty cell), header first; formula cells are reported. */
    static List<List<String>> readCsv(InputStream in, List<CellError> errors) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT));
        String content;
        try {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
            content = text.toString();
            if (content.indexOf('\u0000') >= 0) { // UTF-16 without a byte order mark
                throw new java.nio.charset.CharacterCodingException();
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.add(new CellError(null, null, "Le fichier n'est pas encodé en UTF-8."));
            return List.of();
        }
        if (!content.isEmpty() && content.charAt(0) == BOM) {
            content = content.substring(1);
        }
        String firstLine = content.lines().findFirst().orElse("");
        char delimiter = firstLine.contains(";") ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(
                    new java.io.StringReader(content))) {
                rows.add(record.stream().map(value -> value.isEmpty() ? null : value).toList());
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            errors.add(new CellError(null, null, "Le fichier CSV est mal formé (guillemets non fermés ?)."));
        }
        return rows;
    }

    static List<List<String>> readXlsx(InputStream in, List<CellError> errors) {
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(ITEMS_SHEET) != null ? workbook.getSheet(ITEMS_SHEET)
                    : workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            int width = sheet.getRow(sheet.getFirstRowNum()) == null ? 0
                    : Math.max(0, sheet.getRow(sheet.getFirstRowNum()).getLastCellNum());
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.FORMULA) {
                        errors.add(new CellError(r + 1, column(c), "formule refusée : saisissez la valeur elle-même."));
                        values.add(null);
                    } else {
                        String value = cell == null ? "" : formatter.formatCellValue(cell);
                        values.add(value.isEmpty() ? null : value);
                    }
                }
                rows.add(values);
            }
        } catch (org.apache.poi.ooxml.POIXMLException | IllegalArgumentException | IOException
                | org.apache.poi.util.RecordFormatException e) {
            errors.add(new CellError(null, null, "Le fichier n'est pas un classeur XLSX lisible."));
        }
        return rows;
    }

    /** Items from the rows read; every problem is added to {@code errors} with its row and column. */
    static List<Item> items(List<List<String>> rows, List<CellError> errors) {
        if (rows.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(new CellError(null, null, "Le fichier est vide."));
            }
            return List.of();
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> header = rows.get(0);
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c) != null) {
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
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.stream().allMatch(value -> value == null || value.isBlank())) {
                continue;
            }
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

    private static String cell(List<String> row, Map<String, Integer> index, String column) {
        Integer c = index.get(column);
        return c == null || c >= row.size() ? null : restore(row.get(c));
    }

    private static String column(int index) {
        return index < COLUMNS.size() ? COLUMNS.get(index) : String.valueOf((char) ('A' + Math.min(index, 25)));
    }
}
