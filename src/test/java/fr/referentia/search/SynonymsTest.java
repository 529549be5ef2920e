package fr.referentia.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymsTest {

    private static final Synonyms SHIPPED = Synonyms.parse("""
            # a comment
            CRM, gestion de la relation client
            JPO, journées portes ouvertes   # trailing comment
            lonely
            """, FrenchAnalysis.analyzer());

    @Test
    void anAbbreviationBringsItsWordsAndTheWordsTheirAbbreviation() {
        assertThat(SHIPPED.concepts("CRM")).singleElement()
                .satisfies(c -> assertThat(c.texts()).containsExactly("CRM", "gestion de la relation client"));
        // Plurals, accents and stop words do not matter; the phrase is one concept, the other word another.
        assertThat(SHIPPED.concepts("journees des portes ouvertes régionales")).hasSize(2).first()
                .satisfies(c -> assertThat(c.texts()).containsExactly("journees des portes ouvertes", "JPO"));
        assertThat(SHIPPED.groups()).hasSize(2);
    }

    @Test
    void eachWordIsOneConceptOnceAndStopWordsNone() {
        assertThat(SHIPPED.concepts("négociation de la négociation commerciale"))
                .extracting(Synonyms.Concept::own).containsExactly("négociation", "commerciale");
        assertThat(SHIPPED.concepts("de la")).isEmpty();
    }

    @Test
    void theShippedListKnowsTheFieldsAbbreviations() {
        Synonyms shipped = Synonyms.parse(new SearchSynonymsAccess().shipped(), FrenchAnalysis.analyzer());
        for (String abbreviation : new String[] {"Qualiopi", "CRM", "GPEC", "JPO", "VAE", "OF", "OPCO", "CPF", "RNCP",
                "CQP"}) {
            assertThat(shipped.concepts(abbreviation)).as(abbreviation).singleElement()
                    .satisfies(c -> assertThat(c.texts()).hasSizeGreaterThan(1));
        }
    }

    @Test
    void theAdministratorsFileReplacesTheShippedListAndIsReadAgainWhenItChanges(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("synonyms.txt");
        MovingClock clock = new MovingClock();
        SearchSynonyms synonyms = new SearchSynonyms(file, clock);
        assertThat(synonyms.source()).startsWith("classpath:");
        assertThat(synonyms.current().concepts("CRM").get(0).texts()).hasSizeGreaterThan(1);

        Files.writeString(file, "ZZTOP, barbes\n");
        clock.advance(Duration.ofSeconds(6));
        assertThat(synonyms.source()).isEqualTo(file.toAbsolutePath().normalize().toString());
        assertThat(synonyms.current().concepts("zztop").get(0).texts()).containsExactly("zztop", "barbes");
        assertThat(synonyms.current().concepts("CRM").get(0).texts()).containsExactly("CRM");

        Files.writeString(file, "ZZTOP, moustaches\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        clock.advance(Duration.ofSeconds(6));
        assertThat(synonyms.current().concepts("zztop").get(0).texts()).containsExactly("zztop", "moustaches");
        assertThat(synonyms.text()).contains("moustaches");
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The shipped list's text. */
    private static final class SearchSynonymsAccess {
        String shipped() {
            try (var in = SearchSynonyms.class.getResourceAsStream(SearchSynonyms.SHIPPED)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
