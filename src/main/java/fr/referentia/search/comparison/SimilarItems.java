package fr.referentia.search.comparison;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import fr.referentia.search.FrenchAnalysis;
import fr.referentia.search.Synonyms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Finds the items of one referential most similar to a text: the text goes through the French
 * analysis of the {@code text} field; its terms, each weighted by how often the text repeats it and
 * twice over in its main clause ({@link MainClause}), become one disjunctive query scored by Lucene's
 * BM25 over that referential's items — seen through a reader of their own ({@link Destination}), so
 * that the query needs no filter. By default ({@link Options#PRODUCTION}) the term statistics (how rare
 * a word is, how long an item is) are those of the compared referential only, so that unrelated
 * referentials in the index change nothing, and every term the compared referential holds is kept
 * (the everyday words shared by two referentials — dossiers, procédures, apprenants — count too).
 * The other options are the candidates measured on the judged pairs (docs/performance.md). Works on any
 * index laid out like Hibernate Search's {@code framework_item} index (the benchmark builds one by
 * hand). Thread-safe: one instance serves the parallel queries of a comparison.
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

    /**
     * How proposals are computed. {@code localStatistics}: term statistics of the compared referential
     * only (else of the whole index); {@code maxTerms}: terms kept per text (the most telling by tf × idf,
     * Integer.MAX_VALUE for all); {@code synonyms}: equivalents added to the text.
     */
    public record Options(boolean localStatistics, int maxTerms, Synonyms synonyms, int mainClauseWeight,
            Rerank rerank) {

        /** What issue 4 shipped: whole-index statistics, 16 terms chosen by MoreLikeThis, no synonyms. */
        public static final Options ISSUE_4 = new Options(false, MAX_QUERY_TERMS, Synonyms.NONE, 1, Rerank.NONE);

        public Options(boolean localStatistics, int maxTerms, Synonyms synonyms) {
            this(localStatistics, maxTerms, synonyms, 1, Rerank.NONE);
        }

        /**
         * The first scoring of issue 11: this side's statistics, every term, the main clause counted twice,
         * BM25 alone.
         */
        public static final Options BM25_MAIN_CLAUSE = new Options(true, Integer.MAX_VALUE, Synonyms.NONE, 2,
                Rerank.NONE);

        /**
         * In production: {@link #BM25_MAIN_CLAUSE}'s first 30 re-ranked by the weights of {@link Rerank#FITTED},
         * fitted on the tuning half of the judged pairs only (docs/performance.md).
         */
        public static final Options PRODUCTION = BM25_MAIN_CLAUSE.withRerank(Rerank.FITTED);

        public Options withMainClause(int weight) {
            return new Options(localStatistics, maxTerms, synonyms, weight, rerank);
        }

        public Options withRerank(Rerank weights) {
            return new Options(localStatistics, maxTerms, synonyms, mainClauseWeight, weights);
        }

        /** Issue 11's first whole-text candidate: {@code weight} × cosine + (1 − weight) × BM25 over the top {@code depth}. */
        public Options withWholeText(int depth, double weight) {
            double[] weights = new double[FEATURES.size()];
            weights[0] = 1 - weight;
            weights[1] = weight;
            return withRerank(new Rerank(depth, weights));
        }
    }

    /** The features of a candidate, in the order of {@link Rerank#weights()}. */
    public static final List<String> FEATURES = List.of(
            "BM25 (÷ the first)", "whole text (cosine)", "main clauses (cosine)", "shared word pairs",
            "origin text × destination's parents", "origin's parents × destination text and parents",
            "origin's criteria × destination text", "whole text, words cut to 5 letters",
            "origin text × destination's parents, words cut to 5 letters");

    /** Letters kept of each word by the truncated features (5: chosen on the judged pairs' held-out half). */
    static final int CUT = 5;
    private static final Analyzer TRUNCATED = FrenchAnalysis.truncated(CUT);

    /**
     * How the first {@code depth} candidates of BM25 are re-ranked: the sum of their {@link #FEATURES},
     * each in [0, 1], times these weights. {@link #NONE}: BM25's order.
     */
    public record Rerank(int depth, double[] weights) {

        public static final Rerank NONE = new Rerank(0, new double[FEATURES.size()]);

        /**
         * Fitted by coordinate ascent (weights in {0, ¼, ½, 1, 2, 4}, P@1 + success@3 + MRR) on the tuning
         * half of the judged pairs and issue 4's labelled pairs, never on the held-out half
         * ({@code RerankFit}, docs/performance.md).
         */
        public static final Rerank FITTED = new Rerank(30, new double[] {1, 0.25, 1, 4, 2, 2, 2, 0.5, 2});

        public Rerank {
            if (weights.length != FEATURES.size()) {
                throw new IllegalArgumentException("One weight per feature: " + FEATURES);
            }
            weights = weights.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        double score(double[] features) {
            double score = 0;
            for (int i = 0; i < weights.length; i++) {
                score += weights[i] * features[i];
            }
            return score;
        }
    }

    /**
     * What is compared on the origin's side: its text, the texts of its parents (activity, domain, bloc…)
     * and its evaluation criteria (its own, or its parent's when it has none), the last two possibly empty.
     */
    public record Origin(String text, String context, String criteria) {

        public static Origin of(String text) {
            return new Origin(text, "", "");
        }
    }

    /** A candidate and its features (the order of {@link #FEATURES}). */
    public record Scored(String code, String text, double bm25, double[] features) {
    }

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final Options options;

    public SimilarItems(IndexReader reader, Analyzer analyzer) {
        this(reader, analyzer, Options.PRODUCTION);
    }

    public SimilarItems(IndexReader reader, Analyzer analyzer, Options options) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.analyzer = analyzer;
        this.options = options;
    }

    /**
     * The items of {@code frameworkCode} (of {@code version} when not null) whose type is in
     * {@code types}, read once: a comparison then queries them for each item of the other side.
     */
    public Destination among(String frameworkCode, String version, Set<String> types) {
        return among(frameworkCode, version, types, code -> "");
    }

    /**
     * The same, with the texts of each item's parents ({@code contextOfCode}: code → text, "" when
     * none), compared with the origin's text and parents when proposals are re-ranked.
     */
    public Destination among(String frameworkCode, String version, Set<String> types,
            Function<String, String> contextOfCode) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(FRAMEWORK_CODE, frameworkCode)), Occur.FILTER)
                .add(new TermInSetQuery(TYPE, types.stream().map(BytesRef::new).toList()), Occur.FILTER);
        if (version != null) {
            filter.add(new TermQuery(new Term(FRAMEWORK_VERSION, version)), Occur.FILTER);
        }
        return new Destination(filter.build(), contextOfCode);
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
        // Per term of the text field: documents of this side holding it, and its occurrences there.
        private final Map<String, long[]> statistics = new HashMap<>();
        private long sumTotalTermFreq;
        private long sumDocFreq;
        private final Function<String, String> contextOfCode;
        private final Map<String, List<String>> parentWords = new ConcurrentHashMap<>();
        private final Map<String, SparseVector> parentCuts = new ConcurrentHashMap<>();
        // Each term of this side numbered, with its idf here: the re-ranking's vectors are sorted arrays of numbers.
        private Map<String, Integer> termIds;
        private double[] idf;
        // The same for the words cut to CUT letters, counted over this side's texts when first needed.
        private Map<String, Integer> cutIds;
        private double[] cutIdf;
        // What the re-ranking compares, by document id, computed once when first needed.
        private volatile Profile[] profiles;

        private Destination(Query filter, Function<String, String> contextOfCode) {
            this.contextOfCode = contextOfCode;
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
                    count(leaf.reader(), kept);
                }
                MultiReader only = new MultiReader(leaves.toArray(LeafReader[]::new), false);
                this.size = found;
                this.side = options.localStatistics() ? new LocalStatistics(only) : new IndexSearcher(only);
                this.termIds = new HashMap<>();
                this.idf = new double[statistics.size()];
                statistics.forEach((term, stats) -> {
                    int id = termIds.size();
                    termIds.put(term, id);
                    idf[id] = Math.log(1 + (double) size / stats[0]);
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Search index unavailable", e);
            }
        }

        /** Adds the term statistics of the kept documents of one segment. */
        private void count(LeafReader leaf, FixedBitSet kept) throws IOException {
            Terms terms = leaf.terms(TEXT);
            if (terms == null) {
                return;
            }
            TermsEnum each = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                postings = each.postings(postings, PostingsEnum.FREQS);
                long docs = 0;
                long occurrences = 0;
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (kept.get(doc)) {
                        docs++;
                        occurrences += postings.freq();
                    }
                }
                if (docs > 0) {
                    long[] stats = statistics.computeIfAbsent(term.utf8ToString(), k -> new long[2]);
                    stats[0] += docs;
                    stats[1] += occurrences;
                    sumDocFreq += docs;
                    sumTotalTermFreq += occurrences;
                }
            }
        }

        /** BM25 over this side's documents only: its document frequencies, its average length. */
        private final class LocalStatistics extends IndexSearcher {

            LocalStatistics(IndexReader reader) {
                super(reader);
            }

            @Override
            public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
                long[] stats = statistics.get(term.text());
                if (stats == null || !TEXT.equals(term.field())) {
                    return super.termStatistics(term, docFreq, totalTermFreq);
                }
                return new TermStatistics(term.bytes(), stats[0], Math.max(stats[0], stats[1]));
            }

            @Override
            public CollectionStatistics collectionStatistics(String field) throws IOException {
                if (!TEXT.equals(field) || size == 0 || sumDocFreq == 0) {
                    return super.collectionStatistics(field);
                }
                return new CollectionStatistics(field, size, size, Math.max(sumTotalTermFreq, sumDocFreq),
                        Math.max(sumDocFreq, size));
            }
        }

        /** How many documents of this side hold the term (0 when none). */
        long docFreq(String term) {
            long[] stats = statistics.get(term);
            return stats == null ? 0 : stats[0];
        }

        /** How many items this side holds. */
        public int size() {
            return size;
        }

        /** The {@code limit} best candidates for {@code text}, best first. */
        public List<ProposalRanking.Candidate> similar(String text, int limit) {
            return similar(Origin.of(text), limit);
        }

        /** The {@code limit} best candidates for {@code origin}, best first. */
        public List<ProposalRanking.Candidate> similar(Origin origin, int limit) {
            Rerank rerank = options.rerank();
            List<Scored> scored = scored(origin, Math.max(limit, rerank.depth()));
            List<ProposalRanking.Candidate> found = new ArrayList<>(scored.size());
            for (Scored candidate : scored) {
                double score = rerank.depth() > 0 ? rerank.score(candidate.features()) * 10 : candidate.bm25();
                found.add(new ProposalRanking.Candidate(candidate.code(), candidate.text(), score));
            }
            if (rerank.depth() > 0) {
                found.sort(Comparator.comparingDouble(ProposalRanking.Candidate::score).reversed());
            }
            return found.size() > limit ? new ArrayList<>(found.subList(0, limit)) : found;
        }

        /**
         * BM25's first {@code depth} candidates for {@code origin}, in its order, with their features (all
         * zero but BM25 when the options re-rank nothing): what the re-ranking weights are fitted on.
         */
        public List<Scored> scored(Origin origin, int depth) {
            Analysed analysed = analysed(origin.text());
            Map<String, Integer> terms = weighted(origin.text(), analysed);
            Query words = words(origin.text(), terms, this);
            if (words == null) {
                return List.of();
            }
            try {
                ScoreDoc[] hits = side.search(words, depth).scoreDocs;
                List<Scored> found = new ArrayList<>(hits.length);
                if (hits.length == 0) {
                    return found;
                }
                boolean rerank = options.rerank().depth() > 0;
                Profile[] all = rerank ? profiles() : null;
                Profile from = rerank ? profile(analysed, analyse(TRUNCATED, origin.text()), origin.context(),
                        origin.criteria()) : null;
                double best = hits[0].score;
                for (ScoreDoc hit : hits) {
                    double[] features = new double[FEATURES.size()];
                    features[0] = best > 0 ? hit.score / best : 0;
                    if (rerank) {
                        from.compare(all[hit.doc], features);
                    }
                    found.add(new Scored(codes[hit.doc], texts[hit.doc], hit.score, features));
                }
                return found;
            } catch (IOException e) {
                throw new UncheckedIOException("Similarity search failed", e);
            }
        }

        private Profile[] profiles() {
            Profile[] held = profiles;
            if (held == null) {
                synchronized (this) {
                    held = profiles;
                    if (held == null) {
                        // Each text cut once: for the cut words' idf, then for its profile.
                        List<List<String>> cuts = new ArrayList<>(texts.length);
                        for (String text : texts) {
                            cuts.add(text == null ? null : analyse(TRUNCATED, text));
                        }
                        countCuts(cuts);
                        held = new Profile[texts.length];
                        for (int doc = 0; doc < texts.length; doc++) {
                            if (texts[doc] != null) {
                                held[doc] = profile(analysed(texts[doc]), cuts.get(doc), contextOfCode.apply(codes[doc]),
                                        "");
                            }
                        }
                        profiles = held;
                    }
                }
            }
            return held;
        }

        /** Numbers the cut words of this side's texts, with their idf here. */
        private void countCuts(List<List<String>> cuts) {
            Map<String, Integer> documents = new HashMap<>();
            for (List<String> cut : cuts) {
                if (cut != null) {
                    new HashSet<>(cut).forEach(word -> documents.merge(word, 1, Integer::sum));
                }
            }
            Map<String, Integer> ids = new HashMap<>();
            double[] weights = new double[documents.size()];
            documents.forEach((cut, count) -> {
                int id = ids.size();
                ids.put(cut, id);
                weights[id] = Math.log(1 + (double) size / count);
            });
            cutIds = ids;
            cutIdf = weights;
        }

        private Profile profile(Analysed analysed, List<String> cut, String context, String criteria) {
            List<String> words = analysed.all();
            // Items share their parents (ten competencies under one activity): each parents' text is analysed once.
            List<String> parents = context == null || context.isBlank() ? List.of()
                    : parentWords.computeIfAbsent(context, SimilarItems.this::analyse);
            List<String> withParents = new ArrayList<>(words);
            withParents.addAll(parents);
            SparseVector parentsCut = context == null || context.isBlank() ? SparseVector.EMPTY
                    : parentCuts.computeIfAbsent(context, c -> vector(counts(analyse(TRUNCATED, c)), cutIds, cutIdf));
            return new Profile(vector(counts(words)), vector(counts(words.subList(0, analysed.mainClause()))),
                    pairs(words), vector(counts(parents)), vector(counts(withParents)),
                    criteria == null || criteria.isBlank() ? SparseVector.EMPTY : vector(counts(analyse(criteria))),
                    vector(counts(cut), cutIds, cutIdf), parentsCut);
        }

        private SparseVector vector(Map<String, Integer> terms) {
            return vector(terms, termIds, idf);
        }

        /** (1 + log tf) × idf on this side, unit length; terms this side does not hold are left out. */
        private static SparseVector vector(Map<String, Integer> terms, Map<String, Integer> termIds, double[] idf) {
            int[] ids = new int[terms.size()];
            double[] weights = new double[terms.size()];
            int n = 0;
            for (var term : terms.entrySet()) {
                Integer id = termIds.get(term.getKey());
                if (id != null) {
                    ids[n++] = id;
                }
            }
            ids = Arrays.copyOf(ids, n);
            Arrays.sort(ids);
            Map<Integer, Integer> counts = new HashMap<>();
            terms.forEach((term, count) -> {
                Integer id = termIds.get(term);
                if (id != null) {
                    counts.put(id, count);
                }
            });
            double norm = 0;
            for (int i = 0; i < n; i++) {
                weights[i] = (1 + Math.log(counts.get(ids[i]))) * idf[ids[i]];
                norm += weights[i] * weights[i];
            }
            double length = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                weights[i] = length > 0 ? weights[i] / length : 0;
            }
            return new SparseVector(ids, Arrays.copyOf(weights, n));
        }

        /**
         * The distinct pairs of adjacent words, each as a number made of its two terms' numbers (a word this
         * side does not hold gets a negative number of its own, so that its pairs count but match nothing).
         */
        private long[] pairs(List<String> words) {
            Map<String, Integer> unknown = new HashMap<>();
            long[] keys = new long[Math.max(0, words.size() - 1)];
            for (int i = 0; i + 1 < words.size(); i++) {
                keys[i] = ((long) id(words.get(i), unknown) << 32) | (id(words.get(i + 1), unknown) & 0xffffffffL);
            }
            return Arrays.stream(keys).sorted().distinct().toArray();
        }

        private int id(String word, Map<String, Integer> unknown) {
            Integer id = termIds.get(word);
            return id != null ? id : unknown.computeIfAbsent(word, w -> -1 - unknown.size());
        }
    }

    /** A unit vector over term numbers, sorted by number. */
    private record SparseVector(int[] ids, double[] weights) {

        static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

        double cosine(SparseVector other) {
            double dot = 0;
            int i = 0;
            int j = 0;
            while (i < ids.length && j < other.ids.length) {
                if (ids[i] == other.ids[j]) {
                    dot += weights[i++] * other.weights[j++];
                } else if (ids[i] < other.ids[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return dot;
        }
    }

    /**
     * One text as the re-ranking sees it: tf-idf vectors (this side's idf, unit length) of the whole text,
     * of its main clause, of its parents' texts, of the text with them and of its criteria; the pairs
     * of adjacent analysed words it holds; and the vectors of its text and parents' texts with the words cut
     * to {@link #CUT} letters ({@link FrenchAnalysis#truncated}), which join derivations the stems keep apart.
     */
    private record Profile(SparseVector text, SparseVector mainClause, long[] pairs, SparseVector parents,
            SparseVector withParents, SparseVector criteria, SparseVector textCut, SparseVector parentsCut) {

        /** Fills features 1 to 8 of this origin against {@code other} (a destination). */
        void compare(Profile other, double[] features) {
            features[1] = text.cosine(other.text);
            features[2] = mainClause.cosine(other.mainClause);
            features[3] = shared(pairs, other.pairs);
            features[4] = text.cosine(other.parents);
            features[5] = parents.cosine(other.withParents);
            features[6] = criteria.cosine(other.text);
            features[7] = textCut.cosine(other.textCut);
            features[8] = textCut.cosine(other.parentsCut);
        }

        /** Shared pairs (sorted, distinct) ÷ the geometric mean of the two counts. */
        private static double shared(long[] a, long[] b) {
            if (a.length == 0 || b.length == 0) {
                return 0;
            }
            int count = 0;
            int i = 0;
            int j = 0;
            while (i < a.length && j < b.length) {
                if (a[i] == b[j]) {
                    count++;
                    i++;
                    j++;
                } else if (a[i] < b[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return count / Math.sqrt((double) a.length * b.length);
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

    private static Map<String, Integer> counts(List<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        words.forEach(word -> counts.merge(word, 1, Integer::sum));
        return counts;
    }

    /**
     * The analysed terms of a text with its synonyms, each counted as often as it occurs, the terms of
     * the main clause ({@link MainClause}) {@code mainClauseWeight} times.
     */
    private Map<String, Integer> weighted(String text, Analysed words) {
        Map<String, Integer> terms = new java.util.LinkedHashMap<>();
        for (int i = 0; i < words.all().size(); i++) {
            terms.merge(words.all().get(i), i < words.mainClause() ? options.mainClauseWeight() : 1, Integer::sum);
        }
        if (options.synonyms() != Synonyms.NONE) {
            analyse(options.synonyms().equivalents(text)).forEach(t -> terms.merge(t, 1, Integer::sum));
        }
        return terms;
    }

    /** The analysed words of a text, and how many of the first ones are its main clause's ({@link MainClause}). */
    private record Analysed(List<String> all, int mainClause) {
    }

    private Analysed analysed(String text) {
        int end = MainClause.end(text);
        List<String> tokens = new ArrayList<>();
        int main = 0;
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
                if (offset.startOffset() < end) {
                    main++;
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysis failed", e);
        }
        return new Analysed(tokens, main);
    }

    /** The text's most informative terms as a disjunction, each boosted by its weight; null when none. */
    private Query words(String text, Map<String, Integer> terms, Destination side) {
        Set<String> kept;
        if (!options.localStatistics()) {
            kept = new HashSet<>(Arrays.asList(interestingTerms(text + options.synonyms().equivalents(text))));
        } else {
            // Terms the other side holds, the most telling first (weight × idf on that side).
            kept = new HashSet<>();
            double n = side.size();
            terms.entrySet().stream().filter(e -> side.docFreq(e.getKey()) > 0)
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Integer> e) -> -e.getValue()
                            * Math.log(1 + (n - side.docFreq(e.getKey()) + 0.5) / (side.docFreq(e.getKey()) + 0.5))))
                    .limit(options.maxTerms()).forEach(e -> kept.add(e.getKey()));
        }
        if (kept.isEmpty()) {
            return null;
        }
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
            selection.setMaxQueryTerms(options.maxTerms());
            return selection.retrieveInterestingTerms(new StringReader(text), TEXT);
        } catch (IOException e) {
            throw new UncheckedIOException("Analysis failed", e);
        }
    }

    private List<String> analyse(String text) {
        return analyse(analyzer, text);
    }

    private static List<String> analyse(Analyzer analyzer, String text) {
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
