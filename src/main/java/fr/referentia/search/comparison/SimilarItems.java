package fr.referentia.search.comparison;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Finds the items of one referential most similar to a text, MoreLikeThis-style: the text goes
 * through the French analysis of the {@code text} field, Lucene's {@link MoreLikeThis} keeps its
 * most informative terms (tf × idf over the index, at most {@link #MAX_QUERY_TERMS}), and those
 * terms, each weighted by how often the text repeats it, become one disjunctive query scored by
 * Lucene's BM25 over that referential's items — seen through a reader of their own
 * ({@link Destination}), so that the query needs no filter. Works on any index laid out like
 * Hibernate Search's {@code framework_item} index (the benchmark builds one by hand). Thread-safe:
 * one instance serves the parallel queries of a comparison.
 */
public final class SimilarItems {

    public static final String TEXT = "text";
    public static final String CODE = "code";
    public static final String FRAMEWORK_CODE = "framework.code";
    public static final String FRAMEWORK_VERSION = "framework.version";
    public static final String TYPE = "type";
    /**
     * Terms kept per text: the rarest carry the similarity, the most common ones (which match
     * thousands of items) the cost. 16 leaves the labelled pairs' P@1 and success@3 unchanged; 12
     * already loses one first proposal (docs/performance.md). Long texts no longer make long queries.
     */
    static final int MAX_QUERY_TERMS = 16;
    private static final Set<String> STORED = Set.of(CODE, TEXT);

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    public SimilarItems(IndexReader reader, Analyzer analyzer) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.analyzer = analyzer;
    }

    /**
     * The items of {@code frameworkCode} (of {@code version} when not null) whose type is in
     * {@code types}, read once: a comparison then queries them for each item of the other side.
     */
    public Destination among(String frameworkCode, String version, Set<String> types) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(FRAMEWORK_CODE, frameworkCode)), Occur.FILTER)
                .add(new TermInSetQuery(TYPE, types.stream().map(BytesRef::new).toList()), Occur.FILTER);
        if (version != null) {
            filter.add(new TermQuery(new Term(FRAMEWORK_VERSION, version)), Occur.FILTER);
        }
        return new Destination(filter.build());
    }

    /**
     * One side of a comparison: the index seen as holding only that side's items, and the code and
     * text of each of them.
     */
    public final class Destination {

        private final IndexSearcher side;
        // Code and text by document id, read once instead of once per hit (stored fields are compressed).
        private final String[] codes;
        private final String[] texts;
        private final int size;

        private Destination(Query filter) {
            this.codes = new String[reader.maxDoc()];
            this.texts = new String[reader.maxDoc()];
            List<LeafReader> leaves = new ArrayList<>();
            int found = 0;
            try {
                Weight weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1);
                StoredFields stored = reader.storedFields();
                for (LeafReaderContext leaf : reader.leaves()) {
                    FixedBitSet kept = new FixedBitSet(leaf.reader().maxDoc());
                    Bits live = leaf.reader().getLiveDocs();
                    Scorer scorer = weight.scorer(leaf);
                    DocIdSetIterator docs = scorer == null ? DocIdSetIterator.empty() : scorer.iterator();
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            kept.set(doc);
                            Document document = stored.document(leaf.docBase + doc, STORED);
                            codes[leaf.docBase + doc] = document.get(CODE);
                            texts[leaf.docBase + doc] = document.get(TEXT);
                            found++;
                        }
                    }
                    leaves.add(new OnlyKept(leaf.reader(), kept));
                }
                this.side = new IndexSearcher(new MultiReader(leaves.toArray(LeafReader[]::new), false));
            } catch (IOException e) {
                throw new UncheckedIOException("Search index unavailable", e);
            }
            this.size = found;
        }

        /** How many items this side holds. */
        public int size() {
            return size;
        }

        /** The {@code limit} best candidates for {@code text}, best first. */
        public List<ProposalRanking.Candidate> similar(String text, int limit) {
            Query words = words(text);
            if (words == null) {
                return List.of();
            }
            try {
                ScoreDoc[] hits = side.search(words, limit).scoreDocs;
                List<ProposalRanking.Candidate> found = new ArrayList<>(hits.length);
                for (ScoreDoc hit : hits) {
                    found.add(new ProposalRanking.Candidate(codes[hit.doc], texts[hit.doc], hit.score));
                }
                return found;
            } catch (IOException e) {
                throw new UncheckedIOException("Similarity search failed", e);
            }
        }
    }

    /**
     * A segment whose documents outside one side read as deleted. The query then needs no filter
     * clause: a plain disjunction, which Lucene scores with its MaxScore bulk scorer (about three
     * times faster here than the same disjunction under a filter). Term statistics ignore deletions,
     * so BM25 scores are exactly those of the filtered query over the whole index.
     */
    private static final class OnlyKept extends FilterLeafReader {

        private final FixedBitSet kept;
        private final int count;

        OnlyKept(LeafReader in, FixedBitSet kept) {
            super(in);
            this.kept = kept;
            this.count = kept.cardinality();
        }

        @Override
        public Bits getLiveDocs() {
            return kept;
        }

        @Override
        public int numDocs() {
            return count;
        }

        // Not cacheable: the same segment reads differently for each side.
        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }

    /** The text's most informative terms as a disjunction, each boosted by its count; null when none. */
    private Query words(String text) {
        Set<String> kept = new HashSet<>(Arrays.asList(interestingTerms(text)));
        if (kept.isEmpty()) {
            return null;
        }
        Map<String, Integer> terms = QueryTerms.weigh(analyse(text), Integer.MAX_VALUE);
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        terms.forEach((term, count) -> {
            if (kept.contains(term)) {
                Query query = new TermQuery(new Term(TEXT, term));
                words.add(count > 1 ? new BoostQuery(query, count) : query, Occur.SHOULD);
            }
        });
        return words.build();
    }

    private String[] interestingTerms(String text) {
        try {
            MoreLikeThis selection = new MoreLikeThis(reader);
            selection.setAnalyzer(analyzer);
            selection.setFieldNames(new String[] {TEXT});
            // Short texts: a term said once counts, and a rare term is the most telling one.
            selection.setMinTermFreq(1);
            selection.setMinDocFreq(1);
            selection.setMaxQueryTerms(MAX_QUERY_TERMS);
            return selection.retrieveInterestingTerms(new StringReader(text), TEXT);
        } catch (IOException e) {
            throw new UncheckedIOException("Analysis failed", e);
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
