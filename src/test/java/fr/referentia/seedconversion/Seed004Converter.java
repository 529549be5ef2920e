package fr.referentia.seedconversion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts seed 004 (CQP Conseiller(ère) commercial(e) en formation, VAE guide and
 * candidate dossier) into the canonical format described in docs/canonical-format.md.
 * Only the presentation, the per-competency dossier and the evaluation grids become data;
 * the admissibility form, the general guide and the jury sheets are left to the workflow.
 */
public final class Seed004Converter {

    private static final String DEFAULT_SOURCE = "seeds/source/004_52d41c7e3969c08d.txt";
    private static final String DEFAULT_OUTPUT = "src/main/resources/seeds/004-CQP-CONSEILLER-COMMERCIAL.json";
    private static final String SOURCE_DOCUMENT = "004_52d41c7e3969c08d.txt";
    private static final String TITLE = "Conseiller(ère) commercial(e) en formation";
    // The document defines the CPEF only in its first footnote; that is its full name.
    private static final String ISSUER =
            "Commission Paritaire de l'Emploi et la Formation de la formation professionnelle (CPEF)";
    private static final String TOLERANCE_SENTENCE =
            "un ou deux éléments non incontournables par compétence peuvent être cochés « non mis en œuvre »";
    private static final String INTERVIEW_MINIMUM = "entretien à minima de deux heures";

    // The separator varies: a dash, a colon, or a colon after a no-break space.
    private static final Pattern COMPETENCY_HEADING = Pattern.compile("^Compétence (\\d)[ \u00a0]?[–:-] ?(.*)$");
    private static final Pattern ELEMENT = Pattern.compile("^(\\d+)\\. (.*)$");
    private static final String BULLET = "·";

