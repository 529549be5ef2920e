package fr.referentia.account.bulk;

import fr.referentia.shared.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A list of people to invite, as uploaded: a CSV in UTF-8 ({@code ;} or {@code ,} separated) or
 * an XLSX workbook (first sheet), with the header {@code email;nom;role} (any order). Reading
 * only checks the file's shape; the people themselves are checked by the import's rules. Cell
 * values are data: one starting with {@code = + - @} is kept as text, and a workbook's formula is
 * read as its text, never evaluated.
 */
public final class PeopleFile {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_LINES = 2000;
    public static final String EMAIL = "email";
    public static final String NAME = "nom";
    public static final String ROLE = "role";
    static final List<String> COLUMNS = List.of(EMAIL, NAME, ROLE);
    static final String EXPECTED_HEADER = "email;nom;role";

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Map<String, String> HEADER_ALIASES = Map.of("email", EMAIL, "e-mail", EMAIL, "mail", EMAIL,
            "courriel", EMAIL, "nom", NAME, "role", ROLE);

    private PeopleFile() {
    }

    /**
     * One person as written in the file: its line number (as a spreadsheet or text editor shows
     * it), its cells stripped, and how many non-empty cells lie beyond the header's columns.
     */
    public record Line(int number, String email, String name, String role, int extraCells) {
    }

    /** The people of the file, in order; a file that is not a readable list is refused with the reason. */
    public static List<Line> read(byte[] content) {
        if (content == null || content.length == 0) {
            throw new BadInputException("Le fichier est vide : choisissez un fichier CSV ou XLSX avec l'en-tête "
                    + EXPECTED_HEADER + ".");
        }
        checkSize(content.length);
        if (startsWith(content, ZIP)) {
            return xlsx(content);
        }
        if (startsWith(content, OLE2)) {
            throw new BadInputException("Les classeurs Excel 97-2003 (.xls) ne sont pas acceptés : enregistrez le"
                    + " fichier au format .xlsx ou « CSV UTF-8 ».");
        }
        return csv(text(content));
    }

    /** Refuses a file over {@link #MAX_BYTES}, before it is even read. */
    public static void checkSize(long bytes) {
        if (bytes > MAX_BYTES) {
            throw new BadInputException("Le fichier dépasse la taille maximale de 1 Mo ("
                    + String.format(Locale.FRENCH, "%.1f", bytes / (1024.0 * 1024.0))
                    + " Mo) : découpez-le en plusieurs fichiers de " + MAX_LINES + " personnes au plus.");
        }
    }

    private static List<Line> csv(String text) {
        int headerEnd = text.indexOf('\n');
        String firstLine = headerEnd < 0 ? text : text.substring(0, headerEnd);
        char delimiter = count(firstLine, ';') >= count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        LineNumbers lineNumbers = new LineNumbers(text);
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> columns = null;
            for (CSVRecord record : parser) {
                List<String> cells = record.stream().map(PeopleFile::clean).toList();
                if (columns == null) {
                    columns = header(cells);
                    continue;
                }
                add(lines, lineNumbers.of(record.getCharacterPosition()), cells, columns);
            }
            if (columns == null) {
                throw new BadInputException("Le fichier est vide : la première ligne doit être l'en-tête "
                        + EXPECTED_HEADER + ".");
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            // Commons CSV reports an unclosed quote and similar mistakes this way.
            throw new BadInputException("Le fichier CSV est mal formé (guillemet non refermé ?) : "
                    + "vérifiez-le ou enregistrez-le à nouveau depuis votre tableur au format « CSV UTF-8 ».");
        }
        return finish(lines);
    }

    private static List<Line> xlsx(byte[] content) {
        DataFormatter formatter = new DataFormatter(Locale.FRANCE);
        List<Line> lines = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new BadInputException("Le classeur ne contient aucune feuille.");
            }
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, Integer> columns = null;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int index = 0; index < Math.max(0, row.getLastCellNum()); index++) {
                    cells.add(clean(cellText(row.getCell(index), formatter)));
                }
                if (columns == null) {
                    if (cells.stream().allMatch(String::isEmpty)) {
                        continue;
                    }
                    columns = header(cells);
                    continue;
                }
                add(lines, row.getRowNum() + 1, cells, columns);
            }
            if (columns == null) {
                throw new BadInputException("La première feuille du classeur est vide : la première ligne doit être"
                        + " l'en-tête " + EXPECTED_HEADER + ".");
            }
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Not an OOXML workbook (another ZIP, a Word document, a damaged file…).
            throw new BadInputException("Ce fichier n'est pas un classeur Excel (.xlsx) lisible : enregistrez-le à"
                    + " nouveau au format .xlsx ou « CSV UTF-8 ».");
        }
        return finish(lines);
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        return formatter.formatCellValue(cell);
    }

    private static void add(List<Line> lines, int number, List<String> cells, Map<String, Integer> columns) {
        if (cells.stream().allMatch(String::isEmpty)) {
            return;
        }
        if (lines.size() == MAX_LINES) {
            throw new BadInputException("Le fichier compte plus de " + MAX_LINES + " personnes : découpez-le en"
                    + " plusieurs fichiers.");
        }
        int extra = 0;
        for (int index = 0; index < cells.size(); index++) {
            if (!columns.containsValue(index) && !cells.get(index).isEmpty()) {
                extra++;
            }
        }
        lines.add(new Line(number, cell(cells, columns.get(EMAIL)), cell(cells, columns.get(NAME)),
                cell(cells, columns.get(ROLE)), extra));
    }

    private static List<Line> finish(List<Line> lines) {
        if (lines.isEmpty()) {
            throw new BadInputException("Le fichier ne contient aucune personne : ajoutez une ligne par personne sous"
                    + " l'en-tête " + EXPECTED_HEADER + ".");
        }
        return List.copyOf(lines);
    }

    /** Column positions by name; the header must name exactly email, nom and role. */
    private static Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int index = 0; index < cells.size(); index++) {
            String cell = cells.get(index);
            if (cell.isEmpty()) {
                continue;
            }
            String name = HEADER_ALIASES.get(withoutAccents(cell).toLowerCase(Locale.ROOT));
            if (name == null) {
                unknown.add("« " + cell + " »");
            } else if (columns.putIfAbsent(name, index) != null) {
                throw new BadInputException("La colonne « " + name + " » figure deux fois dans l'en-tête : l'en-tête"
                        + " attendu est " + EXPECTED_HEADER + ".");
            }
        }
        List<String> missing = COLUMNS.stream().filter(column -> !columns.containsKey(column)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new BadInputException("En-tête incorrect : la première ligne doit être " + EXPECTED_HEADER
                    + (missing.isEmpty() ? "" : " (colonne manquante : " + String.join(", ", missing) + ")")
                    + (unknown.isEmpty() ? "" : " (colonne inconnue : " + String.join(", ", unknown) + ")") + ".");
        }
        return columns;
    }

    private static String text(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("Le fichier n'est ni un classeur .xlsx ni un texte CSV encodé en UTF-8 :"
                    + " enregistrez-le depuis votre tableur au format « CSV UTF-8 » ou .xlsx.");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw new BadInputException("Le fichier contient des données binaires : ce n'est ni un CSV ni un classeur"
                    + " .xlsx.");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    private static String clean(String value) {
        return value == null ? "" : value.replace('\u00A0', ' ').strip();
    }

    static String withoutAccents(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
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
