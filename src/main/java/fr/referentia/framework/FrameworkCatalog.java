package fr.referentia.framework;

import fr.referentia.framework.FrameworkViews.AssociationView;
import fr.referentia.framework.FrameworkViews.Crumb;
import fr.referentia.framework.FrameworkViews.ExamView;
import fr.referentia.framework.FrameworkViews.ItemDetail;
import fr.referentia.framework.FrameworkViews.ItemRow;
import fr.referentia.framework.FrameworkViews.Node;
import fr.referentia.framework.FrameworkViews.Outline;
import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.framework.FrameworkViews.VersionRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads referentials: the list, one referential as a tree, one item with its context, its versions
 * and what changed between two of them. Without a version, a referential means its current version:
 * the latest published one. Drafts are read only by callers who may see them ({@code drafts} true).
 */
@Service
@Transactional(readOnly = true)
public class FrameworkCatalog {

    private final FrameworkRepository frameworks;
    private final ItemRepository items;

    FrameworkCatalog(FrameworkRepository frameworks, ItemRepository items) {
        this.frameworks = frameworks;
        this.items = items;
    }

    /** The current version of every referential that has a published one. */
    public List<Summary> list() {
        return currentVersions().values().stream().map(this::summary).toList();
    }

    /** Referentials with no published version yet (new ones being written): their latest version each. */
    public List<Summary> unpublished() {
        Map<String, Framework> current = currentVersions();
        Map<String, Framework> drafts = new LinkedHashMap<>();
        frameworks.findAllByStatusOrderByKindAscCodeAscCreatedAtDescIdDesc(FrameworkStatus.DRAFT).stream()
                .filter(f -> !current.containsKey(f.getCode())).forEach(f -> drafts.putIfAbsent(f.getCode(), f));
        return drafts.values().stream().map(this::summary).toList();
    }

