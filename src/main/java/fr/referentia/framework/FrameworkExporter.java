package fr.referentia.framework;

import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.Header;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.CanonicalFramework.PartSpec;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes a referential back to its canonical form: exactly what the importer reads. */
@Service
@Transactional(readOnly = true)
public class FrameworkExporter {

    private final FrameworkCatalog catalog;
    private final ItemRepository items;

    FrameworkExporter(FrameworkCatalog catalog, ItemRepository items) {
        this.catalog = catalog;
        this.items = items;
    }

    /** When that version was written: the CASE lastChangeDateTime. */
    public java.time.Instant lastChange(String code, String version, boolean drafts) {
        return select(code, version, drafts).getCreatedAt();
    }

    /** The current published version when {@code version} is null; drafts only for those who may read them. */
    public CanonicalFramework toCanonical(String code, String version, boolean drafts) {
        Framework f = select(code, version, drafts);
        Header header = new Header(f.getCode(), f.getKind(), f.getTitle(), f.getIssuer(), f.getVersion(),
                f.getStatus(), f.getValidationDate(), f.getValidationNote(), f.getRncpCode(), f.getDescription(),
                f.getMasteryTolerance(), f.getSourceDocument());
        List<Item> itemSpecs = ItemOrder.readingOrder(items.findAllOf(f)).stream()
                .map(i -> new Item(i.getCode(), i.getType(), i.getTypeLabel(), i.getText(), i.getParentCode(), i.getPosition(),
                        i.getContext(), i.getEssential()))
                .toList();
        List<ExamSpec> exams = f.getExams().stream()
                .map(e -> new ExamSpec(e.getCode(), e.getTitle(), e.getModality(), e.getPlace(),
                        e.getDurationMinutes(),
                        e.getParts().stream().map(p -> new PartSpec(p.label(), p.minutes())).toList(),
                        e.getItems().stream().map(FrameworkItem::getCode).toList(),
                        List.copyOf(e.getChecks())))
                .toList();
        List<AssociationSpec> associations = f.getAssociations().stream()
                .map(a -> new AssociationSpec(a.getType(), a.getOrigin().getCode(), a.getDestinationFramework(),
                        a.destinationItemCode(), a.getDestinationLabel()))
                .toList();
        return new CanonicalFramework(CanonicalFramework.FORMAT, header, itemSpecs, exams, associations);
    }

    private Framework select(String code, String version, boolean drafts) {
        return version == null ? catalog.current(code) : catalog.version(code, version, drafts);
    }
}
