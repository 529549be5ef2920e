package fr.referentia.seedconversion;

import static java.util.function.Predicate.not;

import fr.referentia.seedconversion.SeedText.Exam;
import fr.referentia.seedconversion.SeedText.Framework;
import fr.referentia.seedconversion.SeedText.Items;
import fr.referentia.seedconversion.SeedText.Part;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;

/**
 * Converts seed 002, the certification referential of the CQP Gestionnaire des dispositifs de formation,
 * into the canonical JSON. The referential is a four-column markdown table with HTML cells (activities,
 * competencies, evaluation modality, criteria), cut into one table per page; a cell cut by a page break
 * continues in the first row of the next table.
 */
public final class Seed002Converter {

    static final String SOURCE_DOCUMENT = "002_f477ad449111c80d.txt";
    private static final String DEFAULT_OUTPUT = "src/main/resources/seeds/002-CQP-GESTIONNAIRE-DISPOSITIFS.json";
    private static final String KIND_HEADING = "Certificat de qualification professionnelle";
    private static final String ISSUER_START = "Commission Paritaire";
    private static final Pattern VALIDATION = Pattern.compile("\\((Validé en CPNEF du (\\d{1,2}-\\d{1,2}-\\d{4}))\\)");
    private static final DateTimeFormatter DOCUMENT_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");
    // Every page repeats the two header rows around the markdown separator row.
    private static final int HEADER_ROWS = 3;
    private static final Pattern DOMAIN = Pattern.compile("Domaine d'activités (\\d+) : (.+)");
    private static final Pattern EXAM_TITLE = Pattern.compile("Épreuve ([\\d.]+)");
    private static final Pattern DURATION = Pattern.compile("Durée(?: totale)? : (\\d+) (?:minutes|mn)");
    private static final Pattern PART = Pattern.compile("(.+) : (\\d+) mn");

    record Row(Element activity, Element competencies, Element modality, Element criteria) {

        static Row parse(String line) {
            // "| a | b | c | d |" splits into an empty first field and the four cells.
            String[] cells = line.strip().split("\\|");
            return new Row(SeedText.fragment(cells[1]), SeedText.fragment(cells[2]),
                    SeedText.fragment(cells[3]), SeedText.fragment(cells[4]));
        }

        boolean hasOnlyCriteria() {
            return isBlank(activity) && isBlank(competencies) && isBlank(modality) && !isBlank(criteria);
        }

        Row withCompetencies(Element cell) {
            return new Row(activity, cell, modality, criteria);
        }
    }

    record Domain(String number, String title, List<Activity> activities) {
    }

    record Activity(String title, List<String> tasks, List<Competency> competencies) {
    }

    record Competency(String code, String text, List<String> criteria) {
    }

    private Seed002Converter() {
    }

    public static void main(String[] args) throws IOException {
        SeedText.run(args, "seeds/source/" + SOURCE_DOCUMENT, DEFAULT_OUTPUT, Seed002Converter::convert);
    }

    public static String convert(String sourceText) {
        List<String> lines = sourceText.lines().toList();
        Referential referential = new Referential();
        tables(lines).stream()
                .map(table -> table.subList(HEADER_ROWS, table.size()).stream().map(Row::parse).toList())
                .map(Seed002Converter::realign)
                .forEach(rows -> rows.forEach(referential::accept));
        return SeedText.canonicalJson(framework(preamble(lines)), items(referential.domains),
                referential.exams.stream().map(ExamDraft::toExam).toList());
    }

