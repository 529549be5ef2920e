package fr.referentia.seedconversion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Helpers shared by the seed converters: text normalisation, HTML fragments and canonical JSON. */
final class SeedText {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SeedText() {
    }

    /** Reads args[0] (source) and writes args[1] (output), both defaulting to the project's seed paths. */
    static void run(String[] args, String defaultSource, String defaultOutput, UnaryOperator<String> converter)
            throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : defaultSource);
        Path output = Path.of(args.length > 1 ? args[1] : defaultOutput);
        String json = converter.apply(Files.readString(source, StandardCharsets.UTF_8));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, json, StandardCharsets.UTF_8);
    }

    /** Collapses runs of whitespace to one space, as the canonical text rules require. */
    static String clean(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static Element fragment(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }

    /** The text of an element once the descendants matching the query are removed (the element is untouched). */
    static String textWithout(Element element, String cssQuery) {
        return textWithout(element, descendant -> descendant.is(cssQuery));
    }

    static String textWithout(Element element, Predicate<Element> removed) {
        Element copy = element.clone();
        // children() keeps the root itself out of the selection, so it is never detached.
        copy.children().select("*").stream().filter(removed).forEach(Element::remove);
        return clean(copy.text());
    }

    /** The framework header; status and rncpCode are the same for every seed converted here. */
    record Framework(String code, String kind, String title, String issuer, String version,
                     String validationDate, String validationNote, String description,
                     Integer masteryTolerance, String sourceDocument) {

        ObjectNode toJson() {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("code", code);
            node.put("kind", kind);
            node.put("title", title);
            node.put("issuer", issuer);
            node.put("version", version);
            node.put("status", "PUBLISHED");
            node.put("validationDate", validationDate);
            node.put("validationNote", validationNote);
            node.putNull("rncpCode");
            node.put("description", description);
            node.put("masteryTolerance", masteryTolerance);
            node.put("sourceDocument", sourceDocument);
            return node;
        }
    }

    record Part(String label, int minutes) {
    }

    record Exam(String code, String title, String modality, String place, Integer durationMinutes,
                List<Part> parts, List<String> itemCodes, List<String> checks) {

        ObjectNode toJson() {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("code", code);
            node.put("title", title);
            node.put("modality", modality);
            node.put("place", place);
            node.put("durationMinutes", durationMinutes);
            ArrayNode partNodes = node.putArray("parts");
            parts.forEach(part -> partNodes.addObject().put("label", part.label()).put("minutes", part.minutes()));
            ArrayNode itemCodeNodes = node.putArray("itemCodes");
            itemCodes.forEach(itemCodeNodes::add);
            ArrayNode checkNodes = node.putArray("checks");
            checks.forEach(checkNodes::add);
            return node;
        }
    }

    /** Item list that numbers each item among the siblings already added under the same parent. */
    static final class Items {

        private final ArrayNode nodes = MAPPER.createArrayNode();
        private final Map<String, Integer> lastPositions = new HashMap<>();

        void add(String code, String type, String text, String parentCode) {
            int position = lastPositions.merge(Objects.toString(parentCode, ""), 1, Integer::sum);
            nodes.addObject()
                    .put("code", code)
                    .put("type", type)
                    .put("text", text)
                    .put("parentCode", parentCode)
                    .put("position", position)
                    .putNull("context")
                    .putNull("essential");
        }
    }

    /** The whole canonical document, pretty-printed with LF line ends and a trailing newline. */
    static String canonicalJson(Framework framework, Items items, List<Exam> exams) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "referentia/framework@1");
        root.set("framework", framework.toJson());
        root.set("items", items.nodes);
        ArrayNode examNodes = root.putArray("exams");
        exams.forEach(exam -> examNodes.add(exam.toJson()));
        root.putArray("associations");
        try {
            return MAPPER.writer(prettyPrinter()).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fixed layout (not the platform's line separator) so re-running gives the same bytes everywhere. */
    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
