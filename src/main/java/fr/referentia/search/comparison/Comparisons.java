package fr.referentia.search.comparison;

import fr.referentia.framework.AssociationType;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkItem;
import fr.referentia.framework.FrameworkNotFoundException;
import fr.referentia.framework.FrameworkViews.ItemRow;
import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.framework.ItemType;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.audit.AuditEvent;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares referentials (R14, R15): proposes, for each competency and element of one, the most
 * similar items of the others (BM25 on the French analysis, statistics of the compared referential
 * only, main clause counted twice, its first 30 re-ranked with the items' parents and criteria, see
 * {@link SimilarItems}); records a
 * reviewer's confirmation or rejection; shows where each competency appears.
 */
@Service
@Transactional(readOnly = true)
public class Comparisons {

    /** The item types compared: competencies and their elements. */
    public static final Set<ItemType> COMPARED = EnumSet.of(ItemType.COMPETENCY, ItemType.ELEMENT);
    static final Set<AssociationType> CONFIRMABLE = EnumSet.of(AssociationType.EXACT_MATCH_OF,
            AssociationType.IS_RELATED_TO);
    public static final int DEFAULT_PER_ITEM = 3;
    static final int MAX_PER_ITEM = 10;

    private final FrameworkCatalog catalog;
    private final CrossAssociationRepository decisions;
    private final EntityManagerFactory entityManagerFactory;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Comparisons(FrameworkCatalog catalog, CrossAssociationRepository decisions,
            EntityManagerFactory entityManagerFactory, Clock clock, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.decisions = decisions;
        this.entityManagerFactory = entityManagerFactory;
        this.clock = clock;
        this.events = events;
    }

    public record Proposal(String framework, String code, String text, double score, Decision decision,
            AssociationType type) {

        /** The score in words: très proche, proche, à vérifier. */
        public ProposalLevel level() {
            return ProposalLevel.of(score);
        }
    }

    public record ItemProposals(String framework, String code, ItemType type, String text,
            List<Proposal> proposals) {
    }

    public record DecisionView(ItemRef origin, ItemRef destination, Decision decision, AssociationType type,
            String decidedBy, Instant decidedAt) {
    }

    public record Comparison(List<Summary> frameworks, int perItem, List<ItemProposals> items,
            List<DecisionView> decisions) {
    }

    /** The lines the filter keeps, and why there are none when so (null otherwise). */
    public record MatrixView(List<Summary> frameworks, MatrixFilter filter, List<ComparisonMatrix.Line> lines,
            String whyEmpty) {
    }

    public record DecisionRequest(String originFramework, String originCode, String destinationFramework,
            String destinationCode, Decision decision, AssociationType type) {
    }

    /** The referentials named by "A,B[,C]", checked: 400 for fewer than two, 404 for an unknown code. */
    public List<String> select(String codes) {
        List<String> selected = FrameworkSelection.parse(codes);
        selected.stream().filter(code -> !catalog.exists(code)).findFirst().ifPresent(code -> {
            throw FrameworkNotFoundException.framework(code);
        });
        return selected;
    }

    /** For each compared item of each referential, the best {@code perItem} items of each later one. */
    public Comparison proposals(List<String> frameworks, int perItem) {
        return decided(frameworks, perItem, propose(frameworks, perItem, ComparisonProgress.NONE, Runnable::run));
    }

