package fr.referentia.seedconversion;

import static java.util.function.Predicate.not;

import fr.referentia.seedconversion.SeedText.Exam;
import fr.referentia.seedconversion.SeedText.Framework;
import fr.referentia.seedconversion.SeedText.Items;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.nodes.Element;

/**
 * Converts seed 001, the certification referential of a Titre, into the canonical JSON.
 * Each page is one tab-separated row of HTML cells (activity, competencies, modality, criteria)
 * describing one activity, i.e. one bloc; the closing paragraphs describe the final interview.
 */
public final class Seed001Converter {

    static final String SOURCE_DOCUMENT = "001_eac13c03062e88f4.txt";
    private static final String DEFAULT_OUTPUT = "src/main/resources/seeds/001-TITRE-PILOTAGE-DISPOSITIFS.json";
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");
    private static final Pattern NUMBERED_COMPETENCY = Pattern.compile("(\\d+\\.\\d+)\\.\\s+(.+)");
    // Bullets arrive as " - " inside the <ul> text, not as <li> elements.
    private static final Pattern BULLET = Pattern.compile("(?:^|\\s)-\\s");
    private static final Pattern INTERVIEW_MINUTES = Pattern.compile("durée de (\\d+) minutes");

    record Competency(String code, String text) {
    }

    record Block(int number, int functionNumber, String functionTitle, String title, List<String> tasks,
                 List<Competency> competencies, String modality, List<String> criteria) {

        String code() {
            return "B" + number;
        }
    }

    private Seed001Converter() {
    }

    public static void main(String[] args) throws IOException {
        SeedText.run(args, "seeds/source/" + SOURCE_DOCUMENT, DEFAULT_OUTPUT, Seed001Converter::convert);
    }

    public static String convert(String sourceText) {
        List<String> lines = sourceText.lines().toList();
        List<String> rows = lines.stream().filter(Seed001Converter::isActivityRow).toList();
        List<Block> blocks = IntStream.range(0, rows.size()).mapToObj(i -> block(i + 1, rows.get(i))).toList();
        List<String> closingLines = lines.subList(lines.lastIndexOf(rows.get(rows.size() - 1)) + 1, lines.size())
                .stream().map(SeedText::clean).filter(not(String::isEmpty)).toList();

        Map<Integer, String> functions = functionTitles(blocks);
        List<Exam> exams = new ArrayList<>(blocks.stream().map(Seed001Converter::blockExam).toList());
        exams.add(finalInterview(closingLines, blocks));
        return SeedText.canonicalJson(framework(functions), items(functions, blocks), exams);
    }

    /** Header rows carry no underlined "Fonction n" label; activity rows do. */
    private static boolean isActivityRow(String line) {
        return line.contains("\t") && SeedText.fragment(line.split("\t")[0]).selectFirst("u") != null;
    }

    private static Block block(int number, String row) {
        String[] cells = row.split("\t");
        Element activityCell = SeedText.fragment(cells[0]);
        // The cell opens with "<u>Fonction n</u> title" then "<u>Activité n.m</u> title :".
        List<Element> headings = activityCell.select("p:has(u)");
        Element functionHeading = headings.get(0);
        Element activityHeading = headings.get(1);
        List<Competency> competencies = SeedText.fragment(cells[1]).select("p").stream()
                .map(paragraph -> competency(paragraph.text()))
                .toList();
        String modality = SeedText.fragment(cells[2]).select("p").stream()
                .map(paragraph -> SeedText.clean(paragraph.text()))
                .collect(Collectors.joining("\n"));
        return new Block(number,
                labelNumber(functionHeading),
                SeedText.textWithout(functionHeading, "u"),
                SeedText.textWithout(activityHeading, "u").replaceFirst("\\s*:$", ""),
                bullets(activityCell.selectFirst("ul")),
                competencies,
                modality,
                bullets(SeedText.fragment(cells[3]).selectFirst("ul")));
    }

    private static int labelNumber(Element heading) {
        Matcher matcher = TRAILING_NUMBER.matcher(SeedText.clean(heading.selectFirst("u").text()));
        if (!matcher.find()) {
            throw new IllegalStateException("Unnumbered heading: " + heading.text());
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static Competency competency(String paragraph) {
        Matcher matcher = NUMBERED_COMPETENCY.matcher(SeedText.clean(paragraph));
        if (!matcher.matches()) {
            throw new IllegalStateException("Unnumbered competency: " + paragraph);
        }
        return new Competency(matcher.group(1), matcher.group(2));
    }

    private static List<String> bullets(Element list) {
        return BULLET.splitAsStream(SeedText.clean(list.text()))
                .map(SeedText::clean)
                .filter(not(String::isEmpty))
                .toList();
    }

    /** A function is repeated on each of its pages, sometimes worded differently: the first wording wins. */
    private static Map<Integer, String> functionTitles(List<Block> blocks) {
        return blocks.stream().collect(Collectors.toMap(
                Block::functionNumber, Block::functionTitle, (first, second) -> first, LinkedHashMap::new));
    }

    /** The document names no title: it is derived from the three function titles. */
    private static Framework framework(Map<Integer, String> functions) {
        return new Framework("TITRE-PILOTAGE-DISPOSITIFS", "TITRE", String.join(" – ", functions.values()),
                null, "1", null, null, null, null, SOURCE_DOCUMENT);
    }

    private static Items items(Map<Integer, String> functions, List<Block> blocks) {
        Items items = new Items();
        functions.forEach((number, title) -> {
            String functionCode = "F" + number;
            items.add(functionCode, "FUNCTION", title, null);
            blocks.stream()
                    .filter(block -> block.functionNumber() == number)
                    .forEach(block -> addBlock(items, block, functionCode));
        });
        return items;
    }

    private static void addBlock(Items items, Block block, String functionCode) {
        String code = block.code();
        items.add(code, "BLOCK", block.title(), functionCode);
        for (int i = 0; i < block.tasks().size(); i++) {
            items.add(code + "-T" + (i + 1), "TASK", block.tasks().get(i), code);
        }
        block.competencies().forEach(competency ->
                items.add(competency.code(), "COMPETENCY", competency.text(), code));
        for (int i = 0; i < block.criteria().size(); i++) {
            items.add(code + "-CR" + (i + 1), "CRITERION", block.criteria().get(i), code);
        }
    }

    private static Exam blockExam(Block block) {
        return new Exam(block.code() + "-EVAL", "Modalité d'évaluation du bloc " + block.number(),
                block.modality(), null, null, List.of(), List.of(block.code()), List.of());
    }

    /** Closing paragraphs: the award rule and the jury's checks ("- " lines) of the final interview. */
    private static Exam finalInterview(List<String> closingLines, List<Block> blocks) {
        String modality = closingLines.stream()
                .filter(not(line -> line.startsWith("- ")))
                .collect(Collectors.joining("\n"));
        List<String> checks = closingLines.stream()
                .filter(line -> line.startsWith("- "))
                .map(line -> line.substring(2))
                .toList();
        Matcher minutes = INTERVIEW_MINUTES.matcher(modality);
        if (!minutes.find()) {
            throw new IllegalStateException("Final interview without duration");
        }
        return new Exam("ENTRETIEN-FINAL", "Entretien final", modality, null, Integer.parseInt(minutes.group(1)),
                List.of(), blocks.stream().map(Block::code).toList(), checks);
    }
}
