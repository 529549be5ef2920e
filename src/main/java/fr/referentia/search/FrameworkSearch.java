package fr.referentia.search;

import fr.referentia.framework.FrameworkItem;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.ItemType;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterFinalStep;
import org.hibernate.search.engine.search.highlighter.dsl.SearchHighlighterFactory;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * French full-text search over the items of every referential, ranked by Lucene's BM25. Every version
 * is indexed; a search covers the current (latest published) version of each referential, or the one
 * published or retired version asked for. Drafts are never searched.
 */
@Service
@Transactional(readOnly = true)
public class FrameworkSearch {

    private static final String TEXT = "text";
    private static final String CODE = "code";
    private static final String FRAMEWORK_CODE = "framework.code";
    private static final String FRAMEWORK_VERSION = "framework.version";
    private static final String FRAMEWORK_STATUS = "framework.status";
    private static final String TYPE = "type";
    private static final AggregationKey<Map<ItemType, Long>> BY_TYPE = AggregationKey.of("byType");
    private static final AggregationKey<Map<String, Long>> BY_FRAMEWORK = AggregationKey.of("byFramework");
    // Fuzzy and proximity operators are left out: costly on large indexes and of little use here.
    private static final SimpleQueryFlag[] OPERATORS = {SimpleQueryFlag.AND, SimpleQueryFlag.OR,
            SimpleQueryFlag.NOT, SimpleQueryFlag.PHRASE, SimpleQueryFlag.PREFIX, SimpleQueryFlag.PRECEDENCE,
            SimpleQueryFlag.ESCAPE, SimpleQueryFlag.WHITESPACE};

    /** What an item scores for each concept it holds, above any BM25 score of this index. */
    static final float CONCEPT = 100f;
    /** An item code typed as is comes first. */
    private static final float CODE_BOOST = 10_000f;
    /** An equivalent from the synonyms weighs a little less than the person's own words. */
    private static final float EQUIVALENT = 0.8f;
    private static final int PHRASE_SLOP = 3;

    private final EntityManager entityManager;
    private final CurrentVersions currentVersions;
    private final SearchSynonyms synonyms;
    private final int maxQueryLength;
    private final int maxPageSize;

    FrameworkSearch(EntityManager entityManager, CurrentVersions currentVersions, SearchSynonyms synonyms,
            @Value("${referentia.search.max-query-length}") int maxQueryLength,
            @Value("${referentia.search.max-page-size}") int maxPageSize) {
        this.entityManager = entityManager;
        this.currentVersions = currentVersions;
        this.synonyms = synonyms;
        this.maxQueryLength = maxQueryLength;
        this.maxPageSize = maxPageSize;
    }

    public SearchResults search(SearchQuery query) {
        check(query);
        Map<String, String> current = query.version() == null ? currentVersions.labels() : Map.of();
        SearchSession session = Search.session(entityManager);
        List<Synonyms.Concept> concepts = hasOperators(query.text()) ? List.of()
                : synonyms.current().concepts(query.text());
        if (concepts.isEmpty()) {
            return withOperators(session, query, current);
        }
        int n = concepts.size();
        Words words = f -> concepts(f, query.text(), concepts, minimumShouldMatch(n));
        SearchResult<List<?>> result = run(session, query, current, words);
        if (result.total().hitCount() == 0 && minimumShouldMatch(n) > 1) {
            // No item holds enough of the words: rank those holding any of them rather than show nothing.
            Words any = f -> concepts(f, query.text(), concepts, 1);
            SearchResult<List<?>> anyResult = run(session, query, current, any);
            if (anyResult.total().hitCount() > 0) {
                result = anyResult;
                words = any;
            }
        }
        boolean partial = false;
        boolean relaxed = false;
        for (int i = 0; i < result.hits().size(); i++) {
            float score = (Float) result.hits().get(i).get(5);
            boolean all = score >= n * CONCEPT;
            partial |= !all;
            // On the first page, a first hit without every word means that no item holds them all.
            relaxed |= i == 0 && query.page() == 0 && !all;
        }
        List<String> broader = n < 2 ? List.of() : concepts.stream().map(Synonyms.Concept::own).toList();
        Map<String, List<String>> equivalents = new LinkedHashMap<>();
        concepts.stream().filter(c -> c.texts().size() > 1)
                .forEach(c -> equivalents.put(c.own(), c.texts().subList(1, c.texts().size())));
        return results(session, query, current, words, result, relaxed, partial, broader, equivalents);
    }

