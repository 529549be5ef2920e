package fr.referentia.framework;

import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.shared.audit.AuditEvent;
import fr.referentia.shared.policy.Decision;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a referential from its canonical form. Everything is checked before anything is
 * written, so a faulty file changes nothing.
 */
@Service
public class FrameworkImporter {

    /** Items written between two flushes (and progress reports); a multiple of the JDBC batch size. */
    static final int BATCH = 1_000;
    static final Pattern CODE = WellFormedFramework.CODE;

    private final FrameworkRepository frameworks;
    private final ItemRepository items;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final Clock clock;

    FrameworkImporter(FrameworkRepository frameworks, ItemRepository items, ApplicationEventPublisher events,
            EntityManager entityManager, Clock clock) {
        this.clock = clock;
        this.frameworks = frameworks;
        this.items = items;
        this.events = events;
        this.entityManager = entityManager;
    }

    /** What the audit trail keeps of a referential version: its header and size, not its whole text. */
    record AuditState(String code, String version, String title, FrameworkKind kind, FrameworkStatus status,
            String rncpCode, LocalDate validationDate, long items) {

        static AuditState of(Framework framework, long items) {
            return new AuditState(framework.getCode(), framework.getVersion(), framework.getTitle(),
                    framework.getKind(), framework.getStatus(), framework.getRncpCode(),
                    framework.getValidationDate(), items);
        }
    }

    @Transactional
    public Framework importFramework(CanonicalFramework source) {
        return importFramework(source, ImportProgress.NONE);
    }

    /**
     * Imports in one transaction, reporting progress between phases and every {@link #BATCH} items.
     * The search index is written when the transaction commits, after the {@code INDEXING} report.
     */
    @Transactional
    public Framework importFramework(CanonicalFramework source, ImportProgress progress) {
        int total = source.items() == null ? 0 : source.items().size();
        progress.report(ImportProgress.Phase.VALIDATION, 0, total);
        List<Item> orderedItems = WellFormedFramework.require(source);
        checkLinksToOtherFrameworks(source);
        var header = source.framework();
        if (frameworks.existsByCodeAndVersion(header.code(), header.version())) {
            throw new FrameworkAlreadyExistsException(header.code(), header.version());
        }
        AuditState before = frameworks.findFirstByCodeOrderByCreatedAtDescIdDesc(header.code())
                .map(current -> AuditState.of(current, items.countByFramework(current))).orElse(null);
        Framework framework = new Framework(header.code(), header.version(), header.kind(), header.title(),
                header.status(), clock.instant());
        framework.describe(header.issuer(), header.validationDate(), header.validationNote(), header.rncpCode(),
                header.description(), header.masteryTolerance(), header.sourceDocument());
        progress.report(ImportProgress.Phase.WRITING, 0, total);
        Framework saved = frameworks.save(framework);

        Map<String, FrameworkItem> byCode = new HashMap<>();
        Map<String, Integer> nextPosition = new HashMap<>();
        for (Item spec : orderedItems) {
            FrameworkItem parent = spec.parentCode() == null ? null : byCode.get(spec.parentCode());
            int position = spec.position() != null ? spec.position()
                    : nextPosition.merge(String.valueOf(spec.parentCode()), 1, Integer::sum);
            FrameworkItem item = framework.addItem(spec.code(), spec.type(), spec.text(), parent, position);
            item.setContext(spec.context());
            item.setEssential(spec.essential());
            item.setTypeLabel(spec.typeLabel());
            byCode.put(spec.code(), item);
            entityManager.persist(item);
            if (byCode.size() % BATCH == 0) {
                // Flushing in batches is what lets a progress bar move while the rows are written.
                entityManager.flush();
                progress.report(ImportProgress.Phase.WRITING, byCode.size(), total);
            }
        }
        int examPosition = 1;
        for (ExamSpec spec : source.exams()) {
            Exam exam = framework.addExam(spec.code(), spec.title(), examPosition++);
            exam.describe(spec.modality(), spec.place(), spec.durationMinutes());
            exam.fill(spec.parts().stream().map(part -> new Exam.Part(part.label(), part.minutes())).toList(),
                    spec.checks(), spec.itemCodes().stream().map(byCode::get).toList());
        }
        source.associations().forEach(spec -> framework.addAssociation(spec, byCode));
        framework.built();
        entityManager.flush();
        progress.report(ImportProgress.Phase.INDEXING, 0, total);
        // Recorded in this transaction by the audit trail's listener: an import and its trace go together.
        events.publishEvent(AuditEvent.of("FRAMEWORK_IMPORTED", "FRAMEWORK", saved.getCode())
                .change(before, AuditState.of(saved, saved.getItems().size())));
        return saved;
    }

    /** R14 ({@link CrossReferentialLinkPolicy}): every link to another referential's item, checked at once. */
    private void checkLinksToOtherFrameworks(CanonicalFramework source) {
        String own = source.framework().code();
        Map<String, Optional<Framework>> published = new HashMap<>();
        List<String> errors = new ArrayList<>();
        for (AssociationSpec link : source.associations()) {
            if (!link.crossesTo(own)) {
                continue;
            }
            Optional<Framework> target = published.computeIfAbsent(link.destinationFramework(),
                    code -> frameworks.findFirstByCodeAndStatusOrderByCreatedAtDescIdDesc(code, FrameworkStatus.PUBLISHED));
            boolean found = target.isPresent() && items.findByFrameworkAndCode(target.get(), link.destinationCode()).isPresent();
            Decision decision = CrossReferentialLinkPolicy.checkAll(new CrossReferentialLinkPolicy.Link(
                    link.originCode(), link.destinationFramework(), link.destinationCode(), found));
            if (!decision.isAllowed()) {
                errors.add(decision.reason());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFrameworkException(errors);
        }
    }
}
