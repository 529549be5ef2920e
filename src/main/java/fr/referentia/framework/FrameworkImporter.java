package fr.referentia.framework;

import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.CanonicalFramework.PartSpec;
import fr.referentia.shared.audit.AuditEvent;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    static final int MAX_ITEMS = 100_000;
    /** Items written between two flushes (and progress reports); a multiple of the JDBC batch size. */
    static final int BATCH = 1_000;
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final int MAX_TEXT = 10_000;

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
        List<Item> orderedItems = validate(source);
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

    /**
     * R14, the rule of authoring (DraftAuthoring.addAssociation): a link to another referential's item
     * needs that item in the referential's current published version, or the link would lead nowhere.
     */
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
            if (target.isEmpty() || items.findByFrameworkAndCode(target.get(), link.destinationCode()).isEmpty()) {
                errors.add("Association depuis « " + link.originCode() + " » : le référentiel publié « "
                        + link.destinationFramework() + " » n'a pas d'élément « " + link.destinationCode() + " ».");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFrameworkException(errors);
        }
    }

    /**
     * The import's checks for any canonical form (an authoring change of a draft is checked exactly as
     * an import): throws {@link InvalidFrameworkException} with every problem found, in French.
     */
    public static void check(CanonicalFramework source) {
        validate(source);
    }

    /** Checks the whole file and returns its items parents-first; throws with every problem found. */
    static List<Item> validate(CanonicalFramework source) {
        List<String> errors = new ArrayList<>();
        if (!CanonicalFramework.FORMAT.equals(source.format())) {
            errors.add("Format inconnu : attendu « " + CanonicalFramework.FORMAT + " ».");
        }
        var header = source.framework();
        if (header == null) {
            throw new InvalidFrameworkException(append(errors, "L'en-tête « framework » manque."));
        }
        if (header.code() == null || !CODE.matcher(header.code()).matches()) {
            errors.add("Le code du référentiel est absent ou invalide (lettres, chiffres, « . », « _ », « - »).");
        }
        requireText(errors, header.title(), "Le titre du référentiel", 500);
        requireText(errors, header.version(), "La version du référentiel", 40);
        if (header.kind() == null) {
            errors.add("La nature du référentiel (kind) manque.");
        }
        if (header.status() == null) {
            errors.add("Le statut du référentiel (status) manque.");
        }
        if (header.masteryTolerance() != null && header.masteryTolerance() < 0) {
            errors.add("La tolérance de maîtrise ne peut pas être négative.");
        }
        if (source.items().size() > MAX_ITEMS) {
            throw new InvalidFrameworkException(append(errors,
                    "Trop d'éléments : " + source.items().size() + " (maximum " + MAX_ITEMS + ")."));
        }
        Map<String, Item> byCode = validateItems(source.items(), errors);
        validateExams(source.exams(), byCode, errors);
        validateAssociations(source.associations(), byCode, header.code(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFrameworkException(errors);
        }
        return parentsFirst(byCode);
    }

    private static Map<String, Item> validateItems(List<Item> items, List<String> errors) {
        Map<String, Item> byCode = new LinkedHashMap<>();
        int row = 0;
        for (Item item : items) {
            row++;
            String where = "Élément n° " + row + (item.code() == null ? "" : " (" + item.code() + ")");
            if (item.code() == null || !CODE.matcher(item.code()).matches()) {
                errors.add(where + " : code absent ou invalide.");
                continue;
            }
            if (byCode.putIfAbsent(item.code(), item) != null) {
                errors.add(where + " : le code « " + item.code() + " » est en double.");
            }
            if (item.type() == null) {
                errors.add(where + " : type absent.");
            } else if (item.typeLabel() != null && (item.type() != ItemType.OTHER || item.typeLabel().length() > 200)) {
                errors.add(where + " : un libellé de type n'est admis que pour le type OTHER (200 caractères au plus).");
            }
            requireText(errors, item.text(), where + " : le texte", MAX_TEXT);
            if (item.position() != null && item.position() < 1) {
                errors.add(where + " : la position doit être supérieure ou égale à 1.");
            }
        }
        for (Item item : byCode.values()) {
            if (item.parentCode() != null && !byCode.containsKey(item.parentCode())) {
                errors.add("Élément " + item.code() + " : parent « " + item.parentCode() + " » introuvable.");
            }
        }
        for (Item item : byCode.values()) {
            if (depth(item, byCode) < 0) {
                errors.add("Élément " + item.code() + " : il est son propre ancêtre (cycle dans l'arborescence).");
            }
        }
        return byCode;
    }

    private static void validateExams(List<ExamSpec> exams, Map<String, Item> items, List<String> errors) {
        Set<String> codes = new HashSet<>();
        for (ExamSpec exam : exams) {
            String where = "Épreuve " + exam.code();
            if (exam.code() == null || !CODE.matcher(exam.code()).matches()) {
                errors.add("Une épreuve a un code absent ou invalide.");
            } else if (!codes.add(exam.code())) {
                errors.add(where + " : code en double.");
            }
            requireText(errors, exam.title(), where + " : le titre", 500);
            if (exam.durationMinutes() != null && exam.durationMinutes() < 0) {
                errors.add(where + " : la durée ne peut pas être négative.");
            }
            for (PartSpec part : exam.parts()) {
                if (part.label() == null || part.label().isBlank() || part.minutes() == null || part.minutes() < 0) {
                    errors.add(where + " : chaque partie doit avoir un libellé et une durée positive.");
                }
            }
            exam.itemCodes().stream().filter(code -> !items.containsKey(code)).forEach(code ->
                    errors.add(where + " : élément évalué « " + code + " » introuvable."));
        }
    }

    private static void validateAssociations(List<AssociationSpec> associations, Map<String, Item> items,
            String ownCode, List<String> errors) {
        for (AssociationSpec association : associations) {
            if (association.type() == null || !items.containsKey(association.originCode())) {
                errors.add("Association vers « " + association.destinationCode()
                        + " » : type absent ou élément d'origine « " + association.originCode() + " » introuvable.");
            } else if (association.crossesTo(ownCode)) {
                // Another referential's item: whether it exists is checked against the database (checkLinksToOtherFrameworks).
                if (!CODE.matcher(association.destinationFramework()).matches() || association.destinationCode() == null
                        || !CODE.matcher(association.destinationCode()).matches()) {
                    errors.add("Association depuis « " + association.originCode()
                            + " » : code du référentiel ou de l'élément de destination invalide.");
                }
            } else if (association.destinationCode() != null && !items.containsKey(association.destinationCode())) {
                errors.add("Association depuis « " + association.originCode() + " » : destination « "
                        + association.destinationCode() + " » introuvable.");
            } else if (association.destinationCode() == null && isBlank(association.destinationLabel())) {
                errors.add("Association depuis « " + association.originCode() + " » : destination absente.");
            }
        }
    }

    /** Depth of an item in the tree, or -1 when following its parents loops (or leaves the file). */
    private static int depth(Item item, Map<String, Item> byCode) {
        int depth = 0;
        Item current = item;
        while (current.parentCode() != null) {
            current = byCode.get(current.parentCode());
            if (current == null || ++depth > byCode.size()) {
                return current == null ? depth : -1;
            }
        }
        return depth;
    }

    private static List<Item> parentsFirst(Map<String, Item> byCode) {
        Map<Item, Integer> depths = new HashMap<>();
        byCode.values().forEach(item -> depths.put(item, depth(item, byCode)));
        List<Item> ordered = new ArrayList<>(byCode.values());
        ordered.sort(Comparator.comparingInt(depths::get)); // stable: document order kept within a level
        return ordered;
    }

    private static void requireText(List<String> errors, String value, String what, int max) {
        if (isBlank(value)) {
            errors.add(what + " est vide.");
        } else if (value.length() > max) {
            errors.add(what + " dépasse " + max + " caractères.");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static List<String> append(List<String> errors, String error) {
        errors.add(error);
        return errors;
    }
}