    private Seed004Converter() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : DEFAULT_SOURCE);
        Path output = Path.of(args.length > 1 ? args[1] : DEFAULT_OUTPUT);
        String json = convert(Files.readString(source, StandardCharsets.UTF_8));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, json, StandardCharsets.UTF_8);
    }

    public static String convert(String sourceText) {
        List<String> lines = sourceText.lines().toList();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "referentia/framework@1");
        root.set("framework", framework(mapper, lines));
        root.set("items", items(mapper, lines));
        root.set("exams", exams(mapper, lines));
        root.set("associations", associations(mapper, lines));
        try {
            return writer(mapper).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Explicit "\n" and "key": value spacing so the output is identical on every platform.
    private static ObjectWriter writer(ObjectMapper mapper) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return mapper.writer(printer);
    }

    // ---------------------------------------------------------------- framework

    private static ObjectNode framework(ObjectMapper mapper, List<String> lines) {
        require(String.join("\n", lines), TOLERANCE_SENTENCE);
        ObjectNode framework = mapper.createObjectNode();
        framework.put("code", "CQP-CONSEILLER-COMMERCIAL");
        framework.put("kind", "CQP");
        framework.put("title", TITLE);
        framework.put("issuer", ISSUER);
        framework.put("version", "1"); // the document gives none: first version in Referentia
        framework.put("status", "PUBLISHED");
        framework.putNull("validationDate");
        framework.putNull("validationNote");
        framework.putNull("rncpCode");
        framework.put("description", description(lines));
        framework.put("masteryTolerance", 2);
        framework.put("sourceDocument", SOURCE_DOCUMENT);
        return framework;
    }

    // The "CQP Mode d’emploi" presentation, up to the sentence that closes it.
    private static String description(List<String> lines) {
        int start = indexOf(lines, 0, l -> l.startsWith("Le Certificat de Qualification Professionnelle " + TITLE));
        int end = indexOf(lines, start, l -> l.strip().equals("Pour obtenir le CQP, il faut valider les 6 compétences."));
        return paragraphs(lines.subList(start, end + 1));
    }

    // ---------------------------------------------------------------- items

    private static ArrayNode items(ObjectMapper mapper, List<String> lines) {
        Items items = new Items();
        for (Section section : competencySections(lines)) {
            new CompetencyParser(section, items).parse();
        }
        ArrayNode array = mapper.createArrayNode();
        items.all().forEach(item -> array.add(item.toJson(mapper)));
        return array;
    }

    private record Section(int number, List<String> lines) {
    }

    // Competencies start after the dossier heading and end at the final summary table.
    private static List<Section> competencySections(List<String> lines) {
        int start = indexOf(lines, 0, l -> l.strip().equals("Dossier VAE et Evaluation des compétences"));
        int end = indexOf(lines, start, l -> l.strip().equals("BILAN DE L’EVALUATION DES COMPETENCES"));
        List<Integer> headings = new ArrayList<>();
        for (int i = start; i < end; i++) {
            if (COMPETENCY_HEADING.matcher(lines.get(i)).matches()) {
                headings.add(i);
            }
        }
        headings.add(end);
        List<Section> sections = new ArrayList<>();
        for (int k = 0; k + 1 < headings.size(); k++) {
            sections.add(new Section(k + 1, lines.subList(headings.get(k), headings.get(k + 1))));
        }
        if (sections.size() != 6) {
            throw new IllegalStateException("expected 6 competencies, found " + sections.size());
        }
        return sections;
    }

    private record Item(String code, String type, String text, String parentCode, int position,
                        String context, Boolean essential) {

        ObjectNode toJson(ObjectMapper mapper) {
            ObjectNode node = mapper.createObjectNode();
            node.put("code", code);
            node.put("type", type);
            node.put("text", text);
            node.put("parentCode", parentCode);
            node.put("position", position);
            node.put("context", context);
            node.put("essential", essential);
            return node;
        }
    }

    /** Items in document order; positions count siblings under the same parent. */
    private static final class Items {
        private final List<Item> items = new ArrayList<>();
        private final Map<String, Integer> childCounts = new HashMap<>();

        void add(String code, String type, String text, String parentCode, String context) {
            int position = childCounts.merge(String.valueOf(parentCode), 1, Integer::sum);
            Boolean essential = type.equals("ELEMENT") ? Boolean.FALSE : null;
            items.add(new Item(code, type, text, parentCode, position, context, essential));
        }

        List<Item> all() {
            return items;
        }
    }

    /** Reads one competency section: heading, basis, activity table, questions, grid. */
    private static final class CompetencyParser {
        private final List<String> lines;
        private final Items items;
        private final String code;

        CompetencyParser(Section section, Items items) {
            this.lines = section.lines();
            this.items = items;
            this.code = "C" + section.number();
        }

        void parse() {
            int basis = indexOf(lines, 0, l -> l.startsWith("L’évaluation doit s’appuyer sur"));
            int table = indexOf(lines, basis, l -> cell(l).startsWith("Activités réalisées"));
            int tableEnd = indexOf(lines, table, l -> !l.startsWith("\t") && !l.isBlank());
            int guide = indexOf(lines, tableEnd, l -> l.contains("Les questions suivantes vous aideront"));
            int grid = indexOf(lines, guide, l -> cell(l).startsWith("Eléments de la compétence"));
            int gridEnd = indexOf(lines, grid, l -> cell(l).equals("RESULTAT DE L’EVALUATION FINALE"));
            items.add(code, "COMPETENCY", title(lines.subList(0, basis)), null, null);
            items.add(code + ".BASE", "EVALUATION_BASIS", basis(lines.subList(basis, table)), code, null);
            activities(lines.subList(table, tableEnd));
            dossierQuestions(lines.subList(tableEnd, guide));
            interviewQuestions(lines.subList(guide + 1, grid));
            new GridParser(code, items).parse(lines.subList(gridRowsStart(grid), gridEnd));
        }

        // The heading may wrap over several lines before the basis starts.
        private String title(List<String> heading) {
            Matcher matcher = COMPETENCY_HEADING.matcher(paragraph(heading));
            if (!matcher.matches()) {
                throw new IllegalStateException("not a competency heading: " + heading);
            }
            return matcher.group(2);
        }

        // The conversion repeats the last bullet of competency 1 verbatim; one copy is kept.
        private String basis(List<String> block) {
            List<String> out = new ArrayList<>();
            for (String line : block) {
                String text = normalise(line);
                if (!text.isEmpty() && (out.isEmpty() || !text.equals(out.get(out.size() - 1)))) {
                    out.add(text);
                }
            }
            return String.join("\n", out);
        }

        // Table rows: the first blank line ends the header row; "Oui( Non(" cells are the answer boxes.
        private void activities(List<String> table) {
            int rows = indexOf(table, 0, String::isBlank);
            int n = 0;
            for (String line : table.subList(rows, table.size())) {
                String text = cell(line);
                if (!text.isEmpty() && !text.equals("Oui( Non(")) {
                    n++;
                    items.add(code + ".ACT" + n, "CANDIDATE_ACTIVITY", text, code, null);
                }
            }
        }

        // Each question runs until its "(" answer box; stray "." lines are conversion noise.
        private void dossierQuestions(List<String> block) {
            List<String> question = new ArrayList<>();
            int n = 0;
            for (String line : block) {
                String text = cell(line);
                if (text.equals("(")) {
                    n++;
                    items.add(code + ".Q" + n, "DOSSIER_QUESTION", paragraphs(question), code, null);
                    question.clear();
                } else if (hasLetters(text)) {
                    question.add(line);
                }
            }
            if (!question.isEmpty()) {
                throw new IllegalStateException(code + ": dossier text without answer box: " + question);
            }
        }

        // Bullet lines name the theme of the questions below them; every other line is a question.
        private void interviewQuestions(List<String> block) {
            String theme = null;
            int n = 0;
            for (String line : block) {
                String text = cell(line);
                if (text.startsWith(BULLET)) {
                    theme = text.substring(BULLET.length()).strip();
                } else if (!text.isEmpty()) {
                    n++;
                    items.add(code + ".IQ" + n, "INTERVIEW_QUESTION", text, code, theme);
                }
            }
        }

        // The grid header ends with the second "Date :" line (one per rating column).
        private int gridRowsStart(int grid) {
            int results = indexOf(lines, grid, l -> cell(l).startsWith("Résultats après"));
            return indexOf(lines, results, l -> cell(l).equals("Date\u00a0:")) + 1;
        }
    }

    /** Reads the grid rows: group titles, numbered elements and their criteria bullets. */
    private static final class GridParser {
        private final String competency;
        private final Items items;
        private String parent;
        private String element;
        private final List<String> criterion = new ArrayList<>();
        private int groups;
        private int criteria;
        private boolean inCriteria;

        GridParser(String competency, Items items) {
            this.competency = competency;
            this.items = items;
            this.parent = competency;
        }

        void parse(List<String> rows) {
            for (String line : rows) {
                row(line, cell(line));
            }
            flushCriterion();
        }

        private void row(String line, String text) {
            if (text.isEmpty() || isRatingFurniture(text)) {
                return;
            }
            Matcher elementMatch = ELEMENT.matcher(text);
            if (text.startsWith("Points à vérifier lors de l’entretien")) {
                flushCriterion();
                inCriteria = false;
            } else if (text.startsWith(BULLET)) {
                criterionBullet(text);
            } else if (elementMatch.matches()) {
                element(elementMatch.group(1), elementMatch.group(2));
            } else if (line.startsWith("\t") && !inCriteria) {
                group(text);
            } else {
                throw new IllegalStateException(competency + ": unexpected grid line: " + line);
            }
        }

        private void group(String text) {
            groups++;
            parent = competency + ".G" + groups;
            items.add(parent, "ELEMENT_GROUP", text, competency, null);
        }

        private void element(String number, String text) {
            element = competency + ".E" + number;
            criteria = 0;
            items.add(element, "ELEMENT", text, parent, null);
        }

        // A criterion ending with ":" introduces the bullets that follow it in the same cell.
        private void criterionBullet(String text) {
            inCriteria = true;
            String body = text.substring(BULLET.length()).strip();
            // A lone bullet (competency 2, element 1) carries no criterion.
            if (body.isEmpty()) {
                return;
            }
            if (criterion.isEmpty() || !criterion.get(0).endsWith(":")) {
                flushCriterion();
                criterion.add(body);
            } else {
                criterion.add("- " + body);
            }
        }

        private void flushCriterion() {
            if (!criterion.isEmpty()) {
                criteria++;
                items.add(element + ".CR" + criteria, "CRITERION", String.join("\n", criterion), element, null);
                criterion.clear();
            }
        }

        private static boolean isRatingFurniture(String text) {
            return text.startsWith("( Non mis en œuvre") || text.equals("( Non acquis") || text.equals("( Acquis");
        }
    }

    // ---------------------------------------------------------------- exams and associations

    private static ArrayNode exams(ObjectMapper mapper, List<String> lines) {
        require(String.join("\n", lines), INTERVIEW_MINIMUM);
        ObjectNode exam = mapper.createObjectNode();
        exam.put("code", "EVAL-VAE");
        exam.put("title", "Évaluation des compétences (VAE)");
        exam.put("modality", sentence(lines, "L’évaluation se déroule sous la forme d’un entretien après étude du dossier"));
        exam.put("place", sentence(lines, "est réalisée en entreprise ou au sein d’un organisme de formation"));
        exam.putNull("durationMinutes");
        ObjectNode interview = mapper.createObjectNode();
        interview.put("label", "Entretien (minimum)");
        interview.put("minutes", 120);
        exam.set("parts", mapper.createArrayNode().add(interview));
        ArrayNode itemCodes = mapper.createArrayNode();
        for (int n = 1; n <= 6; n++) {
            itemCodes.add("C" + n);
        }
        exam.set("itemCodes", itemCodes);
        exam.set("checks", mapper.createArrayNode());
        return mapper.createArrayNode().add(exam);
    }

    // R14 needs the underlining, which the text conversion lost: no association can be derived.
    private static ArrayNode associations(ObjectMapper mapper, List<String> lines) {
        require(String.join("\n", lines), "Les éléments de compétence en bleu et soulignés");
        return mapper.createArrayNode();
    }

    // ---------------------------------------------------------------- text helpers

    private static String sentence(List<String> lines, String fragment) {
        return normalise(lines.get(indexOf(lines, 0, l -> l.contains(fragment))));
    }

    // A table cell or body line without its tab, runs of spaces collapsed.
    private static String cell(String line) {
        return line.replaceAll("[ \t]+", " ").strip();
    }

    // Like cell, with the bullet glyph normalised to "- ".
    private static String normalise(String line) {
        String text = cell(line);
        return text.startsWith(BULLET) ? "- " + text.substring(BULLET.length()).strip() : text;
    }

    // One line per source paragraph or bullet, blank lines dropped.
    private static String paragraphs(List<String> block) {
        return String.join("\n", block.stream().map(Seed004Converter::normalise).filter(s -> !s.isEmpty()).toList());
    }

    // Lines of a single wrapped paragraph, joined by one space.
    private static String paragraph(List<String> block) {
        return String.join(" ", block.stream().map(Seed004Converter::cell).filter(s -> !s.isEmpty()).toList());
    }

    private static boolean hasLetters(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    private static int indexOf(List<String> lines, int from, Predicate<String> test) {
        for (int i = from; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        throw new IllegalStateException("expected line not found after line " + from);
    }

    // Fails loudly if a sentence a constant relies on is no longer in the source.
    private static void require(String text, String expected) {
        if (!text.contains(expected)) {
            throw new IllegalStateException("source no longer says: " + expected);
        }
    }
}
