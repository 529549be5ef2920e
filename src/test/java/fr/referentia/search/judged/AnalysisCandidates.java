package fr.referentia.search.judged;

import fr.referentia.search.FrenchAnalysis;
import fr.referentia.search.Synonyms;
import fr.referentia.search.comparison.ItemContext;
import fr.referentia.search.comparison.ProposalRanking;
import fr.referentia.search.comparison.SimilarItems;
import fr.referentia.search.judged.Judgements.ComparisonScores;
import fr.referentia.search.judged.Judgements.JudgedOrigin;
import fr.referentia.search.judged.Judgements.SeedItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The candidate analyses, searches and comparison scorings of issue 11, measured on the judged sets
 * over an in-memory index of the four seeds laid out like Hibernate Search's (the same fields, the
 * same analysers as production: {@link FrenchAnalysis}). The searches reproduce {@code FrameworkSearch}'s
 * two ways: every word then any word (before), and concepts ranked by how many an item holds, with
 * or without the synonyms; the comparisons run the production {@link SimilarItems} with each option.
 */
public final class AnalysisCandidates implements AutoCloseable {

    /** How a search is made. */
    public enum SearchMode {
        /** Before issue 11: every word (simple query string, AND), else any of them. */
        ALL_THEN_ANY,
        /** Concepts ranked by how many an item holds (minimum-should-match), no synonyms. */
        CONCEPTS,
        /** The same with the shipped synonyms (production). */
        CONCEPTS_SYNONYMS
    }

    /** How a comparison is scored. */
    public enum ComparisonMode {
        /** Issue 4: whole-index statistics, 16 terms chosen by MoreLikeThis. */
        ISSUE_4,
        /** The rest: statistics of the compared referential; LOCAL_ALL_MAIN_CLAUSE is production. */
        LOCAL_STATISTICS_16_TERMS, LOCAL_STATISTICS_ALL_TERMS, LOCAL_STATISTICS_ALL_TERMS_SYNONYMS,
        LOCAL_ALL_MAIN_CLAUSE, LOCAL_ALL_MAIN_CLAUSE_WHOLE_TEXT, LOCAL_ALL_WHOLE_TEXT,
        LOCAL_ALL_MAIN_CLAUSE_WHOLE_TEXT_ONLY, LOCAL_ALL_MAIN_CLAUSE_WHOLE_TEXT_SYNONYMS,
        /** Production: LOCAL_ALL_MAIN_CLAUSE's first 30 re-ranked with parents, criteria and word pairs. */
        RERANKED
    }

    private static final String TEXT = SimilarItems.TEXT;

    private final FrenchAnalysis.Variant variant;
    private final Analyzer analyzer;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, ItemContext> contexts = new HashMap<>();
    private final Synonyms synonyms;

    public AnalysisCandidates(FrenchAnalysis.Variant variant) {
        this.variant = variant;
        this.analyzer = FrenchAnalysis.analyzer(variant);
        try {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (SeedItem item : Judgements.seedItems()) {
                    Document document = new Document();
                    document.add(new StringField(SimilarItems.FRAMEWORK_CODE, item.framework(), Field.Store.YES));
                    document.add(new StringField(SimilarItems.FRAMEWORK_VERSION, item.version(), Field.Store.NO));
                    document.add(new StringField(SimilarItems.TYPE, item.type(), Field.Store.NO));
                    document.add(new StringField(SimilarItems.CODE, item.code(), Field.Store.YES));
                    document.add(new TextField(TEXT, item.text(), Field.Store.YES));
                    writer.addDocument(document);
                    texts.put(item.framework() + "/" + item.code(), item.text());
                }
            }
            Map<String, List<fr.referentia.framework.FrameworkViews.ItemRow>> rows = new HashMap<>();
            Judgements.seedItems().forEach(item -> rows.computeIfAbsent(item.framework(), k -> new ArrayList<>())
                    .add(item.row()));
            rows.forEach((framework, items) -> contexts.put(framework, new ItemContext(items)));
            this.reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.synonyms = Synonyms.parse(shippedSynonyms(), analyzer);
    }

    public FrenchAnalysis.Variant variant() {
        return variant;
    }

