package fr.referentia.search;

import fr.referentia.framework.FrameworkItem;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.fr.FrenchLightStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * French analysis for referential texts: "l'apprenant" finds "apprenants", "evaluation" finds
 * "évaluation", "formateurs" finds "formateur". Stop words are removed before accents are folded
 * because Lucene's French stop list is written with accents.
 */
public class FrenchAnalysisConfigurer implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(FrameworkItem.FRENCH_ANALYZER).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(ElisionFilterFactory.class)
                    .param("ignoreCase", "true")
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(StopFilterFactory.class)
                    .param("words", "org/apache/lucene/analysis/snowball/french_stop.txt")
                    .param("format", "snowball")
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(FrenchLightStemFilterFactory.class);

        context.normalizer(FrameworkItem.CODE_NORMALIZER).custom()
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
    }
}
