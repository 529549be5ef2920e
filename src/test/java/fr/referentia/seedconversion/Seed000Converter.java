package fr.referentia.seedconversion;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Converts seed 000, the branch framework "Référentiel activités et compétences des métiers de la
 * formation professionnelle", into the canonical format described in docs/canonical-format.md.
 * Re-running it on the same source must reproduce the committed JSON byte for byte.
 */
public final class Seed000Converter {

    private static final String SOURCE_DOCUMENT = "000_63d169655b0911b1.txt";
    private static final String DEFAULT_SOURCE = "seeds/source/" + SOURCE_DOCUMENT;
    private static final String DEFAULT_OUTPUT = "src/main/resources/seeds/000-RAC-METIERS-FORMATION.json";

    // R1: the document has 7 domains and 36 activities; any other count means the parse went wrong.
    private static final int EXPECTED_DOMAINS = 7;
    private static final int EXPECTED_ACTIVITIES = 36;

    private static final Pattern SUMMARY_LINE = Pattern.compile("DOMAINE (\\d+) : (.+?)\\s+p \\d+");
    private static final Pattern DOMAIN_HEADING = Pattern.compile("#\\s*DOMAINE (\\d+) :.*");
    // Headings mix hyphens and en dashes, spacing varies, and some carry a markdown "##".
    private static final Pattern ACTIVITY_HEADING =
            Pattern.compile("(?:#+\\s*)?DOM(\\d+)\\s*[-–]\\s*A(\\d+)\\s*[-–]\\s*(.+?)(\\s*\\(suite\\))?");
    private static final Pattern CONTEXT_LINE = Pattern.compile("Dans le cas d.*:");
    private static final Pattern PAGE_BREAK = Pattern.compile("\\.{5}");
    private static final Pattern BULLET = Pattern.compile("[-•]\\s+(.*)");
    private static final Pattern NESTED_BULLET = Pattern.compile("\\s+[-•]\\s+(.*)");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Seed000Converter() {
    }

    enum Type { DOMAIN, ACTIVITY, COMPETENCY }

    record Item(String code, Type type, String text, String parentCode, int position, String context) {

