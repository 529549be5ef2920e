package fr.referentia.shared.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The one reader of uploaded spreadsheets: CSV (UTF-8, with or without a byte order mark, cells
 * separated by {@code ;}, {@code ,} or a tab, detected from the first line) and XLSX (one sheet,
 * streamed). It gives the rows holding a value with their numbers, and refuses, with a French
 * reason: another encoding, binary data, an Excel 97-2003 file, a formula (reported cell by cell,
 * never evaluated), a DOCTYPE or external entity in the workbook's XML, a zip bomb, and a sheet
 * going past the caller's {@link SheetLimits}. The limits are checked against the sheet's declared
 * dimension, then each row and cell as it streams by, before any of them is kept: the work is
 * bounded by the file's real content, not by the positions its cells claim.
 */
public final class SpreadsheetReader {

    /** Past this, a single entry of an XLSX is refused unread (POI's zip-bomb limits). */
    static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;
    /** An entry expanding more than 100 times its compressed size is a zip bomb (POI's default ratio). */
    static final double MIN_INFLATE_RATIO = 0.01;

    static final String FORMULA = "formule refusée : saisissez la valeur elle-même (le fichier n'est jamais calculé).";
    static final String NOT_UTF8 = "Le fichier n'est ni un classeur .xlsx ni un texte CSV encodé en UTF-8 :"
            + " enregistrez-le depuis votre tableur au format « CSV UTF-8 » ou .xlsx.";
    static final String BINARY = "Le fichier contient des données binaires : ce n'est ni un texte CSV encodé en UTF-8"
            + " ni un classeur .xlsx.";
    static final String XLS = "Les classeurs Excel 97-2003 (.xls) ne sont pas acceptés : enregistrez le fichier au"
            + " format .xlsx ou « CSV UTF-8 ».";
    static final String NOT_XLSX = "Ce fichier n'est pas un classeur Excel (.xlsx) lisible : enregistrez-le à nouveau"
            + " au format XLSX ou « CSV UTF-8 ».";
    static final String UNSAFE_XML = "Le classeur contient une déclaration XML interdite (DOCTYPE ou entité externe) :"
            + " il est refusé. Enregistrez-le à nouveau depuis votre tableur.";
    static final String ZIP_BOMB = "Le classeur se décompresse en un volume anormal (bombe de décompression) : il est"
            + " refusé.";
    static final String BAD_CSV = "Le fichier CSV est mal formé (guillemet non refermé ?) : vérifiez-le ou"
            + " enregistrez-le à nouveau depuis votre tableur au format « CSV UTF-8 ».";

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        // POI's zip-bomb guard is process-wide: make it at least as strict as these limits.
        if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        }
        if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        }
    }

    private SpreadsheetReader() {
    }

    /** An XLSX (by its ZIP signature) or else a CSV; an Excel 97-2003 file is refused. */
    public static SheetContent read(byte[] content, String preferredSheet, SheetLimits limits) {
        if (startsWith(content, ZIP)) {
            return readXlsx(content, preferredSheet, limits);
        }
        if (startsWith(content, OLE2)) {
            throw new SpreadsheetRefusal(XLS);
        }
        return readCsv(content, limits);
    }

    // ---------------------------------------------------------------- CSV

    /** A CSV in UTF-8; cells are data, never formulas (one starting with {@code =} is kept as written). */
    public static SheetContent readCsv(byte[] content, SheetLimits limits) {
        String text = utf8(content);
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        LineNumbers lines = new LineNumbers(text);
        List<SheetRow> rows = new ArrayList<>();
        long visited = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                int number = lines.of(record.getCharacterPosition());
                if (number > limits.maxRows()) {
                    throw new SpreadsheetRefusal(limits.tooManyRowsMessage(number));
                }
                List<String> cells = new ArrayList<>(Math.min(record.size(), limits.maxColumns()));
                for (int c = 0; c < record.size(); c++) {
                    visited++;
                    String value = record.get(c);
                    if (c >= limits.maxColumns()) {
                        if (!blank(value)) {
                            throw new SpreadsheetRefusal(limits.tooManyColumnsMessage(number, c));
                        }
                    } else {
                        cells.add(value);
                    }
                }
                if (!cells.stream().allMatch(SpreadsheetReader::blank)) {
                    rows.add(new SheetRow(number, trimmed(cells)));
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            // Commons CSV reports an unclosed quote and similar mistakes this way.
            throw new SpreadsheetRefusal(BAD_CSV);
        }
        return new SheetContent(rows, List.of(), visited);
    }

    private static String utf8(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new SpreadsheetRefusal(NOT_UTF8);
        }
        // UTF-16 without a byte order mark decodes as UTF-8 with a NUL every other character.
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw new SpreadsheetRefusal(BINARY);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The separator the first line uses most, outside quotes: {@code ;} (French Excel), {@code ,} or a tab. */
    static char delimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }

    // ---------------------------------------------------------------- XLSX

    /**
     * One sheet of an XLSX: {@code preferredSheet} when the workbook has a sheet of that name, else
     * the first. Formulas are reported in {@link SheetContent#problems()}, their cells left empty.
     */
    public static SheetContent readXlsx(byte[] content, String preferredSheet, SheetLimits limits) {
        if (!startsWith(content, ZIP)) {
            throw new SpreadsheetRefusal(startsWith(content, OLE2) ? XLS : NOT_XLSX);
        }
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            byte[] sheet = chosenSheet(reader, preferredSheet);
            StylesTable styles = reader.getStylesTable() != null ? reader.getStylesTable() : new StylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            return stream(sheet, styles, strings, limits);
        } catch (SpreadsheetRefusal e) {
            throw e;
        } catch (Exception e) {
            throw new SpreadsheetRefusal(reason(e));
        }
    }

    private static byte[] chosenSheet(XSSFReader reader, String preferredSheet) throws Exception {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        byte[] first = null;
        while (sheets.hasNext()) {
            try (InputStream in = sheets.next()) {
                boolean preferred = preferredSheet != null && preferredSheet.equalsIgnoreCase(sheets.getSheetName());
                if (first == null || preferred) {
                    // The part is read in full here, within POI's zip-bomb limits.
                    byte[] bytes = in.readAllBytes();
                    if (preferred) {
                        return bytes;
                    }
                    first = bytes;
                }
            }
        }
        if (first == null) {
            throw new SpreadsheetRefusal("Le classeur ne contient aucune feuille.");
        }
        return first;
    }

    private static SheetContent stream(byte[] sheet, StylesTable styles, ReadOnlySharedStringsTable strings,
            SheetLimits limits) throws Exception {
        Collector collector = new Collector(limits);
        XMLReader parser = XMLHelper.newXMLReader(); // no DOCTYPE, no external entities
        Guard guard = new Guard(limits, collector);
        guard.setParent(parser);
        guard.setContentHandler(new XSSFSheetXMLHandler(styles, strings, collector,
                new DataFormatter(Locale.FRANCE), false));
        guard.parse(new InputSource(new ByteArrayInputStream(sheet)));
        return new SheetContent(collector.rows, collector.problems, guard.cells);
    }

    /**
     * Checks the sheet's XML as it streams, before POI's handler turns it into values: the declared
     * dimension, each row's number, the number of cells, and formulas.
     */
    private static final class Guard extends XMLFilterImpl {

        private final SheetLimits limits;
        private final Collector collector;
        private int row;
        private int column = -1;
        private long rowElements;
        long cells;

        Guard(SheetLimits limits, Collector collector) {
            this.limits = limits;
            this.collector = collector;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            switch (localName) {
                case "dimension" -> dimension(attributes.getValue("ref"));
                case "row" -> {
                    String r = attributes.getValue("r");
                    row = r == null ? row + 1 : SheetCells.rowOf(r);
                    column = -1;
                    if (row < 1) {
                        throw new SpreadsheetRefusal(NOT_XLSX);
                    }
                    if (row > limits.maxRows() || ++rowElements > limits.maxRows()) {
                        throw new SpreadsheetRefusal(limits.tooManyRowsMessage(Math.max(row, limits.maxRows() + 1)));
                    }
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? column + 1 : SheetCells.columnOf(r);
                    if (++cells > limits.maxCells()) {
                        throw new SpreadsheetRefusal("Le fichier compte plus de " + limits.maxCells()
                                + " cellules : il dépasse ce qui est accepté (" + limits.maxRows() + " lignes de "
                                + limits.maxColumns() + " colonnes).");
                    }
                    collector.column = column;
                    collector.formula = false;
                }
                case "f" -> {
                    if (!collector.formula) {
                        collector.formula = true;
                        collector.problems.add(new CellProblem(row, Math.max(column, 0), FORMULA));
                    }
                }
                default -> {
                }
            }
            super.startElement(uri, localName, qName, attributes);
        }

        private void dimension(String ref) {
            if (ref == null) {
                return;
            }
            String last = ref.contains(":") ? ref.substring(ref.indexOf(':') + 1) : ref;
            int lastRow = SheetCells.rowOf(last);
            int lastColumn = SheetCells.columnOf(last);
            if (lastRow > limits.maxRows()) {
                throw new SpreadsheetRefusal(limits.tooManyRows() != null ? limits.tooManyRows()
                        : "La feuille s'étend jusqu'à la cellule " + last + " (" + lastRow + " lignes, lignes vides"
                                + " comprises) alors que " + limits.maxRows() + " lignes au plus sont acceptées :"
                                + " supprimez les lignes en trop ou découpez le fichier.");
            }
            if (lastColumn >= limits.maxColumns()) {
                throw new SpreadsheetRefusal("La feuille s'étend jusqu'à la colonne " + SheetCells.columnName(lastColumn)
                        + " (cellule " + last + ") alors que " + limits.maxColumns() + " colonnes au plus (jusqu'à "
                        + SheetCells.columnName(limits.maxColumns() - 1) + ") sont acceptées : supprimez les colonnes"
                        + " en trop.");
            }
        }
    }

    /** Keeps the values POI's handler reads, within the limits; a formula's cached result is dropped. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final SheetLimits limits;
        final List<SheetRow> rows = new ArrayList<>();
        final List<CellProblem> problems = new ArrayList<>();
        private final TreeMap<Integer, String> current = new TreeMap<>();
        private int rowNumber;
        int column;
        boolean formula;

        Collector(SheetLimits limits) {
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            current.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!current.isEmpty()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c <= current.lastKey(); c++) {
                    cells.add(current.getOrDefault(c, ""));
                }
                rows.add(new SheetRow(rowNumber, cells));
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            if (formula || blank(formattedValue)) {
                return;
            }
            int c = reference == null ? column : SheetCells.columnOf(reference);
            if (c >= limits.maxColumns()) {
                throw new SpreadsheetRefusal(limits.tooManyColumnsMessage(rowNumber, c));
            }
            current.put(Math.max(c, 0), formattedValue);
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("DOCTYPE")) {
                return UNSAFE_XML;
            }
            if (message.contains("Zip bomb")) {
                return ZIP_BOMB;
            }
        }
        return NOT_XLSX;
    }

    // ---------------------------------------------------------------- helpers

    private static boolean blank(String value) {
        return value == null || value.replace('\u00A0', ' ').isBlank();
    }

    /** Trailing empty cells dropped, so a row's size is up to its last value. */
    private static List<String> trimmed(List<String> cells) {
        int end = cells.size();
        while (end > 0 && blank(cells.get(end - 1))) {
            end--;
        }
        return cells.subList(0, end);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content != null && content.length >= prefix.length
                && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Line numbers (from 1) of character positions in a text. */
    private static final class LineNumbers {

        private final String text;
        private final int[] starts;

        LineNumbers(String text) {
            this.text = text;
            List<Integer> found = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    found.add(i + 1);
                }
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line of a record starting at this position (Commons CSV counts the empty lines before it). */
        int of(long position) {
            int start = (int) position;
            while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                start++;
            }
            int index = Arrays.binarySearch(starts, start);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
