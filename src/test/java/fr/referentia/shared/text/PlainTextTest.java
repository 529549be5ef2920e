package fr.referentia.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void namesAndCodesWithInvisibleOrControlCharactersAreRefusedWithTheCharacterAndItsPosition() {
        assertThat(PlainText.oneLineProblem("Camille\u200BMartin")).isEqualTo(
                "contient un caractère invisible de mise en forme (U+200B, position 8)");
        assertThat(PlainText.oneLineProblem("\u202Eeciffo")).contains("invisible de mise en forme", "U+202E");
        assertThat(PlainText.oneLineProblem("a\u0000b")).contains("caractère nul", "U+0000", "position 2");
        assertThat(PlainText.oneLineProblem("Camille\u00A0Martin")).contains("espace inhabituelle", "U+00A0");
        assertThat(PlainText.oneLineProblem("C1.E1\r\nX")).contains("saut de ligne");
        assertThat(PlainText.oneLineProblem("x\uD800y")).contains("demi-caractère isolé");
        assertThat(PlainText.oneLineProblem("x\uFFFE")).contains("n'existe pas en Unicode");
        assertThat(PlainText.oneLineProblem("\u0007")).contains("caractère de contrôle");
    }

    @Test
    void ordinaryFrenchAndOtherScriptsArePlainText() {
        assertThat(PlainText.oneLineProblem("Élodie N'Diaye-Lefèvre")).isNull();
        assertThat(PlainText.oneLineProblem("Zoë 𝔘 王 😀")).isNull();
        assertThat(PlainText.oneLineProblem(null)).isNull();
    }

    @Test
    void longTextsKeepLineBreaksTabsAndTheNonBreakingSpacesOfFrenchTypography() {
        assertThat(PlainText.multiLineProblem("Accueillir :\n\t– les apprenants\u00A0;\r\n« bien »")).isNull();
        assertThat(PlainText.multiLineProblem("texte\u0000")).contains("caractère nul");
        assertThat(PlainText.multiLineProblem("texte\u200E")).contains("invisible");
    }

    @Test
    void normalFormCMakesTheTwoSpellingsOfAnAccentOneText() {
        assertThat(PlainText.normalise("e\u0301cole")).isEqualTo("\u00E9cole");
    }

    @Test
    void printableDropsWhatADocumentCannotShowAndKeepsTheRest() {
        assertThat(PlainText.printable("Ac\u0000cu\uFFFEei\uD800l\u200B :\n\tbien\u00A0!")).isEqualTo("Accueil :\n\tbien\u00A0!");
    }

    @Test
    void aQuotedValueIsShortenedAndShowsWhatALongTextRefusesAsSpaces() {
        assertThat(PlainText.quoted("C1\u200B\u202Ex\n\t\u0085\uFEFF\uD800")).isEqualTo("C1  x     ");
        assertThat(PlainText.quoted("e\u0301 \u00A0😀")).isEqualTo("e\u0301 \u00A0😀");
        assertThat(PlainText.quoted("a".repeat(100_000))).isEqualTo("a".repeat(PlainText.QUOTED) + "…");
    }
}