        Item withBullets(String bullets) {
            return new Item(code, type, text + "\n" + bullets, parentCode, position, context);
        }
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : DEFAULT_SOURCE);
        Path output = Path.of(args.length > 1 ? args[1] : DEFAULT_OUTPUT);
        String json = convert(Files.readString(source, UTF_8));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, json, UTF_8);
        System.out.println("Wrote " + output);
    }

    public static String convert(String sourceText) {
        List<String> lines = sourceText.lines().toList();
        int summaryStart = indexOf(lines, "# SOMMAIRE");
        int bodyStart = firstDomainHeading(lines, summaryStart);

        ItemCollector collector = new ItemCollector(domainTitles(lines.subList(summaryStart, bodyStart)));
        blocks(lines.subList(bodyStart, lines.size())).forEach(collector::accept);
        verifyShape(collector.items);

        String description = preamble(lines.subList(indexOf(lines, "# PRÉAMBULE") + 1, summaryStart));
        return toJson(description, collector.items);
    }

    // --- Source reading ---------------------------------------------------------------------

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new IllegalStateException("Marker not found: " + marker);
    }

    private static int firstDomainHeading(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (DOMAIN_HEADING.matcher(lines.get(i).strip()).matches()) {
                return i;
            }
        }
        throw new IllegalStateException("No domain heading after line " + from);
    }

    /** The SOMMAIRE gives the readable mixed-case domain titles (body headings are upper case). */
    private static Map<Integer, String> domainTitles(List<String> summary) {
        Map<Integer, String> titles = new HashMap<>();
        for (String line : summary) {
            Matcher m = SUMMARY_LINE.matcher(line.strip());
            if (m.matches()) {
                titles.put(Integer.parseInt(m.group(1)), clean(m.group(2)));
            }
        }
        return titles;
    }

    /** Splits lines into blocks at blank lines and at "....." page-break artefacts. */
    private static List<List<String>> blocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String raw : lines) {
            String line = clean(raw);
            if (line.isEmpty() || PAGE_BREAK.matcher(line).matches()) {
                addIfNotEmpty(blocks, current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        addIfNotEmpty(blocks, current);
        return blocks;
    }

    private static void addIfNotEmpty(List<List<String>> blocks, List<String> block) {
        if (!block.isEmpty()) {
            blocks.add(block);
        }
    }

    /** Trailing "  " markdown breaks are soft: lines join with one space; bullets stay on their own line. */
    private static String joinLines(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                text.append(text.isEmpty() ? "" : "\n").append("- ").append(bullet.group(1));
            } else {
                text.append(text.isEmpty() ? "" : " ").append(line);
            }
        }
        return text.toString();
    }

    /** Trims the line and collapses runs of ASCII spaces (non-breaking spaces are kept). */
    private static String clean(String line) {
        return line.strip().replaceAll(" {2,}", " ");
    }

    /** Section titles and paragraphs on their own lines, nested bullets as "- " lines, sections apart. */
    private static String preamble(List<String> lines) {
        List<List<String>> sections = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("## ")) {
                sections.add(new ArrayList<>(List.of(clean(line.substring(3)))));
                continue;
            }
            require(!sections.isEmpty(), "Preamble text before a section title: " + line);
            sections.get(sections.size() - 1).add(preambleLine(line));
        }
        return sections.stream().map(section -> String.join("\n", section)).collect(Collectors.joining("\n\n"));
    }

    // Each section is one top-level bullet (the paragraph) with nested bullets under it.
    private static String preambleLine(String line) {
        Matcher nested = NESTED_BULLET.matcher(line);
        if (nested.matches()) {
            return "- " + clean(nested.group(1));
        }
        Matcher paragraph = BULLET.matcher(line);
        require(paragraph.matches(), "Unexpected preamble line: " + line);
        return clean(paragraph.group(1));
    }

    // --- Item building ----------------------------------------------------------------------

    /** Turns body blocks into items, absorbing the page-break artefacts of the document. */
    private static final class ItemCollector {

        private final Map<Integer, String> domainTitles;
        private final List<Item> items = new ArrayList<>();
        private int domain;
        private int activityCount;
        private Item activity;
        private int competencyCount;
        // "Dans le cas de parcours ... :" qualifies every following competency of the activity.
        private String context;

        ItemCollector(Map<Integer, String> domainTitles) {
            this.domainTitles = domainTitles;
        }

        void accept(List<String> block) {
            String text = joinLines(block);
            Matcher m;
            if ((m = DOMAIN_HEADING.matcher(text)).matches()) {
                startDomain(Integer.parseInt(m.group(1)));
            } else if ((m = ACTIVITY_HEADING.matcher(text)).matches()) {
                startActivity(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), m.group(4) != null);
            } else if (CONTEXT_LINE.matcher(text).matches()) {
                context = text;
            } else if (BULLET.matcher(block.get(0)).matches()) {
                appendBullets(text);
            } else {
                addCompetency(text);
            }
        }

        private void startDomain(int number) {
            if (number == domain) {
                return; // heading repeated at the top of a page; the activity in progress goes on
            }
            require(number == domain + 1, "Domain out of order: " + number);
            String title = domainTitles.get(number);
            require(title != null, "Domain missing from the SOMMAIRE: " + number);
            domain = number;
            activityCount = 0;
            activity = null;
            items.add(new Item("DOM" + number, Type.DOMAIN, title, null, number, null));
        }

        private void startActivity(int domainNumber, int number, String title, boolean continued) {
            require(domainNumber == domain, "Activity DOM" + domainNumber + "-A" + number + " outside its domain");
            String code = "DOM" + domainNumber + "-A" + number;
            if (continued) {
                // "(suite)" repeats the heading on the next page; numbering of competencies goes on.
                require(activity != null && activity.code().equals(code) && activity.text().equals(title),
                        "Continuation of an activity not in progress: " + code);
                return;
            }
            require(number == activityCount + 1, "Activity out of order: " + code);
            activityCount = number;
            competencyCount = 0;
            context = null;
            activity = new Item(code, Type.ACTIVITY, title, "DOM" + domainNumber, number, null);
            items.add(activity);
        }

        private void addCompetency(String text) {
            require(activity != null, "Paragraph outside an activity: " + text);
            competencyCount++;
            items.add(new Item(activity.code() + "-C" + competencyCount, Type.COMPETENCY, text,
                    activity.code(), competencyCount, context));
        }

        // Bullets separated from their lead-in paragraph by a blank line still belong to it.
        private void appendBullets(String bullets) {
            int last = items.size() - 1;
            require(last >= 0 && items.get(last).type() == Type.COMPETENCY, "Bullets without a competency: " + bullets);
            items.set(last, items.get(last).withBullets(bullets));
        }
    }

    private static void verifyShape(List<Item> items) {
        List<String> activities = codesOf(items, Type.ACTIVITY);
        require(codesOf(items, Type.DOMAIN).size() == EXPECTED_DOMAINS, "Expected " + EXPECTED_DOMAINS + " domains");
        require(activities.size() == EXPECTED_ACTIVITIES, "Expected " + EXPECTED_ACTIVITIES + " activities");
        Set<String> withCompetencies = items.stream()
                .filter(item -> item.type() == Type.COMPETENCY)
                .map(Item::parentCode)
                .collect(Collectors.toSet());
        activities.forEach(code -> require(withCompetencies.contains(code), "Activity without competencies: " + code));
    }

    private static List<String> codesOf(List<Item> items, Type type) {
        return items.stream().filter(item -> item.type() == type).map(Item::code).toList();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    // --- JSON output ------------------------------------------------------------------------

    private static String toJson(String description, List<Item> items) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "referentia/framework@1");
        root.set("framework", framework(description));
        ArrayNode itemNodes = root.putArray("items");
        items.forEach(item -> itemNodes.add(itemNode(item)));
        root.putArray("exams"); // the document defines no exams
        root.putArray("associations"); // nor any association
        try {
            return MAPPER.writer(prettyPrinter()).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The document carries no version, validation date or RNCP code; its title and issuer come
    // from the cover page, with the title in sentence case instead of the cover's capitals.
    private static ObjectNode framework(String description) {
        ObjectNode framework = MAPPER.createObjectNode();
        framework.put("code", "RAC-METIERS-FORMATION");
        framework.put("kind", "OCCUPATIONAL_FRAMEWORK");
        framework.put("title", "Référentiel activités et compétences des métiers de la formation professionnelle");
        framework.put("issuer", "Centre Professionnel de Pilotage de l'Observatoire Formation Professionnelle (CPPO)"
                + " – Observatoire Prospectif des métiers et des qualifications de la branche des organismes de formation");
        framework.put("version", "1");
        framework.put("status", "PUBLISHED");
        framework.putNull("validationDate");
        framework.putNull("validationNote");
        framework.putNull("rncpCode");
        framework.put("description", description);
        framework.putNull("masteryTolerance");
        framework.put("sourceDocument", SOURCE_DOCUMENT);
        return framework;
    }

    private static ObjectNode itemNode(Item item) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", item.code());
        node.put("type", item.type().name());
        node.put("text", item.text());
        node.put("parentCode", item.parentCode());
        node.put("position", item.position());
        node.put("context", item.context());
        node.putNull("essential"); // no ELEMENT items in this document
        return node;
    }

    /** Two-space indent, "\n" on every OS, "key": value and [] as in the format description. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