    /** The first ten items found for {@code text}, as "FRAMEWORK/CODE". */
    public List<String> search(String text, SearchMode mode) {
        try {
            Query query;
            if (mode == SearchMode.ALL_THEN_ANY) {
                query = simple(text, Occur.MUST);
                if (query == null || searcher.count(query) == 0) {
                    query = simple(text, Occur.SHOULD);
                }
            } else {
                Synonyms used = mode == SearchMode.CONCEPTS_SYNONYMS ? synonyms : Synonyms.NONE;
                query = concepts(text, used, false);
                if (query != null && searcher.count(query) == 0) {
                    query = concepts(text, used, true);
                }
            }
            if (query == null) {
                return List.of();
            }
            List<String> ranked = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
                Document document = searcher.storedFields().document(hit.doc);
                ranked.add(document.get(SimilarItems.FRAMEWORK_CODE) + "/" + document.get(SimilarItems.CODE));
            }
            return ranked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query simple(String text, Occur operator) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, TEXT);
        parser.setDefaultOperator(operator);
        return parser.parse(text);
    }

    /** As {@code FrameworkSearch.concepts}. */
    private Query concepts(String text, Synonyms synonyms, boolean any) {
        List<Synonyms.Concept> concepts = (synonyms == Synonyms.NONE ? Synonyms.parse("", analyzer) : synonyms)
                .concepts(text);
        if (concepts.isEmpty()) {
            return null;
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Synonyms.Concept concept : concepts) {
            BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
            for (int k = 0; k < concept.texts().size(); k++) {
                String alternative = concept.texts().get(k);
                boolean phrase = alternative.strip().indexOf(' ') >= 0 || alternative.indexOf('\'') >= 0
                        || alternative.indexOf('\u2019') >= 0;
                Query query = phrase ? builder.createPhraseQuery(TEXT, alternative, 3)
                        : builder.createBooleanQuery(TEXT, alternative);
                if (query != null) {
                    alternatives.add(k == 0 ? query : new BoostQuery(query, 0.8f), Occur.SHOULD);
                }
            }
            all.add(new BooleanQuery.Builder().add(alternatives.build(), Occur.MUST)
                    .add(new BoostQuery(new ConstantScoreQuery(new MatchAllDocsQuery()), 100f), Occur.SHOULD)
                    .build(), Occur.SHOULD);
        }
        int n = concepts.size();
        all.setMinimumNumberShouldMatch(any || n <= 2 ? 1 : n - Math.max(1, n / 3));
        return all.build();
    }

    /** The first three items of the RAC proposed for each origin, scored as {@code mode} says. */
    public Map<String, List<String>> proposals(List<JudgedOrigin> origins, ComparisonMode mode) {
        SimilarItems.Options options = switch (mode) {
            case ISSUE_4 -> SimilarItems.Options.ISSUE_4;
            case RERANKED -> SimilarItems.Options.PRODUCTION;
            case LOCAL_STATISTICS_16_TERMS -> new SimilarItems.Options(true, 16, Synonyms.NONE);
            case LOCAL_STATISTICS_ALL_TERMS -> new SimilarItems.Options(true, Integer.MAX_VALUE, Synonyms.NONE);
            case LOCAL_STATISTICS_ALL_TERMS_SYNONYMS -> new SimilarItems.Options(true, Integer.MAX_VALUE, synonyms);
            case LOCAL_ALL_MAIN_CLAUSE -> SimilarItems.Options.BM25_MAIN_CLAUSE;
            case LOCAL_ALL_MAIN_CLAUSE_WHOLE_TEXT -> new SimilarItems.Options(true, Integer.MAX_VALUE, Synonyms.NONE)
                    .withMainClause(2).withWholeText(30, 0.5);
            case LOCAL_ALL_WHOLE_TEXT -> new SimilarItems.Options(true, Integer.MAX_VALUE, Synonyms.NONE)
                    .withWholeText(30, 0.5);
            case LOCAL_ALL_MAIN_CLAUSE_WHOLE_TEXT_ONLY -> new SimilarItems.Options(true, Integer.MAX_VALUE,
                    Synonyms.NONE).withMainClause(2).withWholeText(30, 1.0);
            case LOCAL_ALL_MAIN_CLAUSE_WHOLE_TEXT_SYNONYMS -> new SimilarItems.Options(true, Integer.MAX_VALUE,
                    synonyms).withMainClause(2).withWholeText(30, 0.5);
        };
        SimilarItems.Destination rac = rac(options);
        Map<String, List<String>> proposals = new HashMap<>();
        for (JudgedOrigin origin : origins) {
            proposals.put(key(origin), ProposalRanking.top(rac.similar(origin(origin), 3), null, 3).stream()
                    .map(ProposalRanking.Candidate::code).toList());
        }
        return proposals;
    }

    /** The first three RAC items proposed in production for each origin, with their scores. */
    public Map<String, List<ProposalRanking.Candidate>> productionProposals(List<JudgedOrigin> origins) {
        SimilarItems.Destination rac = rac(SimilarItems.Options.PRODUCTION);
        Map<String, List<ProposalRanking.Candidate>> proposals = new HashMap<>();
        for (JudgedOrigin origin : origins) {
            proposals.put(key(origin), ProposalRanking.top(rac.similar(origin(origin), 3), null, 3));
        }
        return proposals;
    }

    /** BM25's first {@code depth} RAC items for each origin with their features (production's analysis and query). */
    public Map<String, List<SimilarItems.Scored>> scored(List<JudgedOrigin> origins, int depth) {
        SimilarItems.Options options = SimilarItems.Options.BM25_MAIN_CLAUSE.withRerank(
                new SimilarItems.Rerank(depth, SimilarItems.Rerank.FITTED.weights()));
        SimilarItems.Destination rac = rac(options);
        Map<String, List<SimilarItems.Scored>> scored = new HashMap<>();
        for (JudgedOrigin origin : origins) {
            scored.put(key(origin), rac.scored(origin(origin), depth));
        }
        return scored;
    }

    private SimilarItems.Destination rac(SimilarItems.Options options) {
        return new SimilarItems(reader, analyzer, options).among(Judgements.RAC, null, Set.of("COMPETENCY", "ELEMENT"),
                contexts.get(Judgements.RAC)::parents);
    }

    static String key(JudgedOrigin origin) {
        return origin.framework() + "/" + origin.code();
    }

    private SimilarItems.Origin origin(JudgedOrigin origin) {
        String text = texts.get(key(origin));
        if (text == null) {
            throw new IllegalStateException("No seed item " + key(origin));
        }
        ItemContext context = contexts.get(origin.framework());
        return new SimilarItems.Origin(text, context.parents(origin.code()), context.criteria(origin.code()));
    }

    public ComparisonScores compare(List<JudgedOrigin> origins, ComparisonMode mode) {
        Map<String, List<String>> proposals = proposals(origins, mode);
        return Judgements.comparisonScores(origins, o -> proposals.get(o.framework() + "/" + o.code()));
    }

    static String shippedSynonyms() {
        try (InputStream in = AnalysisCandidates.class.getResourceAsStream("/search/synonyms.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