    /** Consecutive "|" lines form one table, i.e. one page of the referential. */
    private static List<List<String>> tables(List<String> lines) {
        List<List<String>> tables = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("|")) {
                current.add(line);
            } else if (!current.isEmpty()) {
                tables.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            tables.add(current);
        }
        return tables;
    }

    /**
     * At one page break the text conversion lifted a competency into the first row while its criteria stayed
     * in the row below; the first row's criteria then continue the previous page's criteria. Putting the
     * competency back next to its criteria lets the general row rules apply.
     */
    private static List<Row> realign(List<Row> rows) {
        if (rows.size() < 2 || isBlank(rows.get(0).competencies()) || !rows.get(1).hasOnlyCriteria()) {
            return rows;
        }
        List<Row> realigned = new ArrayList<>(rows);
        realigned.set(0, rows.get(0).withCompetencies(SeedText.fragment("")));
        realigned.set(1, rows.get(1).withCompetencies(rows.get(0).competencies()));
        return realigned;
    }

    private static boolean isBlank(Element cell) {
        return cell.text().isBlank();
    }

    private static String bullet(String text) {
        return SeedText.clean(text).replaceFirst("^▪\\s*", "");
    }

    /** The bold heading lines above the first table, without their markdown emphasis. */
    private static List<String> preamble(List<String> lines) {
        return lines.stream()
                .takeWhile(not(line -> line.startsWith("|")))
                .map(line -> SeedText.clean(line.replace("**", "")))
                .filter(not(String::isEmpty))
                .toList();
    }

    private static Framework framework(List<String> preamble) {
        String issuer = preamble.stream().filter(line -> line.startsWith(ISSUER_START)).findFirst().orElseThrow();
        String title = preamble.get(preamble.indexOf(KIND_HEADING) + 1);
        Matcher validation = VALIDATION.matcher(String.join("\n", preamble));
        if (!validation.find()) {
            throw new IllegalStateException("No validation statement in the preamble");
        }
        LocalDate validationDate = LocalDate.parse(validation.group(2), DOCUMENT_DATE);
        return new Framework("CQP-GESTIONNAIRE-DISPOSITIFS", "CQP", title, issuer,
                YearMonth.from(validationDate).toString(), validationDate.toString(), validation.group(1),
                null, null, SOURCE_DOCUMENT);
    }

    private static Items items(List<Domain> domains) {
        Items items = new Items();
        for (Domain domain : domains) {
            String domainCode = "DA" + domain.number();
            items.add(domainCode, "DOMAIN", domain.title(), null);
            for (int i = 0; i < domain.activities().size(); i++) {
                addActivity(items, domain.activities().get(i), domainCode + "-A" + (i + 1), domainCode);
            }
        }
        return items;
    }

    private static void addActivity(Items items, Activity activity, String code, String domainCode) {
        items.add(code, "ACTIVITY", activity.title(), domainCode);
        for (int i = 0; i < activity.tasks().size(); i++) {
            items.add(code + "-T" + (i + 1), "TASK", activity.tasks().get(i), code);
        }
        for (Competency competency : activity.competencies()) {
            items.add(competency.code(), "COMPETENCY", competency.text(), code);
            for (int i = 0; i < competency.criteria().size(); i++) {
                items.add(competency.code() + "-CR" + (i + 1), "CRITERION", competency.criteria().get(i),
                        competency.code());
            }
        }
    }

    /** Reads the rows in document order, carrying over whatever a page break cut. */
    private static final class Referential {

        private final List<Domain> domains = new ArrayList<>();
        private final List<ExamDraft> exams = new ArrayList<>();
        private int competencyCount;
        private Competency criteriaTarget;

        void accept(Row row) {
            Matcher domain = DOMAIN.matcher(SeedText.clean(row.activity().text()));
            if (domain.matches()) {
                domains.add(new Domain(domain.group(1), domain.group(2), new ArrayList<>()));
                return;
            }
            acceptActivity(row.activity());
            acceptModality(row.modality());
            acceptCriteria(row.criteria(), acceptCompetencies(row.competencies()));
        }

        /** A bold title opens an activity group; a plain paragraph is the end of a task cut by a page break. */
        private void acceptActivity(Element cell) {
            Element title = cell.selectFirst("b");
            if (title != null) {
                lastDomain().activities().add(new Activity(SeedText.clean(title.text()), new ArrayList<>(),
                        new ArrayList<>()));
            }
            List<String> tasks = lastActivity().tasks();
            cell.select("p:not(:has(b))").forEach(paragraph ->
                    tasks.set(tasks.size() - 1, tasks.get(tasks.size() - 1) + " " + SeedText.clean(paragraph.text())));
            cell.select("li").forEach(item -> tasks.add(bullet(item.text())));
        }

        /** A cell naming an "Épreuve" opens an exam; any other cell completes the exam above it. */
        private void acceptModality(Element cell) {
            if (isBlank(cell)) {
                return;
            }
            examNumber(cell).ifPresent(number -> exams.add(new ExamDraft(number)));
            exams.get(exams.size() - 1).complete(cell);
        }

        /** Each paragraph is a competency; a cell without paragraphs holds a single one. */
        private List<Competency> acceptCompetencies(Element cell) {
            List<Element> paragraphs = cell.select("p");
            Stream<String> texts = paragraphs.isEmpty()
                    ? Stream.of(SeedText.clean(cell.text())).filter(not(String::isEmpty))
                    : paragraphs.stream().map(paragraph -> SeedText.clean(paragraph.text()));
            List<Competency> competencies = texts
                    .map(text -> new Competency("C" + ++competencyCount, text, new ArrayList<>()))
                    .toList();
            lastActivity().competencies().addAll(competencies);
            competencies.forEach(competency -> exams.get(exams.size() - 1).itemCodes.add(competency.code()));
            return competencies;
        }

        /**
         * Criteria belong to the competency of their row, to the first one when the row holds several;
         * a row with criteria only continues the criteria cell above it.
         */
        private void acceptCriteria(Element cell, List<Competency> rowCompetencies) {
            List<String> criteria = cell.select("li").stream().map(item -> bullet(item.text())).toList();
            if (criteria.isEmpty()) {
                return;
            }
            criteriaTarget = rowCompetencies.isEmpty() ? criteriaTarget : rowCompetencies.get(0);
            criteriaTarget.criteria().addAll(criteria);
        }

        private Domain lastDomain() {
            return domains.get(domains.size() - 1);
        }

        private Activity lastActivity() {
            List<Activity> activities = lastDomain().activities();
            return activities.get(activities.size() - 1);
        }
    }

    private static Optional<String> examNumber(Element cell) {
        return cell.select("b").stream()
                .map(bold -> EXAM_TITLE.matcher(SeedText.clean(bold.text())))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .findFirst();
    }

    private static boolean isExamTitle(Element element) {
        return element.is("b") && EXAM_TITLE.matcher(SeedText.clean(element.text())).matches();
    }

    private static boolean isDuration(Element element) {
        return DURATION.matcher(SeedText.clean(element.text())).lookingAt();
    }

    /** An exam as read so far: its cell can span several rows (e.g. the durations of Épreuve 1.1). */
    private static final class ExamDraft {

        private final String number;
        private final List<Part> parts = new ArrayList<>();
        private final List<String> itemCodes = new ArrayList<>();
        private String modality = "";
        private String place;
        private Integer durationMinutes;

        ExamDraft(String number) {
            this.number = number;
        }

        /** Title, italic place, duration and timed parts are fields of their own; the rest is the modality. */
        void complete(Element cell) {
            String description = SeedText.textWithout(cell, element ->
                    isExamTitle(element) || isDuration(element) || element.is("i, ul"));
            modality = Stream.of(modality, description).filter(not(String::isEmpty)).collect(Collectors.joining(" "));
            Optional.ofNullable(cell.selectFirst("i")).ifPresent(italic -> place = SeedText.clean(italic.text()));
            Matcher duration = DURATION.matcher(SeedText.clean(cell.text()));
            if (duration.find()) {
                durationMinutes = Integer.parseInt(duration.group(1));
            }
            cell.select("li").forEach(item -> parts.add(part(bullet(item.text()))));
        }

        private static Part part(String text) {
            Matcher matcher = PART.matcher(text);
            if (!matcher.matches()) {
                throw new IllegalStateException("Untimed exam part: " + text);
            }
            return new Part(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }

        Exam toExam() {
            return new Exam("EP" + number, "Épreuve " + number, modality, place, durationMinutes, parts, itemCodes,
                    List.of());
        }
    }
}
