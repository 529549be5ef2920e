package fr.referentia.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The French analysis of referential texts, shared by the index (Hibernate Search, see
 * {@link FrenchAnalysisConfigurer}), the comparison of referentials and the benchmarks: standard
 * tokens, elisions removed (« l'apprenant » → apprenant), lower case, French stop words (written
 * with accents, so removed before accents are folded), accents folded (« evaluation » finds
 * « évaluation »), feminine job titles brought to the masculine ({@link FrenchFeminineFilter}),
 * the branch's own stems ({@code search/french-stems.txt}: formateur, formation and former kept
 * apart; archivage/archiver, communication/communiquer brought together), then Lucene's French light
 * stemmer. The variants are the candidates measured on the judged sets (docs/performance.md).
 */
public final class FrenchAnalysis {

    /** Changes whenever what is indexed changes: a different stamp rebuilds the index at start. */
    public static final String VERSION = "2-light-feminine-stems";

    /** The analyses measured; {@link #CHOSEN} is the one in production. */
    public enum Variant {
        /** Lucene's French light stemmer alone (the analysis before issue 11). */
        LIGHT,
        /** Lucene's French minimal stemmer (plurals only). */
        MINIMAL,
        /** The light stemmer with the branch's stems ({@code french-stems.txt}). */
        LIGHT_STEMS,
        /** The light stemmer with the branch's stems and feminine job titles to the masculine. */
        LIGHT_STEMS_FEMININE
    }

    public static final Variant CHOSEN = Variant.LIGHT_STEMS_FEMININE;

    private static final CharArraySet STOP_WORDS = FrenchAnalyzer.getDefaultStopSet();
    private static final CharArraySet ELISIONS = FrenchAnalyzer.DEFAULT_ARTICLES;
    private static final StemmerOverrideFilter.StemmerOverrideMap STEMS = stems();

    private FrenchAnalysis() {
    }

    /** The analyzer of production. */
    public static Analyzer analyzer() {
        return analyzer(CHOSEN);
    }

    public static Analyzer analyzer(Variant variant) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = folded(source);
                switch (variant) {
                    case LIGHT -> stream = new FrenchLightStemFilter(stream);
                    case MINIMAL -> stream = new FrenchMinimalStemFilter(stream);
                    case LIGHT_STEMS -> stream = new FrenchLightStemFilter(new StemmerOverrideFilter(stream, STEMS));
                    case LIGHT_STEMS_FEMININE -> stream = new FrenchLightStemFilter(
                            new StemmerOverrideFilter(new FrenchFeminineFilter(stream), STEMS));
                }
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /**
     * Words cut to their first {@code letters} letters, after the same tokens, elisions, stop words and
     * accents as {@link #analyzer()}, words shorter than three letters left out: truncation brings a
     * word's derivations together where the stems do not (budget/budgétaire, financier/financement,
     * gestion/gestionnaire), at the price of some false friends, so the comparison uses it only as
     * a re-ranking feature beside the stemmed words (docs/performance.md).
     */
    public static Analyzer truncated(int letters) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LengthFilter(folded(source), 3, Integer.MAX_VALUE);
                return new TokenStreamComponents(source, new TruncateTokenFilter(stream, letters));
            }
        };
    }

    /** What both analyses do first: elisions removed, lower case, stop words (written with accents), accents folded. */
    private static TokenStream folded(Tokenizer source) {
        TokenStream stream = new ElisionFilter(source, ELISIONS);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        return new ASCIIFoldingFilter(stream);
    }

    private static StemmerOverrideFilter.StemmerOverrideMap stems() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        try (InputStream in = FrenchAnalysis.class.getResourceAsStream("/search/french-stems.txt")) {
            if (in == null) {
                throw new IllegalStateException("search/french-stems.txt is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] cells = trimmed.split("\t");
                if (cells.length != 2) {
                    throw new IllegalStateException("search/french-stems.txt: \"word<TAB>stem\" expected: " + line);
                }
                builder.add(cells[0].strip(), cells[1].strip());
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
