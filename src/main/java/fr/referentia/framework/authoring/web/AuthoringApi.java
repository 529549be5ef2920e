package fr.referentia.framework.authoring.web;

import fr.referentia.framework.AssociationType;
import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.Framework;
import fr.referentia.framework.FrameworkKind;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.ItemType;
import fr.referentia.framework.authoring.DraftAuthoring;
import fr.referentia.framework.authoring.DraftAuthoring.LockState;
import fr.referentia.framework.authoring.DraftAuthoring.Saved;
import fr.referentia.framework.authoring.DraftEdits.Direction;
import fr.referentia.framework.authoring.DraftEdits.HeaderChange;
import fr.referentia.framework.authoring.DraftEdits.ItemChange;
import fr.referentia.shared.BadInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Authoring of draft referentials through the API (role BRANCH_ADMIN); the editor page's script uses it too. */
@RestController
@RequestMapping("/api/v1/frameworks")
@Tag(name = "Rédaction", description = "Créer un référentiel et modifier une version brouillon (rôle BRANCH_ADMIN)")
class AuthoringApi {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Paris"));
    private static final String DRAFT = "/{code}/versions/{version}";

    private final DraftAuthoring authoring;
    private final FrameworkVersions versions;
    private final Authors authors;

    AuthoringApi(DraftAuthoring authoring, FrameworkVersions versions, Authors authors) {
        this.authoring = authoring;
        this.versions = versions;
        this.authors = authors;
    }

    record NewFramework(String code, String title, FrameworkKind kind, String version) {
    }

    record Created(String code, String title, FrameworkKind kind, String version, FrameworkStatus status) {
    }

    record NewItem(String parentCode, Integer position, String code, ItemType type, String text) {
    }

    /** Either a keyboard gesture, or a new parent (null: the root) and 1-based position. */
    record Move(Direction direction, String parentCode, Integer position) {
    }

    record NewLink(AssociationType type, String originCode, String destinationFramework, String destinationCode,
            String destinationLabel) {
    }

    /** A change done: what it was, when (ISO and Paris "HH:mm"), and what "undo" would revert now. */
    record Change(String summary, Instant at, String time, String undo) {

        static Change of(Saved saved) {
            return new Change(saved.summary(), saved.at(), TIME.format(saved.at()), saved.undo());
        }
    }

    record Lock(boolean mine, String holder, Instant since, String message) {

        static Lock of(LockState state) {
            return new Lock(state.mine(), state.holderName(), state.since(), state.message());
        }
    }

    @PostMapping
    @Operation(summary = "Crée un référentiel : une version brouillon vide, visible des seuls BRANCH_ADMIN jusqu'à sa publication")
    ResponseEntity<Created> create(@RequestBody(required = false) NewFramework body) {
        NewFramework input = body == null ? new NewFramework(null, null, null, null) : body;
        Framework f = versions.createFramework(input.code(), input.title(), input.kind(), input.version());
        URI location = UriComponentsBuilder.fromPath("/api/v1/frameworks/{code}/versions/{version}")
                .buildAndExpand(f.getCode(), f.getVersion()).encode().toUri();
        return ResponseEntity.created(location)
                .body(new Created(f.getCode(), f.getTitle(), f.getKind(), f.getVersion(), f.getStatus()));
    }

    @PatchMapping(DRAFT)
    @Operation(summary = "Modifie l'en-tête d'un brouillon : titre, émetteur, présentation, code RNCP, tolérance de maîtrise")
    Change header(@PathVariable String code, @PathVariable String version,
            @RequestBody(required = false) HeaderChange body, Authentication who) {
        return Change.of(authoring.editHeader(code, version, authors.of(who), require(body)));
    }

    @PostMapping(DRAFT + "/items")
    @Operation(summary = "Ajoute un élément sous un parent (aucun : à la racine), à une position (aucune : à la fin)")
    ResponseEntity<Change> addItem(@PathVariable String code, @PathVariable String version,
            @RequestBody(required = false) NewItem body, Authentication who) {
        NewItem item = require(body);
        Saved saved = authoring.addItem(code, version, authors.of(who), item.parentCode(), item.position(),
                item.code(), item.type(), item.text());
        return ResponseEntity.status(201).body(Change.of(saved));
    }

    @PatchMapping(DRAFT + "/items/{itemCode}")
    @Operation(summary = "Modifie le texte, le contexte ou le caractère incontournable (éléments de compétence, R7) d'un élément")
    Change editItem(@PathVariable String code, @PathVariable String version, @PathVariable String itemCode,
            @RequestBody(required = false) ItemChange body, Authentication who) {
        return Change.of(authoring.editItem(code, version, authors.of(who), itemCode, require(body)));
    }

    @PostMapping(DRAFT + "/items/{itemCode}/move")
    @Operation(summary = "Déplace un élément et ses sous-éléments : direction UP, DOWN, OUTDENT, INDENT, ou parentCode et position")
    Change move(@PathVariable String code, @PathVariable String version, @PathVariable String itemCode,
            @RequestBody(required = false) Move body, Authentication who) {
        Move move = require(body);
        if (move.direction() != null) {
            return Change.of(authoring.moveItem(code, version, authors.of(who), itemCode, move.direction()));
        }
        if (move.position() == null) {
            throw new BadInputException("Indiquez une direction (UP, DOWN, OUTDENT, INDENT) ou une position.");
        }
        return Change.of(authoring.moveItem(code, version, authors.of(who), itemCode, move.parentCode(),
                move.position()));
    }

