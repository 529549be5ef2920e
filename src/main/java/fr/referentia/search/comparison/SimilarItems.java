package fr.referentia.search.comparison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Finds the items of one referential most similar to a text: the text goes through the French
 * analysis of the {@code text} field and its terms become one disjunctive query, scored by Lucene's
 * BM25 over that referential's items. Works on any index laid out like Hibernate Search's
 * {@code framework_item} index (the benchmark builds one by hand). Thread-safe.
 */
public final class SimilarItems {

    public static final String TEXT = "text";
    public static final String CODE = "code";
    public static final String FRAMEWORK_CODE = "framework.code";
    public static final String TYPE = "type";
    static final int MAX_TERMS = 256;
    private static final Set<String> STORED = Set.of(CODE, TEXT);

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    public SimilarItems(IndexReader reader, Analyzer analyzer) {
        this.searcher = new IndexSearcher(reader);
        this.analyzer = analyzer;
    }

    /** The {@code limit} best candidates among items of {@code frameworkCode} whose type is in {@code types}. */
    public List<ProposalRanking.Candidate> similar(String text, String frameworkCode, Set<String> types,
            int limit) {
        Map<String, Integer> terms = QueryTerms.weigh(analyse(text), MAX_TERMS);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        terms.forEach((term, count) -> {
            Query query = new TermQuery(new Term(TEXT, term));
            words.add(count > 1 ? new BoostQuery(query, count) : query, Occur.SHOULD);
        });
        Query query = new BooleanQuery.Builder()
                .add(words.build(), Occur.MUST)
                .add(new TermQuery(new Term(FRAMEWORK_CODE, frameworkCode)), Occur.FILTER)
                .add(new TermInSetQuery(TYPE, types.stream().map(BytesRef::new).toList()), Occur.FILTER)
                .build();
        try {
            ScoreDoc[] hits = searcher.search(query, limit).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<ProposalRanking.Candidate> found = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                Document document = stored.document(hit.doc, STORED);
                found.add(new ProposalRanking.Candidate(document.get(CODE), document.get(TEXT), hit.score));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Similarity search failed", e);
        }
    }

    private List<String> analyse(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysis failed", e);
        }
        return tokens;
    }
}
