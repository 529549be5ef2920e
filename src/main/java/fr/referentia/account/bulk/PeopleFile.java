package fr.referentia.account.bulk;

import fr.referentia.shared.BadInputException;
import fr.referentia.shared.spreadsheet.CellProblem;
import fr.referentia.shared.spreadsheet.SheetContent;
import fr.referentia.shared.spreadsheet.SheetLimits;
import fr.referentia.shared.spreadsheet.SheetRow;
import fr.referentia.shared.spreadsheet.SpreadsheetReader;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.Style;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list of people to invite, as uploaded: a CSV in UTF-8 ({@code ;}, {@code ,} or tab separated)
 * or an XLSX workbook (first sheet), with the header {@code email;nom;role} (any order), read
 * through the shared {@link SpreadsheetReader}. Reading only checks the file's shape; the people
 * themselves are checked by the import's rules. A CSV cell starting with {@code = + - @} is data,
 * kept as written; a workbook's formula is refused, never evaluated.
 */
public final class PeopleFile {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_LINES = 2000;
    public static final String EMAIL = "email";
    public static final String NAME = "nom";
    public static final String ROLE = "role";
    static final List<String> COLUMNS = List.of(EMAIL, NAME, ROLE);
    static final String EXPECTED_HEADER = "email;nom;role";
    /** The header and {@link #MAX_LINES} people, empty lines counted; a few columns beyond the three. */
    static final SheetLimits LIMITS = new SheetLimits(MAX_LINES + 1, 26, "Le fichier compte plus de " + MAX_LINES
            + " personnes (ou plus de " + (MAX_LINES + 1) + " lignes, lignes vides comprises) : découpez-le en"
            + " plusieurs fichiers.");
    private static final int FORMULAS_NAMED = 5;

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
        SheetContent sheet = SpreadsheetReader.read(content, null, LIMITS);
        if (!sheet.problems().isEmpty()) {
            List<String> named = sheet.problems().stream().map(CellProblem::text).toList();
            throw new BadInputException("Le classeur contient " + (named.size() == 1 ? "une formule" : named.size()
                    + " formules") + ", refusées (le fichier n'est jamais calculé) : saisissez les valeurs"
                    + " elles-mêmes. " + String.join(" ; ", named.subList(0, Math.min(FORMULAS_NAMED, named.size())))
                    + (named.size() > FORMULAS_NAMED ? " ; …" : "") + ".", named);
        }
        if (sheet.rows().isEmpty()) {
            throw new BadInputException("Le fichier est vide : la première ligne doit être l'en-tête "
                    + EXPECTED_HEADER + ".");
        }
        Map<String, Integer> columns = header(cleaned(sheet.rows().get(0)));
        List<Line> lines = new ArrayList<>();
        for (SheetRow row : sheet.rows().subList(1, sheet.rows().size())) {
            add(lines, row.number(), cleaned(row), columns);
        }
        return finish(lines);
    }

    /**
     * The file to fill, as a workbook: the first sheet (the one read back) holds only the header, so
     * that nothing but the people typed in is imported; a second sheet says how to fill it, with
     * example lines and the roles the uploader may give.
     */
    public static byte[] templateXlsx(List<String> roleLabels) {
        var book = SpreadsheetWriter.xlsx();
        book.sheet("Personnes").row(Style.BOLD, COLUMNS).columnWidth(0, 36).columnWidth(1, 30).columnWidth(2, 20);
        var help = book.sheet("Mode d'emploi").columnWidth(0, 36).columnWidth(1, 30).columnWidth(2, 60);
        help.row(Style.BOLD, List.of("Comment remplir la feuille « Personnes »"));
        for (String line : instructions(roleLabels)) {
            help.row(Style.WRAPPED, List.of(line));
        }
        help.row(List.of());
        help.row(Style.BOLD, List.of("Exemples (à ne pas recopier tels quels)"));
        help.row(Style.BOLD, COLUMNS);
        EXAMPLES.forEach(help::row);
        return book.bytes();
    }

    /** The same as a CSV (UTF-8, « ; »): the header alone, to fill line by line. */
    public static byte[] templateCsv() {
        return SpreadsheetWriter.csv(COLUMNS, List.of());
    }

    static final List<List<String>> EXAMPLES = List.of(List.of("camille.martin@exemple.fr", "Camille Martin", "Salarié"),
            List.of("karim.benali@exemple.fr", "Karim Benali", "Manager"));

    private static List<String> instructions(List<String> roleLabels) {
        return List.of("Une personne par ligne, sous l'en-tête email, nom, role (ne changez pas l'en-tête).",
                "email : l'adresse à laquelle la personne recevra son invitation.",
                "nom : le prénom et le nom, sur une ligne.",
                "role : " + (roleLabels.isEmpty() ? "un rôle que vous pouvez donner dans l'organisme."
                        : "l'un de " + String.join(", ", roleLabels) + "."),
                "Au plus " + MAX_LINES + " personnes et 1 Mo par fichier. Ni formule ni cellule calculée.",
                "Toutes les lignes sont vérifiées d'abord : s'il y a une erreur, personne n'est invité et chaque"
                        + " problème est indiqué avec sa ligne.");
    }

    /** Refuses a file over {@link #MAX_BYTES}, before it is even read. */
    public static void checkSize(long bytes) {
        if (bytes > MAX_BYTES) {
            throw new BadInputException("Le fichier dépasse la taille maximale de 1 Mo ("
                    + String.format(Locale.FRENCH, "%.1f", bytes / (1024.0 * 1024.0))
                    + " Mo) : découpez-le en plusieurs fichiers de " + MAX_LINES + " personnes au plus.");
        }
    }

    private static List<String> cleaned(SheetRow row) {
        return row.cells().stream().map(PeopleFile::clean).toList();
    }

    private static void add(List<Line> lines, int number, List<String> cells, Map<String, Integer> columns) {
        if (cells.stream().allMatch(String::isEmpty)) {
            return;
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

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    private static String clean(String value) {
        return value == null ? "" : value.replace('\u00A0', ' ').strip();
    }

    static String withoutAccents(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
