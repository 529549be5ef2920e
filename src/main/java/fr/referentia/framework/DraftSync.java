package fr.referentia.framework;

import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.Header;
import fr.referentia.framework.CanonicalFramework.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bridge between a draft's canonical form, on which authoring works, and its rows. Applying a new
 * canonical form changes the rows minimally: items matched by code are updated in place (and only
 * when they differ), new codes inserted parents first, removed codes deleted children first. So only
 * the changed items are reindexed by Hibernate Search, and an edit stays quick on a large referential.
 */
@Service
@Transactional
public class DraftSync {

    private final FrameworkCatalog catalog;
    private final FrameworkExporter exporter;
    private final ItemRepository items;

    DraftSync(FrameworkCatalog catalog, FrameworkExporter exporter, ItemRepository items) {
        this.catalog = catalog;
        this.exporter = exporter;
        this.items = items;
    }

    /** What is applied: how many items were inserted, updated and deleted. */
    public record Outcome(int inserted, int updated, int deleted) {
    }

    /** The row id of a draft that may change; a published or retired version is refused (409). */
    public long draftId(String code, String version) {
        Framework draft = catalog.version(code, version, true);
        VersionChangePolicy.requireChangeable(draft);
        return draft.getId();
    }

    /** The draft as it stands; a published or retired version is refused (409), an unknown one is a 404. */
    public CanonicalFramework read(String code, String version) {
        VersionChangePolicy.requireChangeable(catalog.version(code, version, true));
        return exporter.toCanonical(code, version, true);
    }

    /** Writes {@code target} over the draft; it is checked as an import is, and nothing changes on refusal. */
    public Outcome apply(String code, String version, CanonicalFramework target) {
        Framework draft = catalog.version(code, version, true);
        VersionChangePolicy.requireChangeable(draft);
        List<Item> parentsFirst = WellFormedFramework.require(target);
        Header header = target.framework();
        if (!header.code().equals(code) || !header.version().equals(version) || header.kind() != draft.getKind()) {
            throw new InvalidFrameworkException("Le code, la version et la nature d'un brouillon ne changent pas.");
        }
        if (!Objects.equals(draft.getTitle(), header.title()) || !Objects.equals(draft.getIssuer(), header.issuer())
                || !Objects.equals(draft.getRncpCode(), header.rncpCode())
                || !Objects.equals(draft.getDescription(), header.description())
                || !Objects.equals(draft.getMasteryTolerance(), header.masteryTolerance())) {
            draft.rewrite(header.title(), header.issuer(), header.rncpCode(), header.description(),
                    header.masteryTolerance());
        }

        Map<String, FrameworkItem> byCode = new HashMap<>();
        items.findAllOf(draft).forEach(item -> byCode.put(item.getCode(), item));
        Map<String, FrameworkItem> removed = new HashMap<>(byCode);
        int inserted = 0;
        int updated = 0;
        for (Item spec : parentsFirst) {
            FrameworkItem parent = spec.parentCode() == null ? null : byCode.get(spec.parentCode());
            int position = spec.position() == null ? 1 : spec.position();
            FrameworkItem item = removed.remove(spec.code());
            if (item != null) {
                if (item.update(spec.type(), spec.typeLabel(), spec.text(), parent, position, spec.context(),
                        spec.essential())) {
                    updated++;
                }
            } else {
                item = draft.addItem(spec.code(), spec.type(), spec.text(), parent, position);
                item.setContext(spec.context());
                item.setEssential(spec.essential());
                item.setTypeLabel(spec.typeLabel());
                byCode.put(spec.code(), item);
                inserted++;
            }
        }

        syncAssociations(draft, target.associations(), byCode);
        syncExams(draft, target.exams(), byCode);

        // Children before their parents: each delete then leaves no row pointing at a deleted one.
        List<FrameworkItem> doomed = new ArrayList<>(removed.values());
        doomed.sort(Comparator.comparingInt(DraftSync::depth).reversed());
        doomed.forEach(item -> {
            byCode.remove(item.getCode());
            draft.removeItem(item);
        });
        return new Outcome(inserted, updated, doomed.size());
    }

    private static void syncAssociations(Framework draft, List<AssociationSpec> wanted,
            Map<String, FrameworkItem> byCode) {
        List<AssociationSpec> toAdd = new ArrayList<>(wanted);
        draft.removeAssociationsIf(existing -> !toAdd.remove(specOf(existing)));
        toAdd.forEach(spec -> draft.addAssociation(spec, byCode));
    }

    private static AssociationSpec specOf(Association a) {
        return new AssociationSpec(a.getType(), a.getOrigin().getCode(), a.getDestinationFramework(),
                a.destinationItemCode(), a.getDestinationLabel());
    }

    private static void syncExams(Framework draft, List<ExamSpec> wanted, Map<String, FrameworkItem> byCode) {
        Map<String, Exam> existing = new HashMap<>();
        draft.getExams().forEach(exam -> existing.put(exam.getCode(), exam));
        int position = 0;
        for (ExamSpec spec : wanted) {
            position++;
            Exam exam = existing.remove(spec.code());
            if (exam == null) {
                exam = draft.addExam(spec.code(), spec.title(), position);
            }
            exam.describe(spec.modality(), spec.place(), spec.durationMinutes());
            exam.rewrite(spec.title(), position,
                    spec.parts().stream().map(p -> new Exam.Part(p.label(), p.minutes())).toList(),
                    List.copyOf(spec.checks()), spec.itemCodes().stream().map(byCode::get).toList());
        }
        draft.removeExams(existing.values());
    }

    static int depth(FrameworkItem item) {
        int depth = 0;
        for (FrameworkItem parent = item.getParent(); parent != null; parent = parent.getParent()) {
            depth++;
        }
        return depth;
    }
}
