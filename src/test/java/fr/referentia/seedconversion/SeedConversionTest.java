package fr.referentia.seedconversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed canonical seeds are exactly what the converters make of the source documents:
 * anyone can re-run a converter and get the same file, and a hand edit of a seed is caught.
 */
class SeedConversionTest {

    static Stream<Arguments> seeds() {
        return Stream.of(
                Arguments.of("000_63d169655b0911b1.txt", "000-RAC-METIERS-FORMATION.json",
                        (UnaryOperator<String>) Seed000Converter::convert),
                Arguments.of("001_eac13c03062e88f4.txt", "001-TITRE-PILOTAGE-DISPOSITIFS.json",
                        (UnaryOperator<String>) Seed001Converter::convert),
                Arguments.of("002_f477ad449111c80d.txt", "002-CQP-GESTIONNAIRE-DISPOSITIFS.json",
                        (UnaryOperator<String>) Seed002Converter::convert),
                Arguments.of("004_52d41c7e3969c08d.txt", "004-CQP-CONSEILLER-COMMERCIAL.json",
                        (UnaryOperator<String>) Seed004Converter::convert));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("seeds")
    void convertingTheSourceDocumentGivesTheCommittedSeed(String source, String seed, UnaryOperator<String> converter)
            throws IOException {
        String document = Files.readString(Path.of("seeds/source", source), StandardCharsets.UTF_8);
        String committed = Files.readString(Path.of("src/main/resources/seeds", seed), StandardCharsets.UTF_8);
        assertThat(converter.apply(document)).isEqualTo(committed);
    }
}