    @DeleteMapping(DRAFT + "/items/{itemCode}")
    @Operation(summary = "Supprime un élément, ses sous-éléments et les liens et références d'épreuves qui y mènent")
    Change deleteItem(@PathVariable String code, @PathVariable String version, @PathVariable String itemCode,
            Authentication who) {
        return Change.of(authoring.deleteItem(code, version, authors.of(who), itemCode));
    }

    @PostMapping(DRAFT + "/exams")
    @Operation(summary = "Ajoute une épreuve : code, titre, modalité, lieu, parties (libellé, minutes), durée, points vérifiés, éléments évalués")
    ResponseEntity<Change> addExam(@PathVariable String code, @PathVariable String version,
            @RequestBody(required = false) ExamSpec body, Authentication who) {
        return ResponseEntity.status(201)
                .body(Change.of(authoring.putExam(code, version, authors.of(who), null, require(body))));
    }

    @PutMapping(DRAFT + "/exams/{examCode}")
    @Operation(summary = "Remplace une épreuve (son code peut changer)")
    Change putExam(@PathVariable String code, @PathVariable String version, @PathVariable String examCode,
            @RequestBody(required = false) ExamSpec body, Authentication who) {
        return Change.of(authoring.putExam(code, version, authors.of(who), examCode, require(body)));
    }

    @DeleteMapping(DRAFT + "/exams/{examCode}")
    @Operation(summary = "Supprime une épreuve")
    Change deleteExam(@PathVariable String code, @PathVariable String version, @PathVariable String examCode,
            Authentication who) {
        return Change.of(authoring.deleteExam(code, version, authors.of(who), examCode));
    }

    @PostMapping(DRAFT + "/associations")
    @Operation(summary = "Ajoute un lien depuis un élément : vers un élément du brouillon, d'un autre référentiel "
            + "(destinationFramework + destinationCode, R14) ou vers un libellé (certificat hors du système)")
    ResponseEntity<Change> addLink(@PathVariable String code, @PathVariable String version,
            @RequestBody(required = false) NewLink body, Authentication who) {
        NewLink link = require(body);
        return ResponseEntity.status(201).body(Change.of(authoring.addAssociation(code, version, authors.of(who),
                new AssociationSpec(link.type(), link.originCode(), link.destinationFramework(),
                        link.destinationCode(), link.destinationLabel()))));
    }

    @DeleteMapping(DRAFT + "/associations/{number}")
    @Operation(summary = "Supprime le lien de ce numéro (1 pour le premier, dans l'ordre de la forme canonique)")
    Change deleteLink(@PathVariable String code, @PathVariable String version, @PathVariable int number,
            Authentication who) {
        return Change.of(authoring.deleteAssociation(code, version, authors.of(who), number - 1));
    }

    /** A confirmation of an irreversible action: the referential's code, typed again; a reason for a retirement. */
    record Confirmation(String confirmation, String reason) {
    }

    record RetiredVersion(String code, String version, FrameworkStatus status) {
    }

    @DeleteMapping(DRAFT)
    @Operation(summary = "Abandonne une version brouillon (supprimée avec son contenu, tracée au journal) ; "
            + "confirmation = le code du référentiel, obligatoire ; 409 pour une version publiée ou si un autre "
            + "rédacteur tient le verrou d'édition")
    ResponseEntity<Void> discard(@PathVariable String code, @PathVariable String version,
            @RequestParam(required = false) String confirmation, Authentication who) {
        authoring.discard(code, version, authors.of(who), confirmation);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{code}/retirement")
    @Operation(summary = "Retire un référentiel publié : il quitte la liste et la recherche, ses versions restent "
            + "lisibles à leur adresse ; corps {\"confirmation\": code du référentiel, \"reason\": motif facultatif}")
    List<RetiredVersion> retire(@PathVariable String code, @RequestBody(required = false) Confirmation body,
            Authentication who) {
        Confirmation confirmation = require(body);
        FrameworkVersions.requireConfirmation(code, confirmation.confirmation());
        return versions.retire(code, confirmation.reason(), who.getName()).stream()
                .map(f -> new RetiredVersion(f.getCode(), f.getVersion(), f.getStatus())).toList();
    }

    @PostMapping(DRAFT + "/undo")
    @Operation(summary = "Annule la dernière modification du brouillon (20 au plus sont gardées)")
    Change undo(@PathVariable String code, @PathVariable String version, Authentication who) {
        return Change.of(authoring.undo(code, version, authors.of(who)));
    }

    @PostMapping(DRAFT + "/lock")
    @Operation(summary = "Prend ou renouvelle le verrou d'édition (libre après 5 minutes sans renouvellement) ; 409 s'il est à un autre")
    Lock lock(@PathVariable String code, @PathVariable String version, Authentication who) {
        return Lock.of(authoring.renew(code, version, authors.of(who)));
    }

    @DeleteMapping(DRAFT + "/lock")
    @Operation(summary = "Libère le verrou d'édition (« Terminer l'édition »)")
    ResponseEntity<Void> unlock(@PathVariable String code, @PathVariable String version, Authentication who) {
        authoring.release(code, version, authors.of(who));
        return ResponseEntity.noContent().build();
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new BadInputException("Corps JSON attendu.");
        }
        return body;
    }
}
