package fr.referentia.framework.authoring.web;

import fr.referentia.framework.AssociationType;
import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.PartSpec;
import fr.referentia.framework.ItemType;
import fr.referentia.framework.FrameworkVersionFrozenException;
import fr.referentia.framework.authoring.DraftAuthoring;
import fr.referentia.framework.authoring.DraftLockedException;
import fr.referentia.framework.authoring.DraftAuthoring.Editor;
import fr.referentia.framework.authoring.DraftAuthoring.Saved;
import fr.referentia.framework.authoring.DraftEdits;
import fr.referentia.framework.authoring.DraftEdits.Direction;
import fr.referentia.framework.authoring.DraftEdits.HeaderChange;
import fr.referentia.framework.authoring.DraftEdits.ItemChange;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The draft editor (branch administrators). Every operation is a plain form POST answered by a
 * redirect back with a French message, so the page works without JavaScript; editor.js enhances it
 * (autosave, Alt+↑/↓, drag and drop) through the API.
 */
@Controller
@RequestMapping("/referentiels/{code}/versions/{version}/edition")
class AuthoringPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Paris"));

    private final DraftAuthoring authoring;
    private final Authors authors;
    // The current request (a proxy): every form of a split editor sends the branch shown, to come back to it.
    private final HttpServletRequest request;

    AuthoringPages(DraftAuthoring authoring, Authors authors, HttpServletRequest request) {
        this.authoring = authoring;
        this.authors = authors;
        this.request = request;
    }

    /** {@code branche}: the item whose branch is shown, when the draft is too big to show at once. */
    @GetMapping
    String editor(@PathVariable String code, @PathVariable String version,
            @RequestParam(required = false) String branche, Model model, Authentication who) {
        Editor editor = authoring.open(code, version, authors.of(who));
        model.addAttribute("draft", editor.draft());
        model.addAttribute("f", editor.draft().framework());
        EditorTree tree = EditorTree.of(editor.draft());
        if (EditorTree.split(editor.draft())) {
            EditorTree.Row shown = tree.branch(branche);
            model.addAttribute("branches", tree.roots());
            model.addAttribute("branch", shown == null ? null : shown.item().code());
            model.addAttribute("branchPath", shown == null ? List.of()
                    : EditorTree.pathTo(tree.roots(), shown.item().code()));
            model.addAttribute("tree", shown == null ? List.of() : List.of(EditorTree.shown(shown)));
        } else {
            model.addAttribute("tree", tree.roots());
        }
        model.addAttribute("lock", editor.lock());
        model.addAttribute("undo", editor.undo());
        model.addAttribute("itemTypes", ItemType.values());
        model.addAttribute("linkTypes", DraftEdits.offeredLinkTypes());
        model.addAttribute("base", base(code, version));
        return "framework/editor";
    }

    @PostMapping("/elements")
    String addItem(@PathVariable String code, @PathVariable String version,
            @RequestParam(required = false) String parentCode, @RequestParam(required = false) Integer position,
            @RequestParam(required = false) String itemCode, @RequestParam(required = false) ItemType type,
            @RequestParam(required = false) String text, Authentication who, RedirectAttributes flash) {
        return apply(code, version, flash, itemCode, () -> authoring.addItem(code, version, authors.of(who),
                parentCode, position, itemCode, type, text));
    }

    /** {@code essentialShown}: the form had the checkbox (an unchecked box sends nothing). */
    @PostMapping("/elements/{itemCode}")
    String editItem(@PathVariable String code, @PathVariable String version, @PathVariable String itemCode,
            @RequestParam(required = false) String text, @RequestParam(required = false) String context,
            @RequestParam(defaultValue = "false") boolean essentialShown,
            @RequestParam(required = false) String essential, Authentication who, RedirectAttributes flash) {
        ItemChange change = new ItemChange(text, context == null ? null : context,
                essentialShown ? Boolean.valueOf(essential != null) : null);
        return apply(code, version, flash, itemCode,
                () -> authoring.editItem(code, version, authors.of(who), itemCode, change));
    }

    /** The item's less frequent actions (add a child, move elsewhere, delete), kept off the editor page to keep it light. */
    @GetMapping("/elements/{itemCode}")
    String itemActions(@PathVariable String code, @PathVariable String version, @PathVariable String itemCode,
            Model model, Authentication who) {
        Editor editor = authoring.open(code, version, authors.of(who));
        model.addAttribute("f", editor.draft().framework());
        model.addAttribute("item", existing(editor, itemCode));
        model.addAttribute("itemTypes", ItemType.values());
        model.addAttribute("lock", editor.lock());
        model.addAttribute("branch", branchOf(editor, itemCode));
        model.addAttribute("base", base(code, version));
        return "framework/editor-item";
    }

    @PostMapping("/elements/{itemCode}/deplacement")
    String move(@PathVariable String code, @PathVariable String version, @PathVariable String itemCode,
            @RequestParam(required = false) Direction direction, @RequestParam(required = false) String parentCode,
            @RequestParam(required = false) Integer position, Authentication who, RedirectAttributes flash) {
        return apply(code, version, flash, itemCode, () -> {
            if (direction != null) {
                return authoring.moveItem(code, version, authors.of(who), itemCode, direction);
            }
            if (position == null) {
                throw new BadInputException("Indiquez un sens de déplacement ou une position.");
            }
            return authoring.moveItem(code, version, authors.of(who), itemCode, parentCode, position);
        });
    }

    @GetMapping("/elements/{itemCode}/suppression")
    String confirmDeletion(@PathVariable String code, @PathVariable String version, @PathVariable String itemCode,
            Model model, Authentication who) {
        Editor editor = authoring.open(code, version, authors.of(who));
        model.addAttribute("f", editor.draft().framework());
        model.addAttribute("item", existing(editor, itemCode));
        model.addAttribute("count", DraftEdits.subtreeSize(editor.draft(), itemCode));
        model.addAttribute("lock", editor.lock());
        model.addAttribute("branch", branchOf(editor, itemCode));
        model.addAttribute("base", base(code, version));
        return "framework/editor-delete";
    }

    @PostMapping("/elements/{itemCode}/suppression")
    String deleteItem(@PathVariable String code, @PathVariable String version, @PathVariable String itemCode,
            Authentication who, RedirectAttributes flash) {
        return apply(code, version, flash, null,
                () -> authoring.deleteItem(code, version, authors.of(who), itemCode));
    }

    @PostMapping("/en-tete")
    String header(@PathVariable String code, @PathVariable String version,
            @RequestParam(required = false) String title, @RequestParam(required = false) String issuer,
            @RequestParam(required = false) String description, @RequestParam(required = false) String rncpCode,
            @RequestParam(required = false) Integer masteryTolerance, Authentication who, RedirectAttributes flash) {
        return apply(code, version, flash, "en-tete", () -> authoring.editHeader(code, version, authors.of(who),
                new HeaderChange(title, issuer, description, rncpCode, masteryTolerance)));
    }

    @PostMapping("/epreuves")
    String addExam(@PathVariable String code, @PathVariable String version, ExamForm form, Authentication who,
            RedirectAttributes flash) {
        return apply(code, version, flash, "epreuves",
                () -> authoring.putExam(code, version, authors.of(who), null, form.spec()));
    }

    @PostMapping("/epreuves/{examCode}")
    String putExam(@PathVariable String code, @PathVariable String version, @PathVariable String examCode,
            ExamForm form, Authentication who, RedirectAttributes flash) {
        return apply(code, version, flash, "epreuves",
                () -> authoring.putExam(code, version, authors.of(who), examCode, form.spec()));
    }

    @PostMapping("/epreuves/{examCode}/suppression")
    String deleteExam(@PathVariable String code, @PathVariable String version, @PathVariable String examCode,
            Authentication who, RedirectAttributes flash) {
        return apply(code, version, flash, "epreuves",
                () -> authoring.deleteExam(code, version, authors.of(who), examCode));
    }

    @PostMapping("/liens")
    String addLink(@PathVariable String code, @PathVariable String version,
            @RequestParam(required = false) AssociationType type, @RequestParam(required = false) String originCode,
            @RequestParam(required = false) String destinationFramework,
            @RequestParam(required = false) String destinationCode,
            @RequestParam(required = false) String destinationLabel, Authentication who, RedirectAttributes flash) {
        return apply(code, version, flash, "liens", () -> authoring.addAssociation(code, version, authors.of(who),
                new AssociationSpec(type, originCode, destinationFramework, destinationCode, destinationLabel)));
    }

    @PostMapping("/liens/{number}/suppression")
    String deleteLink(@PathVariable String code, @PathVariable String version, @PathVariable int number,
            Authentication who, RedirectAttributes flash) {
        return apply(code, version, flash, "liens",
                () -> authoring.deleteAssociation(code, version, authors.of(who), number - 1));
    }

    @PostMapping("/annulation")
    String undo(@PathVariable String code, @PathVariable String version, Authentication who,
            RedirectAttributes flash) {
        return apply(code, version, flash, null, () -> authoring.undo(code, version, authors.of(who)));
    }

    @PostMapping("/fin")
    String finish(@PathVariable String code, @PathVariable String version, Authentication who,
            RedirectAttributes flash) {
        authoring.release(code, version, authors.of(who));
        flash.addFlashAttribute("message", "Édition terminée : le brouillon est libre pour les autres rédacteurs.");
        return "redirect:" + UriComponentsBuilder.fromPath("/referentiels/{code}/versions/{version}")
                .buildAndExpand(code, version).encode().toUriString();
    }

    /** The exam form: parts one per line as « libellé ; minutes », checks one per line, item codes separated by commas. */
    record ExamForm(String examCode, String title, String modality, String place, Integer durationMinutes,
            String parts, String checks, String itemCodes) {

        ExamSpec spec() {
            List<PartSpec> partSpecs = new ArrayList<>();
            for (String line : lines(parts)) {
                int split = line.lastIndexOf(';');
                String minutes = split < 0 ? "" : line.substring(split + 1).strip();
                if (!minutes.matches("\\d{1,4}")) {
                    throw new BadInputException("Partie « " + line + " » : écrivez « libellé ; minutes », par exemple "
                            + "« Préparation ; 15 ».");
                }
                partSpecs.add(new PartSpec(line.substring(0, split).strip(), Integer.parseInt(minutes)));
            }
            List<String> codes = itemCodes == null ? List.of()
                    : Arrays.stream(itemCodes.split("[,;\\s]+")).filter(c -> !c.isBlank()).toList();
            return new ExamSpec(examCode, title, modality, place, durationMinutes, partSpecs, codes, lines(checks));
        }

        private static List<String> lines(String text) {
            return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    private String apply(String code, String version, RedirectAttributes flash, String anchor, Supplier<Saved> change) {
        try {
            Saved saved = change.get();
            flash.addFlashAttribute("message", saved.summary() + " (enregistré à " + TIME.format(saved.at()) + ").");
        } catch (BadInputException | ConflictException e) {
            // A frozen version, or a draft someone else is editing: a 409 page saying why, not a flash.
            if (e instanceof FrameworkVersionFrozenException || e instanceof DraftLockedException) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        String branch = request.getParameter("branche");
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/referentiels/{code}/versions/{version}/edition");
        if (branch != null && !branch.isBlank()) {
            back.queryParam("branche", "{branch}");
        }
        return "redirect:" + back.buildAndExpand(code, version, branch).encode().toUriString()
                + (anchor == null ? "" : "#" + anchorOf(anchor));
    }

    private static fr.referentia.framework.CanonicalFramework.Item existing(Editor editor, String itemCode) {
        var item = DraftEdits.find(editor.draft(), itemCode);
        if (item == null) {
            throw new NotFoundException("Ce brouillon n'a pas d'élément « " + itemCode + " ».");
        }
        return item;
    }

    /** The branch to come back to from an item's pages, when the editor is split: the one showing the item. */
    private static String branchOf(Editor editor, String itemCode) {
        return EditorTree.split(editor.draft()) ? EditorTree.of(editor.draft()).branchFor(itemCode) : null;
    }

    /** Encoded: an item code typed with a line break would otherwise split the redirect's header (a 500). */
    private static String anchorOf(String anchor) {
        return UriUtils.encodeFragment(switch (anchor) {
            case "en-tete", "epreuves", "liens" -> anchor;
            default -> "item-" + anchor;
        }, StandardCharsets.UTF_8);
    }

    static String base(String code, String version) {
        return UriComponentsBuilder.fromPath("/referentiels/{code}/versions/{version}/edition")
                .buildAndExpand(code, version).encode().toUriString();
    }
}