    /** The version label of the current (latest published) version of each referential, by code. */
    public Map<String, String> currentVersionLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        currentVersions().forEach((code, framework) -> labels.put(code, framework.getVersion()));
        return labels;
    }

    /** Whether any version of the referential exists, published or not. */
    public boolean exists(String code) {
        return frameworks.existsByCode(code);
    }

    /** Every version of a referential, newest first; drafts only when {@code drafts}. */
    public List<VersionRow> versions(String code, boolean drafts) {
        String current = frameworks.findFirstByCodeAndStatusOrderByCreatedAtDescIdDesc(code, FrameworkStatus.PUBLISHED)
                .map(Framework::getVersion).orElse(null);
        List<VersionRow> rows = frameworks.findAllByCodeOrderByCreatedAtDescIdDesc(code).stream()
                .filter(f -> drafts || f.getStatus() != FrameworkStatus.DRAFT)
                .map(f -> new VersionRow(f.getVersion(), f.getStatus(), f.getValidationDate(), f.getValidationNote(),
                        f.getPublishedBy(), f.getPublishedAt(), f.getCreatedAt(), f.getVersion().equals(current)))
                .toList();
        if (rows.isEmpty()) {
            throw FrameworkNotFoundException.framework(code);
        }
        return rows;
    }

    public Outline outline(String code, String version, boolean drafts) {
        return outline(version(code, version, drafts));
    }

    public ItemDetail item(String frameworkCode, String version, String itemCode, boolean drafts) {
        return item(outline(frameworkCode, version, drafts), itemCode);
    }

    /** What {@code version} changes from {@code other}: items, header, essential flags, contexts, exams, associations. */
    public VersionDiff.Result diff(String code, String version, String other, boolean drafts) {
        Framework after = version(code, version, drafts);
        Framework before = version(code, other, drafts);
        return VersionDiff.between(snapshot(before), snapshot(after));
    }

    public Summary summary(String code) {
        return summary(current(code));
    }

    public Outline outline(String code) {
        return outline(current(code));
    }

    /**
     * The current version; with {@code drafts} (authors), a referential never published answers with its
     * latest draft rather than an unknown one, as its versions list shows it. A retired referential answers
     * with its latest retired version: its address still leads to it.
     */
    public Outline outline(String code, boolean drafts) {
        return outline(frameworks.findFirstByCodeAndStatusOrderByCreatedAtDescIdDesc(code, FrameworkStatus.PUBLISHED)
                .or(() -> drafts
                        ? frameworks.findFirstByCodeAndStatusOrderByCreatedAtDescIdDesc(code, FrameworkStatus.DRAFT)
                        : java.util.Optional.empty())
                .or(() -> frameworks.findFirstByCodeAndStatusOrderByCreatedAtDescIdDesc(code, FrameworkStatus.RETIRED))
                .orElseThrow(() -> FrameworkNotFoundException.framework(code)));
    }

    private Outline outline(Framework framework) {
        List<FrameworkItem> all = items.findAllOf(framework);
        return new Outline(summary(framework, all), framework.getDescription(), framework.getMasteryTolerance(),
                framework.getSourceDocument(), tree(all), exams(framework), associations(framework));
    }

    public List<ItemRow> items(String code, ItemType type) {
        return ItemOrder.readingOrder(items.findAllOf(current(code))).stream()
                .filter(item -> type == null || item.getType() == type)
                .map(item -> new ItemRow(item.getCode(), item.getType(), item.getTypeLabel(), item.getText(), item.getParentCode(),
                        item.getPosition(), item.getContext(), item.getEssential()))
                .toList();
    }

    public ItemDetail item(String frameworkCode, String itemCode) {
        return item(outline(frameworkCode), itemCode);
    }

    private static ItemDetail item(Outline outline, String itemCode) {
        String frameworkCode = outline.summary().code();
        List<Node> path = pathTo(outline.roots(), itemCode);
        if (path.isEmpty()) {
            throw FrameworkNotFoundException.item(frameworkCode, itemCode);
        }
        Node item = path.get(path.size() - 1);
        List<Crumb> crumbs = path.subList(0, path.size() - 1).stream()
                .map(node -> new Crumb(node.code(), node.type(), node.text())).toList();
        List<String> lineage = path.stream().map(Node::code).toList();
        List<AssociationView> links = outline.associations().stream()
                .filter(a -> itemCode.equals(a.originCode())
                        || a.destinationFramework() == null && itemCode.equals(a.destinationCode())).toList();
        return new ItemDetail(outline.summary(), item, crumbs, outline.examsFor(lineage), links);
    }

    Framework current(String code) {
        return frameworks.findFirstByCodeAndStatusOrderByCreatedAtDescIdDesc(code, FrameworkStatus.PUBLISHED)
                .orElseThrow(() -> FrameworkNotFoundException.framework(code));
    }

    /** One version; a draft reads as unknown to callers who may not see drafts. */
    Framework version(String code, String version, boolean drafts) {
        return frameworks.findByCodeAndVersion(code, version)
                .filter(f -> drafts || f.getStatus() != FrameworkStatus.DRAFT)
                .orElseThrow(() -> FrameworkNotFoundException.version(code, version));
    }

    private Map<String, Framework> currentVersions() {
        Map<String, Framework> current = new LinkedHashMap<>();
        frameworks.findAllByStatusOrderByKindAscCodeAscCreatedAtDescIdDesc(FrameworkStatus.PUBLISHED)
                .forEach(f -> current.putIfAbsent(f.getCode(), f));
        return current;
    }

    private VersionDiff.Snapshot snapshot(Framework f) {
        var header = new VersionDiff.Header(f.getTitle(), f.getIssuer(), f.getDescription(), f.getRncpCode(),
                f.getMasteryTolerance(), f.getValidationNote());
        var states = ItemOrder.readingOrder(items.findAllOf(f)).stream()
                .map(i -> new VersionDiff.ItemState(i.getCode(), i.getType(), i.getText(), i.getParentCode(),
                        i.getPosition(), i.getContext(), i.getEssential()))
                .toList();
        var exams = f.getExams().stream()
                .map(e -> new VersionDiff.ExamState(e.getCode(), e.getTitle(), e.getModality(), e.getPlace(),
                        e.getDurationMinutes(), e.getParts(), e.getChecks(),
                        e.getItems().stream().map(FrameworkItem::getCode).toList()))
                .toList();
        var associations = f.getAssociations().stream()
                .map(a -> new VersionDiff.AssociationState(a.getType(), a.getOrigin().getCode(),
                        a.destinationItemCode(), a.getDestinationLabel(), a.getDestinationFramework()))
                .toList();
        return new VersionDiff.Snapshot(header, states, exams, associations);
    }

    private Summary summary(Framework framework) {
        Map<ItemType, Long> counts = new EnumMap<>(ItemType.class);
        items.countByType(framework).forEach(row -> counts.put((ItemType) row[0], (Long) row[1]));
        return summary(framework, counts);
    }

    private Summary summary(Framework framework, List<FrameworkItem> all) {
        Map<ItemType, Long> counts = new EnumMap<>(ItemType.class);
        all.forEach(item -> counts.merge(item.getType(), 1L, Long::sum));
        return summary(framework, counts);
    }

    private static Summary summary(Framework f, Map<ItemType, Long> counts) {
        return new Summary(f.getCode(), f.getTitle(), f.getKind(), f.getVersion(), f.getStatus(), f.getIssuer(),
                f.getValidationDate(), f.getValidationNote(), f.getRncpCode(), Collections.unmodifiableMap(counts));
    }

    private static List<Node> tree(List<FrameworkItem> all) {
        return nodes(null, ItemOrder.childrenByParent(all));
    }

    private static List<Node> nodes(String parentCode, Map<String, List<FrameworkItem>> byParent) {
        return byParent.getOrDefault(parentCode, List.of()).stream()
                .map(item -> new Node(item.getCode(), item.getType(), item.getTypeLabel(), item.getText(), item.getParentCode(),
                        item.getPosition(), item.getContext(), item.getEssential(),
                        nodes(item.getCode(), byParent)))
                .toList();
    }

    private static List<Node> pathTo(List<Node> nodes, String code) {
        for (Node node : nodes) {
            if (node.code().equals(code)) {
                return List.of(node);
            }
            List<Node> below = pathTo(node.children(), code);
            if (!below.isEmpty()) {
                List<Node> path = new ArrayList<>();
                path.add(node);
                path.addAll(below);
                return path;
            }
        }
        return List.of();
    }

    private static List<ExamView> exams(Framework framework) {
        return framework.getExams().stream()
                .map(e -> new ExamView(e.getCode(), e.getTitle(), e.getModality(), e.getPlace(), e.totalMinutes(),
                        List.copyOf(e.getParts()), List.copyOf(e.getChecks()),
                        e.getItems().stream().map(FrameworkItem::getCode).toList()))
                .toList();
    }

    private static List<AssociationView> associations(Framework framework) {
        return framework.getAssociations().stream()
                .map(a -> new AssociationView(a.getType(), a.getOrigin().getCode(), a.destinationItemCode(),
                        a.getDestinationLabel(), a.getDestinationFramework()))
                .toList();
    }
}
