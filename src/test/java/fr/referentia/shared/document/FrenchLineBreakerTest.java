package fr.referentia.shared.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FrenchLineBreakerTest {

    private static List<Integer> breaks(String text) {
        FrenchLineBreaker breaker = new FrenchLineBreaker();
        breaker.setText(text);
        List<Integer> positions = new ArrayList<>();
        for (int p = breaker.next(); p != BreakIterator.DONE; p = breaker.next()) {
            positions.add(p);
        }
        return positions;
    }

    @Test
    void theJdkOffersABreakRightAfterTheTypographicApostropheOfAnElision() {
        BreakIterator jdk = BreakIterator.getLineInstance(Locale.FRENCH);
        jdk.setText("de l’entreprise");
        List<Integer> positions = new ArrayList<>();
        for (int p = jdk.next(); p != BreakIterator.DONE; p = jdk.next()) {
            positions.add(p);
        }
        assertThat(positions).as("the cause of « l’ / entreprise »").contains("de l’".length());
    }

    @Test
    void noBreakAfterAnElisionButEveryBreakBetweenWords() {
        String text = "Analyser l’offre d’une entreprise aujourd'hui";

        assertThat(breaks(text)).containsExactly("Analyser ".length(), "Analyser l’offre ".length(),
                "Analyser l’offre d’une ".length(), "Analyser l’offre d’une entreprise ".length(), text.length());
    }

    @Test
    void elsewhereTheBreaksAreTheJdksOwn() {
        String text = "Accueillir ’ les publics, « en présentiel » : trois rendez-vous par jour !";
        BreakIterator jdk = BreakIterator.getLineInstance(Locale.FRENCH);
        jdk.setText(text);
        List<Integer> expected = new ArrayList<>();
        for (int p = jdk.next(); p != BreakIterator.DONE; p = jdk.next()) {
            expected.add(p);
        }
        assertThat(breaks(text)).isEqualTo(expected);
    }
}
