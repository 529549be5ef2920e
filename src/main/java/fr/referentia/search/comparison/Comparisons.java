package fr.referentia.search.comparison;

import fr.referentia.framework.AssociationType;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkItem;
import fr.referentia.framework.FrameworkNotFoundException;
import fr.referentia.framework.FrameworkViews.ItemRow;
import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.framework.ItemType;
import fr.referentia.shared.BadInputException;
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
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares referentials (R14, R15): proposes, for each competency and element of one, the most
 * similar items of the others (BM25 on the French analysis, see {@link SimilarItems}); records a
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

    Comparisons(FrameworkCatalog catalog, CrossAssociationRepository decisions,
            EntityManagerFactory entityManagerFactory, Clock clock) {
        this.catalog = catalog;
        this.decisions = decisions;
        this.entityManagerFactory = entityManagerFactory;
        this.clock = clock;
    }

    public record Proposal(String framework, String code, String text, double score, Decision decision,
            AssociationType type) {
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

    public record MatrixView(List<Summary> frameworks, MatrixFilter filter, List<ComparisonMatrix.Line> lines) {
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
        if (perItem < 1 || perItem > MAX_PER_ITEM) {
            throw new BadInputException("Le nombre de propositions par élément doit être compris entre 1 et "
                    + MAX_PER_ITEM + ".");
        }
        Map<String, List<ItemRow>> items = comparedItems(frameworks);
        Map<String, Set<String>> codes = new HashMap<>();
        items.forEach((f, rows) -> codes.put(f, rows.stream().map(ItemRow::code).collect(Collectors.toSet())));
        Map<List<ItemRef>, CrossAssociation> decided = new HashMap<>();
        List<CrossAssociation> recorded = decisions.findBetween(frameworks);
        recorded.forEach(a -> decided.put(List.of(a.origin(), a.destination()), a));
        Set<String> types = COMPARED.stream().map(Enum::name).collect(Collectors.toSet());
        List<ItemProposals> result = new ArrayList<>();
        withIndex(similar -> {
            for (int i = 0; i < frameworks.size(); i++) {
                for (int j = i + 1; j < frameworks.size(); j++) {
                    String origin = frameworks.get(i);
                    String destination = frameworks.get(j);
                    for (ItemRow row : items.get(origin)) {
                        List<Proposal> proposals = ProposalRanking.top(
                                similar.similar(row.text(), destination, types, perItem * 3),
                                codes.get(destination), perItem).stream()
                                .map(c -> proposal(decided, new ItemRef(origin, row.code()),
                                        new ItemRef(destination, c.code()), c))
                                .toList();
                        result.add(new ItemProposals(origin, row.code(), row.type(), row.text(), proposals));
                    }
                }
            }
        });
        return new Comparison(summaries(frameworks), perItem, result, recorded.stream().map(Comparisons::view)
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
        ItemRef origin = existing(request.originFramework(), request.originCode());
        ItemRef destination = existing(request.destinationFramework(), request.destinationCode());
        CrossAssociation association = decisions.find(origin, destination)
                .orElseGet(() -> new CrossAssociation(origin, destination));
        association.decide(request.decision(), request.type(), reviewer, clock.instant());
        return view(decisions.save(association));
    }

    /** Where each competency and element appears, joined by confirmed associations. */
    public MatrixView matrix(List<String> frameworks, MatrixFilter filter) {
        Map<String, List<ComparisonMatrix.Cell>> cells = new LinkedHashMap<>();
        comparedItems(frameworks).forEach((f, rows) -> cells.put(f, rows.stream()
                .map(row -> new ComparisonMatrix.Cell(row.code(), row.text())).toList()));
        List<ItemRef[]> links = decisions.findBetween(frameworks).stream()
                .filter(a -> a.decision() == Decision.CONFIRMED)
                .map(a -> new ItemRef[] {a.origin(), a.destination()}).toList();
        return new MatrixView(summaries(frameworks), filter, ComparisonMatrix.build(cells, links, filter));
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
            work.run(new SimilarItems(reader, index.searchAnalyzer()));
        } catch (IOException e) {
            throw new UncheckedIOException("Search index unavailable", e);
        }
    }

    private static Proposal proposal(Map<List<ItemRef>, CrossAssociation> decided, ItemRef origin,
            ItemRef destination, ProposalRanking.Candidate candidate) {
        CrossAssociation decision = decided.get(List.of(origin, destination));
        return new Proposal(destination.framework(), destination.code(), candidate.text(),
                Math.round(candidate.score() * 1000) / 1000.0, decision == null ? null : decision.decision(),
                decision == null ? null : decision.type());
    }

    private static DecisionView view(CrossAssociation a) {
        return new DecisionView(a.origin(), a.destination(), a.decision(), a.type(), a.decidedBy(), a.decidedAt());
    }
}
