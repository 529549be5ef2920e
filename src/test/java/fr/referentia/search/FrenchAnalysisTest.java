package fr.referentia.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class FrenchAnalysisTest {

    private static final Analyzer CHOSEN = FrenchAnalysis.analyzer();

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    private static String term(String word) throws IOException {
        List<String> terms = terms(CHOSEN, word);
        assertThat(terms).as(word).hasSize(1);
        return terms.get(0);
    }

    @Test
    void formateurFormationAndFormerStayThreeDifferentThings() throws IOException {
        assertThat(term("formateurs")).isEqualTo(term("formateur")).isEqualTo(term("formatrice"))
                .isEqualTo(term("formatrices"));
        assertThat(term("formation")).isEqualTo(term("formations"));
        assertThat(term("formateur")).isNotEqualTo(term("formation")).isNotEqualTo(term("former"));
        assertThat(term("formation")).isNotEqualTo(term("former"));
        // The analysis before issue 11 reduced all three to one term.
        Analyzer before = FrenchAnalysis.analyzer(FrenchAnalysis.Variant.LIGHT);
        assertThat(terms(before, "formateurs")).isEqualTo(terms(before, "formation"));
    }

    @Test
    void wordsCutToFiveLettersJoinDerivationsTheStemsKeepApart() throws IOException {
        Analyzer cut = FrenchAnalysis.truncated(5);
        assertThat(terms(cut, "budget budgétaire")).containsExactly("budge", "budge");
        assertThat(terms(cut, "Financier, financement et financeurs")).containsExactly("finan", "finan", "finan");
        assertThat(terms(cut, "gestion gestionnaire")).containsExactly("gesti", "gesti");
        // The stemmed analysis keeps each pair apart: that is what the cut words add to the comparison.
        assertThat(term("budget")).isNotEqualTo(term("budgétaire"));
        assertThat(term("financier")).isNotEqualTo(term("financement")).isNotEqualTo(term("financeurs"));
        assertThat(term("gestion")).isNotEqualTo(term("gestionnaire"));
        // Elisions, stop words and words shorter than three letters go; accents are folded; short words stay whole.
        assertThat(terms(cut, "l'évaluation des acquis en BTP et en RH")).containsExactly("evalu", "acqui", "btp");
    }

    @Test
    void theFeminineOfAJobTitleIsItsMasculine() throws IOException {
        assertThat(term("conseillère")).isEqualTo(term("conseiller")).isEqualTo(term("Conseillères"));
        assertThat(term("conseillere")).isEqualTo(term("conseil"));
        assertThat(term("animatrice")).isEqualTo(term("animateur"));
        assertThat(term("technicienne")).isEqualTo(term("technicien"));
        // Short words that only look feminine are left to the stemmer.
        for (String word : new String[] {"matrice", "maniere", "filiere", "critere"}) {
            char[] letters = word.toCharArray();
            assertThat(new String(letters, 0, FrenchFeminineFilter.masculine(letters, letters.length))).isEqualTo(word);
        }
        assertThat(term("critère")).isEqualTo(term("critères"));
    }

    @Test
    void nounsAndVerbsOfTheBranchMeet() throws IOException {
        assertThat(term("archivage")).isEqualTo(term("archiver")).isEqualTo(term("archives"));
        assertThat(term("communication")).isEqualTo(term("communiquer"));
        assertThat(term("facturation")).isEqualTo(term("factures"));
        assertThat(term("négociation")).isEqualTo(term("négocier"));
        assertThat(term("recrutement")).isEqualTo(term("recruter"));
    }

    @Test
    void accentsElisionsAndStopWordsStillDoNotMatter() throws IOException {
        assertThat(terms(CHOSEN, "l'évaluation des acquis")).isEqualTo(terms(CHOSEN, "EVALUATION acquis"));
        assertThat(terms(CHOSEN, "d’offres")).isEqualTo(terms(CHOSEN, "offre"));
    }
}
