package fr.referentia.framework.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.Item;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The pure part of the CASE mapping, without a database: how siblings are ordered, and what an export writes
 * back once a draft of an imported referential has been edited (the package's nodes, with only what changed
 * taken from the referential).
 */
class CasePackageOrderTest {

    static final Instant EDITED = Instant.parse("2026-11-30T09:00:00Z");

    final ObjectMapper json = new ObjectMapper();
    final CasePackage cases = new CasePackage(json);

    @Test
    void listEnumerationsCompareNumbersByValueAndLettersWithoutCase() {
        assertThat(CasePackage.compareEnumerations("2", "10")).isNegative();
        assertThat(CasePackage.compareEnumerations("1.10", "1.9")).isPositive();
        assertThat(CasePackage.compareEnumerations("a.", "b.")).isNegative();
        assertThat(CasePackage.compareEnumerations("B", "a")).isPositive();
        assertThat(CasePackage.compareEnumerations("A", "a")).isZero();
        assertThat(CasePackage.compareEnumerations("iv", "iv.")).isNegative();
    }

    @Test
    void sequenceNumbersArePositionsWhenEverySiblingHasADistinctOneAndRanksOtherwise() throws IOException {
        JsonNode pkg = fixture();
        List<Item> items = cases.read(pkg, null, null, Nowhere.INSTANCE).framework().items();
        assertThat(item(items, "1.1").position()).isEqualTo(20);
        assertThat(item(items, "1.2").position()).isEqualTo(10);
        // No sequence numbers under « 2 », and list enumerations « B », « A » that are not numbers: ranks.
        assertThat(item(items, "2.1-b-").position()).isEqualTo(2);
        assertThat(items.stream().filter(i -> "2".equals(i.parentCode())).mapToInt(Item::position)).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void siblingsReorderedInADraftGetTheirNewPositionsAsSequenceNumbersAndKeepTheirIdentifiers() throws IOException {
        JsonNode pkg = fixture();
        CasePackage.Parsed parsed = cases.read(pkg, null, null, Nowhere.INSTANCE);
        CanonicalFramework source = parsed.framework();
        List<Item> reordered = source.items().stream().map(i -> switch (i.code()) {
            case "1.1" -> moved(i, 1);
            case "1.2" -> moved(i, 2);
            default -> i;
        }).toList();
        CanonicalFramework edited = new CanonicalFramework(source.format(), source.framework(), reordered,
                source.exams(), source.associations());

        ObjectNode exported = cases.write(edited, EDITED, Nowhere.INSTANCE, parsed.nodes());

        JsonNode first = childOf(exported, identifierOf(pkg, "1.1"));
        assertThat(first.get("identifier")).isEqualTo(childOf(pkg, identifierOf(pkg, "1.1")).get("identifier"));
        assertThat(first.get("sequenceNumber").asInt()).isEqualTo(1);
        assertThat(first.get("lastChangeDateTime").asText()).isEqualTo("2026-11-30T09:00:00Z");
        assertThat(childOf(exported, identifierOf(pkg, "1.2")).get("sequenceNumber").asInt()).isEqualTo(2);
        // The siblings under « 2 » did not move: their isChildOf come back as received, still without number.
        JsonNode untouched = childOf(exported, identifierOf(pkg, "2.1 (b)"));
        assertThat(untouched).isEqualTo(childOf(pkg, identifierOf(pkg, "2.1 (b)")));
    }

    @Test
    void anItemEditedInADraftGetsItsNewTextAndDateAndKeepsEveryOtherField() throws IOException {
        JsonNode pkg = fixture();
        CasePackage.Parsed parsed = cases.read(pkg, null, null, Nowhere.INSTANCE);
        CanonicalFramework source = parsed.framework();
        List<Item> edited = source.items().stream().map(i -> !i.code().equals("1") ? i
                : new Item(i.code(), i.type(), i.typeLabel(), "Compromiso profesional (revisado) 𝔸", i.parentCode(),
                        i.position(), null, i.essential())).toList();

        ObjectNode exported = cases.write(new CanonicalFramework(source.format(), source.framework(), edited,
                source.exams(), source.associations()), EDITED, Nowhere.INSTANCE, parsed.nodes());

        JsonNode before = StreamSupport.stream(pkg.get("CFItems").spliterator(), false)
                .filter(i -> "1".equals(i.path("humanCodingScheme").asText())).findFirst().orElseThrow();
        JsonNode after = StreamSupport.stream(exported.get("CFItems").spliterator(), false)
                .filter(i -> before.get("identifier").equals(i.get("identifier"))).findFirst().orElseThrow();
        ObjectNode expected = before.deepCopy();
        expected.put("fullStatement", "Compromiso profesional (revisado) 𝔸").put("lastChangeDateTime", "2026-11-30T09:00:00Z");
        expected.remove("notes"); // the context was emptied in the draft
        ObjectNode actual = after.deepCopy();
        actual.remove("extensions");
        assertThat(actual).isEqualTo(expected);
    }

    private JsonNode fixture() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("casenetwork-package.json")) {
            return json.readTree(in);
        }
    }

    private static Item moved(Item item, int position) {
        return new Item(item.code(), item.type(), item.typeLabel(), item.text(), item.parentCode(), position,
                item.context(), item.essential());
    }

    private static Item item(List<Item> items, String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private static String identifierOf(JsonNode pkg, String humanCode) {
        return StreamSupport.stream(pkg.get("CFItems").spliterator(), false)
                .filter(i -> humanCode.equals(i.path("humanCodingScheme").asText(null))).findFirst().orElseThrow()
                .get("identifier").asText();
    }

    private static JsonNode childOf(JsonNode pkg, String origin) {
        return StreamSupport.stream(pkg.get("CFAssociations").spliterator(), false)
                .filter(a -> a.get("associationType").asText().equals("isChildOf")
                        && a.at("/originNodeURI/identifier").asText().equals(origin))
                .findFirst().orElseThrow();
    }

    /** A server that knows no other referential and has imported nothing before. */
    enum Nowhere implements CasePackage.Directory {
        INSTANCE;

        @Override
        public String currentVersion(String frameworkCode) {
            return null;
        }

        @Override
        public CasePackage.ItemRef item(String identifier) {
            return null;
        }

        @Override
        public boolean exists(String frameworkCode, String itemCode) {
            return false;
        }

        @Override
        public String codeOfDocument(String identifier) {
            return null;
        }

        @Override
        public boolean versionExists(String frameworkCode, String version) {
            return false;
        }

        @Override
        public CaseNodes.KeptItem keptItem(String frameworkCode, String itemCode) {
            return null;
        }
    }
}
