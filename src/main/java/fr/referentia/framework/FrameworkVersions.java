package fr.referentia.framework;

import fr.referentia.framework.FrameworkImporter.AuditState;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.audit.AuditEvent;
import fr.referentia.shared.policy.Decision;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes versions of a referential: opens a draft as a deep copy of the current published version,
 * changes a draft (the seed of authoring: an item's wording), publishes it. Published versions are
 * frozen ({@link VersionChangePolicy}). Every check comes before any write: refused input changes nothing.
 */
@Service
@Transactional
public class FrameworkVersions {

    /** Version labels go into URLs: letters, digits, « . », « _ », « - ». */
    static final Pattern VERSION_LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    static final int MAX_NOTE = 500;

    private final FrameworkRepository frameworks;
    private final ItemRepository items;
    private final FrameworkCatalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FrameworkVersions(FrameworkRepository frameworks, ItemRepository items, FrameworkCatalog catalog,
            ApplicationEventPublisher events, Clock clock) {
        this.frameworks = frameworks;
        this.items = items;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** Opens a new draft version: a copy of the current published version's items, exams and associations. */
    public Framework createDraft(String code, String versionLabel) {
        Framework source = catalog.current(code);
        String label = versionLabel == null ? "" : versionLabel.strip();
        if (!VERSION_LABEL.matcher(label).matches()) {
            throw new BadInputException("Le libellé de version est obligatoire : 40 caractères au plus, lettres, "
                    + "chiffres, « . », « _ » ou « - » (par exemple « 2026-01 »).");
        }
        if (frameworks.existsByCodeAndStatus(code, FrameworkStatus.DRAFT)) {
            throw new ConflictException("Le référentiel « " + code + " » a déjà une version brouillon en cours : "
                    + "publiez-la avant d'en ouvrir une autre.");
        }
        if (frameworks.existsByCodeAndVersion(code, label)) {
            throw new FrameworkAlreadyExistsException(code, label);
        }
        Framework draft = copy(source, label);
        Framework saved = frameworks.save(draft);
        events.publishEvent(AuditEvent.of("FRAMEWORK_DRAFT_CREATED", "FRAMEWORK", code)
                .change(AuditState.of(source, source.getItems().size()), AuditState.of(saved, saved.getItems().size())));
        return saved;
    }

    /**
     * Creates a new referential: an empty draft version (no published one yet, so only branch
     * administrators see it), with the default mastery tolerance of two elements (R7).
     */
    public Framework createFramework(String code, String title, FrameworkKind kind, String versionLabel) {
        String frameworkCode = code == null ? "" : code.strip();
        String label = versionLabel == null ? "" : versionLabel.strip();
        String name = title == null ? "" : title.strip();
        List<String> errors = new ArrayList<>();
        if (!FrameworkImporter.CODE.matcher(frameworkCode).matches()) {
            errors.add("Le code du référentiel est obligatoire : 80 caractères au plus, lettres, chiffres, « . », "
                    + "« _ » ou « - » (par exemple « CQP-ASSISTANT-FORMATION »).");
        }
        if (name.isEmpty() || name.length() > 500) {
            errors.add("Le titre est obligatoire (500 caractères au plus).");
        }
        if (kind == null) {
            errors.add("La nature du référentiel est obligatoire.");
        }
        if (!VERSION_LABEL.matcher(label).matches()) {
            errors.add("Le libellé de version est obligatoire : 40 caractères au plus, lettres, chiffres, « . », "
                    + "« _ » ou « - » (par exemple « 2026-01 »).");
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(String.join(" ", errors), errors);
        }
        if (frameworks.existsByCode(frameworkCode)) {
            throw new ConflictException("Un référentiel a déjà le code « " + frameworkCode + " ».");
        }
        Framework framework = new Framework(frameworkCode, label, kind, name, FrameworkStatus.DRAFT, clock.instant());
        framework.describe(null, null, null, null, null, 2, null);
        framework.built();
        Framework saved = frameworks.save(framework);
        events.publishEvent(AuditEvent.of("FRAMEWORK_CREATED", "FRAMEWORK", frameworkCode)
                .change(null, AuditState.of(saved, 0)));
        return saved;
    }

    /** Publishes a draft: validated on {@code validationDate} (with the note, e.g. "Validé en CPNEF du …"). */
    public Framework publish(String code, String version, LocalDate validationDate, String validationNote,
            String publishedBy) {
        Framework framework = catalog.version(code, version, true);
        VersionChangePolicy.requireChangeable(framework);
        String note = validationNote == null || validationNote.isBlank() ? null : validationNote.strip();
        List<String> errors = new ArrayList<>();
        if (validationDate == null) {
            errors.add("La date de validation est obligatoire.");
        } else if (validationDate.isAfter(LocalDate.now(clock))) {
            errors.add("La date de validation ne peut pas être dans le futur.");
        } else if (validationDate.getYear() < 1900) {
            // A date such as -999999999-01-01 reached PostgreSQL, which refused it: a 500.
            errors.add("La date de validation est antérieure à 1900 : vérifiez-la.");
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.add("La mention de validation ne dépasse pas " + MAX_NOTE + " caractères.");
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(String.join(" ", errors), errors);
        }
        long size = items.countByFramework(framework);
        AuditState before = AuditState.of(framework, size);
        framework.publish(validationDate, note, publishedBy, clock.instant());
        events.publishEvent(AuditEvent.of("FRAMEWORK_PUBLISHED", "FRAMEWORK", code)
                .change(before, AuditState.of(framework, size)));
        return framework;
    }

    /**
     * Checks a person's confirmation of an irreversible action on a referential: they typed its code.
     * Refused (400) when missing or different, before anything is read or written.
     */
    public static void requireConfirmation(String code, String confirmation) {
        Decision.allowedIf(confirmation != null && confirmation.strip().equals(code),
                "Pour confirmer, saisissez exactement le code du référentiel « " + code + " ».").orBadInput();
    }

    /** The row id of a version that may be discarded ({@link OnlyDraftsAreDiscarded}), else 409 (404: unknown). */
    public long discardableDraftId(String code, String version) {
        Framework draft = catalog.version(code, version, true);
        OnlyDraftsAreDiscarded.RULE.check(draft).orConflict();
        return draft.getId();
    }

    /**
     * Discards a draft version ({@link OnlyDraftsAreDiscarded}): it goes with its items, exams, links,
     * edit lock and undo journal, and the audit trail keeps what it was. The caller has checked the edit
     * lock (authoring) and the confirmation.
     */
    public void discardDraft(String code, String version, String by) {
        Framework draft = catalog.version(code, version, true);
        OnlyDraftsAreDiscarded.RULE.check(draft).orConflict();
        List<FrameworkItem> all = items.findAllOf(draft);
        AuditState before = AuditState.of(draft, all.size());
        draft.removeAssociationsIf(association -> true);
        draft.removeExams(draft.getExams());
        // Children before their parents, as DraftSync deletes: no row is left pointing at a deleted one.
        all.stream().sorted(Comparator.comparingInt(DraftSync::depth).reversed()).forEach(draft::removeItem);
        frameworks.flush();
        frameworks.delete(draft);
        frameworks.flush();
        events.publishEvent(AuditEvent.of("FRAMEWORK_DRAFT_DISCARDED", "FRAMEWORK", code).by(by)
                .change(before, null));
    }

    /**
     * Retires a referential ({@link OnlyPublishedReferentialsAreRetired}): each published version becomes
     * retired. It leaves the home page and search; every version stays readable at its own address, so
     * that what cites it still resolves. A draft in progress is left as it is. Returns the versions retired.
     */
    public List<Framework> retire(String code, String reason, String by) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_NOTE) {
            throw new BadInputException("Le motif du retrait ne dépasse pas " + MAX_NOTE + " caractères.");
        }
        List<Framework> all = frameworks.findAllByCodeOrderByCreatedAtDescIdDesc(code);
        if (all.isEmpty()) {
            throw FrameworkNotFoundException.framework(code);
        }
        OnlyPublishedReferentialsAreRetired.RULE.check(all).orConflict();
        List<Framework> retired = all.stream().filter(f -> f.getStatus() == FrameworkStatus.PUBLISHED).toList();
        List<Long> sizes = retired.stream().map(items::countByFramework).toList();
        List<AuditState> before = new ArrayList<>();
        List<AuditState> after = new ArrayList<>();
        for (int i = 0; i < retired.size(); i++) {
            before.add(AuditState.of(retired.get(i), sizes.get(i)));
            retired.get(i).retire();
            after.add(AuditState.of(retired.get(i), sizes.get(i)));
        }
        events.publishEvent(AuditEvent.of("FRAMEWORK_RETIRED", "FRAMEWORK", code).by(by)
                .change(new Retirement(before, null), new Retirement(after, why)));
        return retired;
    }

    /** What the audit trail keeps of a retirement: the versions, before and after, and the reason given. */
    record Retirement(List<AuditState> versions, String reason) {
    }

    private Framework copy(Framework source, String label) {
        Framework draft = new Framework(source.getCode(), label, source.getKind(), source.getTitle(),
                FrameworkStatus.DRAFT, clock.instant());
        // Not validated yet: the validation date and note are the publication's.
        draft.describe(source.getIssuer(), null, null, source.getRncpCode(), source.getDescription(),
                source.getMasteryTolerance(), source.getSourceDocument());
        Map<FrameworkItem, FrameworkItem> copies = new HashMap<>();
        // Reading order puts every parent before its children.
        for (FrameworkItem item : ItemOrder.readingOrder(items.findAllOf(source))) {
            FrameworkItem copy = draft.addItem(item.getCode(), item.getType(), item.getText(),
                    item.getParent() == null ? null : copies.get(item.getParent()), item.getPosition());
            copy.setContext(item.getContext());
            copy.setEssential(item.getEssential());
            copy.setTypeLabel(item.getTypeLabel());
            copies.put(item, copy);
        }
        for (Exam exam : source.getExams()) {
            Exam copy = draft.addExam(exam.getCode(), exam.getTitle(), exam.getPosition());
            copy.describe(exam.getModality(), exam.getPlace(), exam.getDurationMinutes());
            copy.fill(exam.getParts(), exam.getChecks(), exam.getItems().stream().map(copies::get).toList());
        }
        for (Association association : source.getAssociations()) {
            if (association.getDestinationFramework() != null) {
                draft.addCrossAssociation(association.getType(), copies.get(association.getOrigin()),
                        association.getDestinationFramework(), association.destinationItemCode(),
                        association.getDestinationLabel());
            } else {
                draft.addAssociation(association.getType(), copies.get(association.getOrigin()),
                        association.getDestination() == null ? null : copies.get(association.getDestination()),
                        association.getDestinationLabel());
            }
        }
        draft.built();
        return draft;
    }
}