    /**
     * The proposals alone (no decisions), computed on {@code workers} and reported to {@code progress}
     * item by item. Outside any transaction: a long comparison must not hold a database connection
     * while it queries the index (each read below opens its own short one).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<ItemProposals> propose(List<String> frameworks, int perItem, ComparisonProgress progress,
            Executor workers) {
        checkPerItem(perItem);
        Map<String, ItemContext> contexts = new HashMap<>();
        frameworks.forEach(f -> contexts.put(f, new ItemContext(catalog.items(f, null))));
        Map<String, List<ItemRow>> items = comparedItems(frameworks);
        int total = 0;
        for (int i = 0; i < frameworks.size() - 1; i++) {
            total += items.get(frameworks.get(i)).size() * (frameworks.size() - 1 - i);
        }
        int queries = total;
        AtomicInteger done = new AtomicInteger();
        progress.advanced(0, queries);
        Set<String> types = COMPARED.stream().map(Enum::name).collect(Collectors.toSet());
        List<ItemProposals> result = new ArrayList<>(queries);
        withIndex(similar -> {
            for (int i = 0; i < frameworks.size(); i++) {
                for (int j = i + 1; j < frameworks.size(); j++) {
                    String origin = frameworks.get(i);
                    String destination = frameworks.get(j);
                    List<ItemRow> rows = items.get(origin);
                    Set<String> codes = rows.isEmpty() ? Set.of() : items.get(destination).stream()
                            .map(ItemRow::code).collect(Collectors.toSet());
                    SimilarItems.Destination among = similar.among(destination,
                            catalog.summary(destination).version(), types, contexts.get(destination)::parents);
                    List<List<ProposalRanking.Candidate>> found = ProposalBatch.runOrigins(among,
                            rows.stream().map(contexts.get(origin)::origin).toList(), perItem, codes, workers,
                            () -> progress.advanced(done.incrementAndGet(), queries));
                    for (int k = 0; k < rows.size(); k++) {
                        ItemRow row = rows.get(k);
                        result.add(new ItemProposals(origin, row.code(), row.type(), row.text(), found.get(k).stream()
                                .map(c -> new Proposal(destination, c.code(), c.text(),
                                        Math.round(c.score() * 1000) / 1000.0, null, null))
                                .toList()));
                    }
                }
            }
        });
        return result;
    }

    static void checkPerItem(int perItem) {
        if (perItem < 1 || perItem > MAX_PER_ITEM) {
            throw new BadInputException("Le nombre de propositions par élément doit être compris entre 1 et "
                    + MAX_PER_ITEM + ".");
        }
    }

    /** How much work comparing these referentials is: origin items × items they are compared with. */
    public long size(List<String> frameworks) {
        List<Long> counts = frameworks.stream().map(f -> catalog.summary(f).counts().entrySet().stream()
                .filter(e -> COMPARED.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum()).toList();
        long size = 0;
        for (int i = 0; i < counts.size(); i++) {
            for (int j = i + 1; j < counts.size(); j++) {
                size += counts.get(i) * counts.get(j);
            }
        }
        return size;
    }

    /** Proposals with the decisions recorded so far (a decision made after they were computed shows too). */
    public Comparison decided(List<String> frameworks, int perItem, List<ItemProposals> items) {
        Map<List<ItemRef>, CrossAssociation> decided = new HashMap<>();
        List<CrossAssociation> recorded = decisions.findBetween(frameworks);
        recorded.forEach(a -> decided.put(List.of(a.origin(), a.destination()), a));
        List<ItemProposals> shown = items.stream().map(item -> new ItemProposals(item.framework(), item.code(),
                item.type(), item.text(), item.proposals().stream().map(p -> {
                    CrossAssociation decision = decided.get(List.of(new ItemRef(item.framework(), item.code()),
                            new ItemRef(p.framework(), p.code())));
                    return decision == null ? p : new Proposal(p.framework(), p.code(), p.text(), p.score(),
                            decision.decision(), decision.type());
                }).toList())).toList();
        return new Comparison(summaries(frameworks), perItem, shown, recorded.stream().map(Comparisons::view)
                .toList());
    }

    /** Records (or changes) a reviewer's decision; a confirmation needs exactMatchOf or isRelatedTo. */
    @Transactional
    public DecisionView decide(DecisionRequest request, String reviewer) {
        if (request.decision() == null) {
            throw new BadInputException("Indiquez la décision : CONFIRMED (confirmer) ou REJECTED (rejeter).");
        }
        if (request.decision() == Decision.CONFIRMED && !CONFIRMABLE.contains(request.type())) {
            throw new BadInputException("Une association confirmée est de type EXACT_MATCH_OF (correspondance "
                    + "exacte) ou IS_RELATED_TO (compétence apparentée).");
        }
        if (request.originFramework() == null || request.originFramework().equals(request.destinationFramework())) {
            throw new BadInputException("Une comparaison associe des éléments de deux référentiels différents.");
        }
        if (request.originCode() == null || request.originCode().isBlank() || request.destinationCode() == null
                || request.destinationCode().isBlank() || request.destinationFramework() == null) {
            // Was a 404 « … n'a pas d'élément de code « null » ».
            throw new BadInputException("Indiquez les deux éléments associés : originCode et destinationCode, avec "
                    + "leurs référentiels originFramework et destinationFramework.");
        }
        ItemRef origin = existing(request.originFramework(), request.originCode());
        ItemRef destination = existing(request.destinationFramework(), request.destinationCode());
        CrossAssociation association = decisions.find(origin, destination)
                .orElseGet(() -> new CrossAssociation(origin, destination));
        DecisionState before = association.decision() == null ? null : DecisionState.of(association);
        association.decide(request.decision(), request.type(), reviewer, clock.instant());
        CrossAssociation saved = decisions.save(association);
        events.publishEvent(AuditEvent.of(request.decision() == Decision.CONFIRMED ? "COMPARISON_CONFIRMED"
                        : "COMPARISON_REJECTED", "CROSS_ASSOCIATION", auditId(origin, destination))
                .change(before, DecisionState.of(saved)).by(reviewer));
        return view(saved);
    }

    /** Where each competency and element appears, joined by confirmed associations. */
    public MatrixView matrix(List<String> frameworks, MatrixFilter filter) {
        Map<String, List<ComparisonMatrix.Cell>> cells = new LinkedHashMap<>();
        comparedItems(frameworks).forEach((f, rows) -> cells.put(f, rows.stream()
                .map(row -> new ComparisonMatrix.Cell(row.code(), row.text())).toList()));
        List<ItemRef[]> links = decisions.findBetween(frameworks).stream()
                .filter(a -> a.decision() == Decision.CONFIRMED)
                .map(a -> new ItemRef[] {a.origin(), a.destination()}).toList();
        List<ComparisonMatrix.Line> all = ComparisonMatrix.build(cells, links, MatrixFilter.ALL);
        List<ComparisonMatrix.Line> kept = all.stream().filter(line -> filter.accepts(line.presentIn(), frameworks))
                .toList();
        return new MatrixView(summaries(frameworks), filter, kept,
                kept.isEmpty() ? ComparisonMatrix.whyEmpty(filter, frameworks, all, links.size()) : null);
    }

    private ItemRef existing(String framework, String code) {
        if (catalog.items(framework, null).stream().noneMatch(row -> row.code().equals(code))) {
            throw FrameworkNotFoundException.item(framework, code);
        }
        return new ItemRef(framework, code);
    }

    private Map<String, List<ItemRow>> comparedItems(List<String> frameworks) {
        Map<String, List<ItemRow>> items = new LinkedHashMap<>();
        frameworks.forEach(f -> items.put(f, catalog.items(f, null).stream()
                .filter(row -> COMPARED.contains(row.type())).toList()));
        return items;
    }

    private List<Summary> summaries(List<String> frameworks) {
        return frameworks.stream().map(catalog::summary).toList();
    }

    private interface IndexWork {
        void run(SimilarItems similar);
    }

    private void withIndex(IndexWork work) {
        SearchMapping mapping = Search.mapping(entityManagerFactory);
        LuceneIndexManager index = mapping.indexManager("framework_item").unwrap(LuceneIndexManager.class);
        try (IndexReader reader = mapping.scope(FrameworkItem.class).extension(LuceneExtension.get())
                .openIndexReader()) {
            work.run(new SimilarItems(reader, index.searchAnalyzer(), SimilarItems.Options.PRODUCTION));
        } catch (IOException e) {
            throw new UncheckedIOException("Search index unavailable", e);
        }
    }

    /** What the audit trail keeps of a decision, before and after. */
    record DecisionState(String origin, String destination, Decision decision, AssociationType type) {

        static DecisionState of(CrossAssociation a) {
            return new DecisionState(a.origin().toString(), a.destination().toString(), a.decision(), a.type());
        }
    }

    /** "A C1 → B C2", cut to the audit trail's 200 characters (codes are short; this is only a guard). */
    static String auditId(ItemRef origin, ItemRef destination) {
        String id = origin + " → " + destination;
        return id.length() <= 200 ? id : id.substring(0, 200);
    }

    private static DecisionView view(CrossAssociation a) {
        return new DecisionView(a.origin(), a.destination(), a.decision(), a.type(), a.decidedBy(), a.decidedAt());
    }
}