    /** A search written with operators (quotes, +, -, |, *, parentheses): every word, else any of them. */
    private SearchResults withOperators(SearchSession session, SearchQuery query, Map<String, String> current) {
        SearchResult<List<?>> result = run(session, query, current,
                f -> operators(f, query.text(), BooleanOperator.AND));
        BooleanOperator operator = BooleanOperator.AND;
        if (result.total().hitCount() == 0) {
            // No item holds every word: rank the items holding some of them rather than show nothing.
            SearchResult<List<?>> any = run(session, query, current,
                    f -> operators(f, query.text(), BooleanOperator.OR));
            if (any.total().hitCount() > 0) {
                result = any;
                operator = BooleanOperator.OR;
            }
        }
        BooleanOperator chosen = operator;
        boolean relaxed = operator == BooleanOperator.OR;
        return results(session, query, current, f -> operators(f, query.text(), chosen), result,
                relaxed, relaxed, List.of(), Map.of());
    }

    private SearchResults results(SearchSession session, SearchQuery query, Map<String, String> current,
            Words words, SearchResult<List<?>> result, boolean relaxed, boolean partial, List<String> broader,
            Map<String, List<String>> equivalents) {
        var counts = session.search(FrameworkItem.class)
                .where(f -> f.bool(b -> {
                    b.must(words.predicate(f));
                    b.filter(versions(f, query, current));
                }))
                .aggregation(BY_TYPE, f -> f.terms().field(TYPE, ItemType.class).maxTermCount(ItemType.values().length))
                .aggregation(BY_FRAMEWORK, f -> f.terms().field(FRAMEWORK_CODE, String.class).maxTermCount(200))
                .fetch(0);
        List<SearchResults.Hit> hits = result.hits().stream().map(FrameworkSearch::hit).toList();
        Map<ItemType, Long> typeCounts = new EnumMap<>(ItemType.class);
        typeCounts.putAll(counts.aggregation(BY_TYPE));
        return new SearchResults(query, result.total().hitCount(), hits,
                new LinkedHashMap<>(counts.aggregation(BY_FRAMEWORK)), typeCounts, relaxed, partial, broader,
                equivalents);
    }

    /** The words of a search as a predicate. */
    private interface Words {
        PredicateFinalStep predicate(SearchPredicateFactory f);
    }

    private SearchResult<List<?>> run(SearchSession session, SearchQuery query, Map<String, String> current,
            Words words) {
        return session.search(FrameworkItem.class)
                .select(f -> f.composite().from(
                        f.field(FRAMEWORK_CODE, String.class),
                        f.field(CODE, String.class),
                        f.field(TYPE, ItemType.class),
                        f.field(TEXT, String.class),
                        f.highlight(TEXT).single(),
                        f.score()).asList())
                .where(f -> f.bool(b -> {
                    b.must(words.predicate(f));
                    b.filter(versions(f, query, current));
                    if (query.frameworkCode() != null) {
                        b.filter(f.match().field(FRAMEWORK_CODE).matching(query.frameworkCode()));
                    }
                    if (query.type() != null) {
                        b.filter(f.match().field(TYPE).matching(query.type()));
                    }
                }))
                .highlighter(h -> highlighter(h, query.text()))
                .fetch(query.page() * query.size(), query.size());
    }

