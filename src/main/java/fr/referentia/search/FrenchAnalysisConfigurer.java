package fr.referentia.search;

import fr.referentia.framework.FrameworkItem;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * French analysis for referential texts ({@link FrenchAnalysis}): "l'apprenant" finds "apprenants",
 * "evaluation" finds "évaluation", "formateurs" finds "formateur" and « formatrice » but not
 * « formation », « conseillère » finds « conseiller ».
 */
public class FrenchAnalysisConfigurer implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(FrameworkItem.FRENCH_ANALYZER).instance(FrenchAnalysis.analyzer());

        context.normalizer(FrameworkItem.CODE_NORMALIZER).custom()
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
    }
}
