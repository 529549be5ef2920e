package fr.referentia.framework.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.CrossReferentialLinkPolicy;
import fr.referentia.framework.DraftSync;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.ItemType;
import fr.referentia.framework.authoring.DraftEdits.Direction;
import fr.referentia.framework.authoring.DraftEdits.HeaderChange;
import fr.referentia.framework.authoring.DraftEdits.ItemChange;
import fr.referentia.framework.authoring.EditLockPolicy.Decision;
import fr.referentia.framework.authoring.EditLockPolicy.Holder;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.audit.AuditEvent;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authoring of a draft referential: every change is a pure {@link DraftEdits} operation on the draft's
 * canonical form, applied minimally to its rows by {@link DraftSync}, under the edit lock
 * ({@link EditLockPolicy}), journalled for "undo" and audited. A refused change writes nothing.
 */
@Service
@Transactional
public class DraftAuthoring {

    /** Undo keeps this many steps per draft. */
    static final int JOURNAL_SIZE = 20;
    /** Text autosaves of one field by one person this close together make one undo step. */
    static final Duration COALESCE = Duration.ofMinutes(2);

    private final DraftSync sync;
    private final FrameworkCatalog catalog;
    private final FrameworkVersions versions;
    private final DraftLockRepository locks;
    private final DraftChangeRepository journal;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    DraftAuthoring(DraftSync sync, FrameworkCatalog catalog, FrameworkVersions versions, DraftLockRepository locks,
            DraftChangeRepository journal, ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
        this.sync = sync;
        this.versions = versions;
        this.catalog = catalog;
        this.locks = locks;
        this.journal = journal;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Who acts: their e-mail (the account) and the name shown to others. */
    public record Actor(String email, String name) {
    }

    /** The outcome of a change: what it was, when, and the step "undo" would now revert (null: none). */
    public record Saved(String summary, Instant at, String undo) {
    }

    /**
     * The lock as the editor shows it: whether the caller may edit (the lock is theirs, or free: their
     * first change takes it), whether they hold it now, else who does (read-only editor).
     */
    public record LockState(boolean editable, boolean mine, String holderName, Instant since, String message) {
    }

    /** The draft for the editor, and whether the caller may change it; opening it takes no lock. */
    public record Editor(CanonicalFramework draft, LockState lock, String undo) {
    }

    // ------------------------------------------------------------------ lock

    /**
     * Opens the editor without taking the lock: a link followed by mistake locks no one out. The first
     * change takes it ({@link #change}); until then the editor says whether the caller may edit, or who
     * holds the lock.
     */
    public Editor open(String code, String version, Actor actor) {
        long id = sync.draftId(code, version);
        DraftLock lock = locks.findById(id).orElse(null);
        Decision decision = EditLockPolicy.decide(lock == null ? null : lock.holder(), actor.email(), clock.instant());
        LockState state = switch (decision.outcome()) {
            case TAKE -> new LockState(true, false, null, null, null);
            case RENEW -> new LockState(true, true, lock.holder().name(), lock.holder().acquiredAt(), null);
            case REFUSE -> new LockState(false, false, lock.holder().name(), lock.holder().acquiredAt(),
                    decision.reason());
        };
        return new Editor(sync.read(code, version), state, undoSummary(id));
    }

    /** Takes the lock, or renews the caller's (the page does it every minute once it holds it); 409 when someone else holds it. */
    public LockState renew(String code, String version, Actor actor) {
        locks.lockVersionRow(code, version);
        return lock(sync.draftId(code, version), actor, true);
    }

    /** "Terminer l'édition": frees the lock when the caller holds it. */
    public void release(String code, String version, Actor actor) {
        long id = sync.draftId(code, version);
        locks.findForUpdate(id).filter(lock -> lock.holder().email().equalsIgnoreCase(actor.email()))
                .ifPresent(locks::delete);
    }

    private LockState lock(long frameworkId, Actor actor, boolean required) {
        Instant now = clock.instant();
        DraftLock lock = locks.findForUpdate(frameworkId).orElse(null);
        Decision decision = EditLockPolicy.decide(lock == null ? null : lock.holder(), actor.email(), now);
        switch (decision.outcome()) {
            case TAKE -> {
                if (lock == null) {
                    lock = new DraftLock(frameworkId);
                }
                lock.take(actor.email(), actor.name(), now);
                locks.save(lock);
            }
            case RENEW -> lock.renew(now);
            case REFUSE -> {
                if (required) {
                    throw new DraftLockedException(decision.reason());
                }
                Holder holder = lock.holder();
                return new LockState(false, false, holder.name(), holder.acquiredAt(), decision.reason());
            }
        }
        Holder holder = lock.holder();
        return new LockState(true, true, holder.name(), holder.acquiredAt(), null);
    }

    /**
     * Discards a draft version, once its code is confirmed: refused while someone else holds its edit
     * lock (their work would vanish under them), and for anything but a draft
     * ({@link fr.referentia.framework.OnlyDraftsAreDiscarded}). Audited; a refusal changes nothing.
     */
    public void discard(String code, String version, Actor actor, String confirmation) {
        FrameworkVersions.requireConfirmation(code, confirmation);
        locks.lockVersionRow(code, version);
        DraftLock lock = locks.findForUpdate(versions.discardableDraftId(code, version)).orElse(null);
        Decision decision = EditLockPolicy.decide(lock == null ? null : lock.holder(), actor.email(), clock.instant());
        if (!decision.allowed()) {
            throw new DraftLockedException(decision.reason());
        }
        versions.discardDraft(code, version, actor.email());
    }

    // ------------------------------------------------------------------ changes

    public Saved addItem(String code, String version, Actor actor, String parentCode, Integer position,
            String itemCode, ItemType type, String text) {
        return change(code, version, actor, "FRAMEWORK_ITEM_ADDED", "Élément " + itemCode + " ajouté", null, itemCode,
                f -> DraftEdits.addItem(f, blankToNull(parentCode), position, itemCode, type, text));
    }

    /** An edit of the text alone is an autosave: consecutive ones of that item make one undo step. */
    public Saved editItem(String code, String version, Actor actor, String itemCode, ItemChange change) {
        boolean textOnly = change.text() != null && change.context() == null && change.essential() == null;
        String summary = textOnly ? "Texte de " + itemCode + " modifié"
                : change.text() == null && change.context() == null
                ? (Boolean.TRUE.equals(change.essential()) ? itemCode + " marqué incontournable"
                        : itemCode + " n'est plus incontournable")
                : itemCode + " modifié";
        return change(code, version, actor, "FRAMEWORK_ITEM_EDITED", summary,
                textOnly ? "item:" + itemCode + ":text" : null, itemCode, f -> DraftEdits.editItem(f, itemCode, change));
    }

    public Saved moveItem(String code, String version, Actor actor, String itemCode, Direction direction) {
        String how = switch (direction) {
            case UP -> "monté";
            case DOWN -> "descendu";
            case OUTDENT -> "retiré d'un niveau";
            case INDENT -> "rattaché au précédent";
        };
        return change(code, version, actor, "FRAMEWORK_ITEM_MOVED", itemCode + " " + how, null, itemCode,
                f -> DraftEdits.move(f, itemCode, direction));
    }

    public Saved moveItem(String code, String version, Actor actor, String itemCode, String parentCode, int position) {
        String parent = blankToNull(parentCode);
        return change(code, version, actor, "FRAMEWORK_ITEM_MOVED", itemCode + " déplacé", null, itemCode,
                f -> DraftEdits.move(f, itemCode, parent, position));
    }

    public Saved deleteItem(String code, String version, Actor actor, String itemCode) {
        return change(code, version, actor, "FRAMEWORK_ITEM_DELETED", itemCode + " supprimé", null, itemCode,
                f -> DraftEdits.deleteItem(f, itemCode));
    }

    public Saved editHeader(String code, String version, Actor actor, HeaderChange header) {
        return change(code, version, actor, "FRAMEWORK_HEADER_EDITED", "En-tête modifié", null, null,
                f -> DraftEdits.editHeader(f, header));
    }

    public Saved putExam(String code, String version, Actor actor, String previousCode, ExamSpec exam) {
        String summary = "Épreuve " + exam.code() + (previousCode == null ? " ajoutée" : " modifiée");
        return change(code, version, actor, "EXAM_CHANGED", summary, null, null,
                f -> DraftEdits.putExam(f, previousCode, exam));
    }

    public Saved deleteExam(String code, String version, Actor actor, String examCode) {
        return change(code, version, actor, "EXAM_DELETED", "Épreuve " + examCode + " supprimée", null, null,
                f -> DraftEdits.deleteExam(f, examCode));
    }

    /** R14 ({@link CrossReferentialLinkPolicy}): a link to another referential's item needs it published. */
    public Saved addAssociation(String code, String version, Actor actor, AssociationSpec link) {
        String other = blankToNull(link.destinationFramework());
        if (other != null && !other.equals(code)) {
            String itemCode = blankToNull(link.destinationCode());
            boolean found;
            try {
                catalog.item(other, itemCode == null ? "" : itemCode);
                found = true;
            } catch (NotFoundException e) {
                found = false;
            }
            CrossReferentialLinkPolicy.checkAll(new CrossReferentialLinkPolicy.Link(link.originCode(), other, itemCode,
                    found)).orBadInput();
        }
        return change(code, version, actor, "ASSOCIATION_ADDED", "Lien ajouté depuis " + link.originCode(), null,
                link.originCode(), f -> DraftEdits.addAssociation(f, link));
    }

    public Saved deleteAssociation(String code, String version, Actor actor, int index) {
        return change(code, version, actor, "ASSOCIATION_DELETED", "Lien n° " + (index + 1) + " supprimé", null,
                null, f -> DraftEdits.deleteAssociation(f, index));
    }

    /** Restores the draft as it was before its latest change, and forgets that step. */
    public Saved undo(String code, String version, Actor actor) {
        locks.lockVersionRow(code, version);
        long id = sync.draftId(code, version);
        lock(id, actor, true);
        DraftChange last = journal.findFirstByFrameworkIdOrderByIdDesc(id)
                .orElseThrow(() -> new ConflictException("Rien à annuler : aucune modification enregistrée sur ce brouillon."));
        CanonicalFramework snapshot;
        try {
            snapshot = json.readValue(last.getSnapshot(), CanonicalFramework.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        sync.apply(code, version, snapshot);
        journal.delete(last);
        events.publishEvent(AuditEvent.of("CHANGE_UNDONE", "FRAMEWORK", code).by(actor.email())
                .change(new Trace(version, last.getSummary(), null), new Trace(version, "Annulé : " + last.getSummary(), null)));
        journal.flush();
        return new Saved("Annulé : " + last.getSummary(), clock.instant(), undoSummary(id));
    }

    /** What "undo" would revert now, or null. */
    public String undoSummary(String code, String version) {
        return undoSummary(sync.draftId(code, version));
    }

    /** What the audit trail keeps of a change: the version, what was done, the touched element before/after. */
    record Trace(String version, String summary, Object element) {
    }

    private Saved change(String code, String version, Actor actor, String action, String summary, String fieldKey,
            String subject, UnaryOperator<CanonicalFramework> edit) {
        locks.lockVersionRow(code, version); // before anything of the draft is read
        long id = sync.draftId(code, version);
        lock(id, actor, true);
        CanonicalFramework before = sync.read(code, version);
        CanonicalFramework after = edit.apply(before);
        if (after.equals(before)) {
            return new Saved("Aucun changement", clock.instant(), undoSummary(id));
        }
        sync.apply(code, version, after);
        Instant now = clock.instant();
        record(id, actor, summary, fieldKey, before, now);
        events.publishEvent(AuditEvent.of(action, "FRAMEWORK", code).by(actor.email())
                .change(new Trace(version, summary, element(before, subject)),
                        new Trace(version, summary, element(after, subject))));
        return new Saved(summary, now, undoSummary(id));
    }

    private void record(long id, Actor actor, String summary, String fieldKey, CanonicalFramework before,
            Instant now) {
        DraftChangeRepository.Step last = journal.latest(id).orElse(null);
        if (fieldKey != null && last != null && fieldKey.equals(last.fieldKey())
                && last.authorEmail().equalsIgnoreCase(actor.email())
                && !last.changedAt().plus(COALESCE).isBefore(now)) {
            journal.touch(last.id(), now); // the same field still being typed: the step keeps its older snapshot
            return;
        }
        try {
            journal.save(new DraftChange(id, actor.email(), now, summary, fieldKey, json.writeValueAsString(before)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        List<Long> ids = journal.idsNewestFirst(id);
        if (ids.size() > JOURNAL_SIZE) {
            journal.deleteAllByIdInBatch(ids.subList(JOURNAL_SIZE, ids.size()));
        }
    }

    private String undoSummary(long id) {
        return journal.latest(id).map(DraftChangeRepository.Step::summary).orElse(null);
    }

    private static Item element(CanonicalFramework f, String itemCode) {
        return itemCode == null ? null : DraftEdits.find(f, itemCode);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