    /**
     * The fast-vector highlighter is the cheapest with our term vectors, but it does not mark a quoted phrase
     * holding a stop word (« "évaluation des acquis" »: the analyser leaves a position gap it does not
     * follow). The unified highlighter follows it, so it serves queries with a phrase.
     */
    private static HighlighterFinalStep highlighter(SearchHighlighterFactory h, String text) {
        if (text.indexOf('"') >= 0) {
            // It takes no fragment size (its fragment is the best sentence; most items are one) and no limit
            // on the text shown when nothing matches (the whole text, as the size says).
            return h.unified().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML)
                    .numberOfFragments(1).noMatchSize(Integer.MAX_VALUE);
        }
        return h.fastVector().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML)
                .fragmentSize(240).numberOfFragments(1).noMatchSize(240);
    }

    /** The version asked for if it is not a draft, else the current version of each referential. */
    private static PredicateFinalStep versions(SearchPredicateFactory f, SearchQuery query,
            Map<String, String> current) {
        if (query.version() != null) {
            return f.and(f.match().field(FRAMEWORK_CODE).matching(query.frameworkCode()),
                    f.match().field(FRAMEWORK_VERSION).matching(query.version()),
                    f.not(f.match().field(FRAMEWORK_STATUS).matching(FrameworkStatus.DRAFT)));
        }
        if (current.isEmpty()) {
            return f.matchNone();
        }
        return f.or().with(or -> current.forEach((code, version) -> or.add(f.and(
                f.match().field(FRAMEWORK_CODE).matching(code),
                f.match().field(FRAMEWORK_VERSION).matching(version)))));
    }

    /** The words against the French-analysed text, or an exact item code such as "DOM4-A3". */
    private static PredicateFinalStep operators(SearchPredicateFactory f, String text, BooleanOperator operator) {
        return f.or(
                f.simpleQueryString().field(TEXT).matching(text).defaultOperator(operator).flags(OPERATORS),
                f.match().field(CODE).matching(text).boost(CODE_BOOST));
    }

    /**
     * Each concept (a word, or a phrase of a synonym group, with its equivalents) scores {@link #CONCEPT}
     * when the item holds it, plus its BM25 score: items holding more of the words come first, by BM25
     * among equals. An item must hold {@code minimum} of them ({@link #minimumShouldMatch(int)}, or one
     * when no item holds that many). An exact item code comes before everything.
     */
    private static PredicateFinalStep concepts(SearchPredicateFactory f, String text,
            List<Synonyms.Concept> concepts, int minimum) {
        return f.or(
                f.bool(b -> {
                    for (Synonyms.Concept concept : concepts) {
                        b.should(f.bool()
                                .must(f.or().with(or -> {
                                    for (int k = 0; k < concept.texts().size(); k++) {
                                        or.add(alternative(f, concept.texts().get(k), k == 0 ? 1f : EQUIVALENT));
                                    }
                                }))
                                .should(f.matchAll().constantScore().boost(CONCEPT)));
                    }
                    b.minimumShouldMatchNumber(minimum);
                }),
                f.match().field(CODE).matching(text).boost(CODE_BOOST));
    }

    private static PredicateFinalStep alternative(SearchPredicateFactory f, String text, float boost) {
        if (text.strip().indexOf(' ') < 0 && text.indexOf('\'') < 0 && text.indexOf('’') < 0) {
            return f.match().field(TEXT).matching(text).boost(boost);
        }
        // Several words: as a phrase, stop words in between tolerated (« gestion de la relation client »).
        return f.phrase().field(TEXT).matching(text).slop(PHRASE_SLOP).boost(boost);
    }

    /**
     * How many of {@code n} concepts an item must hold: one of one or two, then all but one, and all
     * but a third from six on (« négociation commerciale » shows the items holding either word, those
     * holding both first).
     */
    static int minimumShouldMatch(int n) {
        return n <= 2 ? 1 : n - Math.max(1, n / 3);
    }

    /** Whether the search is written with operators: quotes, +, |, *, parentheses, ~ or a leading -. */
    static boolean hasOperators(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '+' || c == '|' || c == '*' || c == '(' || c == ')' || c == '~'
                    || c == '-' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private void check(SearchQuery query) {
        if (query.isBlank()) {
            throw new InvalidSearchException("Saisissez au moins un mot à rechercher.");
        }
        if (query.text().length() > maxQueryLength) {
            throw new InvalidSearchException(
                    "La recherche est limitée à " + maxQueryLength + " caractères (" + query.text().length()
                            + " saisis).");
        }
        if (query.version() != null && query.frameworkCode() == null) {
            throw new InvalidSearchException("Pour chercher dans une version, précisez aussi le référentiel.");
        }
        if (query.size() < 1 || query.size() > maxPageSize) {
            throw new InvalidSearchException("Le nombre de résultats par page doit être compris entre 1 et "
                    + maxPageSize + ".");
        }
        if ((long) query.page() * query.size() > 10_000) {
            throw new InvalidSearchException("Cette page de résultats est trop loin : affinez la recherche.");
        }
    }

    private static SearchResults.Hit hit(List<?> row) {
        String text = (String) row.get(3);
        String highlight = (String) row.get(4);
        return new SearchResults.Hit((String) row.get(0), (String) row.get(1), (ItemType) row.get(2), text,
                highlight != null ? highlight : HtmlUtils.htmlEscape(text));
    }
}
