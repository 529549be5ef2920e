package fr.referentia.framework.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.account.AuditEntry;
import fr.referentia.account.AuditFilter;
import fr.referentia.account.AuditTrail;
import fr.referentia.framework.AssociationType;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.PartSpec;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkExporter;
import fr.referentia.framework.FrameworkImporter;
import fr.referentia.framework.FrameworkVersionFrozenException;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.ItemType;
import fr.referentia.framework.authoring.DraftAuthoring.Actor;
import fr.referentia.framework.authoring.DraftEdits.Direction;
import fr.referentia.framework.authoring.DraftEdits.HeaderChange;
import fr.referentia.framework.authoring.DraftEdits.ItemChange;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Authoring a draft on real PostgreSQL: a copy of the seed 002 under a fresh code, with a draft
 * version "2026-01" opened by the branch administrator.
 */
@IntegrationTest
class AuthoringIntegrationTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String PASSWORD = "referentia-demo";
    static final String DRAFT = "2026-01";
    static final Actor ALICE = new Actor(ADMIN, ADMIN);
    static final Actor BOB = new Actor("autre-admin@demo.referentia.fr", "Bob Autre");

    @Autowired
    MockMvc mvc;

    @Autowired
    FrameworkImporter importer;

    @Autowired
    FrameworkVersions versions;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    FrameworkExporter exporter;

    @Autowired
    DraftAuthoring authoring;

    @Autowired
    AuditTrail audit;

    String code;

    @BeforeEach
    void draftOfACopyOfTheSeed() throws Exception {
        code = "AUTHORING-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        importer.importFramework(AuthoringFixtures.small(code));
        versions.createDraft(code, DRAFT);
    }

    CanonicalFramework draft() {
        return exporter.toCanonical(code, DRAFT, true);
    }

    List<String> childrenOf(String parent) {
        return draft().items().stream().filter(i -> parent.equals(i.parentCode()))
                .map(i -> i.code() + "#" + i.position()).toList();
    }

    @Test
    void eachOperationChangesTheDraftRowsAndIsAudited() {
        List<String> before = childrenOf("C1");
        authoring.addItem(code, DRAFT, ALICE, "C1", 1, "C1.N1", ItemType.CRITERION, "Nouveau critère");
        assertThat(childrenOf("C1").get(0)).isEqualTo("C1.N1#1");
        assertThat(childrenOf("C1")).hasSize(before.size() + 1);

        authoring.editItem(code, DRAFT, ALICE, "C1.N1", new ItemChange("Critère reformulé", null, null));
        assertThat(catalog.item(code, DRAFT, "C1.N1", true).item().text()).isEqualTo("Critère reformulé");

        authoring.moveItem(code, DRAFT, ALICE, "C1.N1", Direction.DOWN);
        assertThat(childrenOf("C1").get(1)).isEqualTo("C1.N1#2");
        authoring.moveItem(code, DRAFT, ALICE, "C1.N1", "C2", 1);
        assertThat(childrenOf("C2").get(0)).isEqualTo("C1.N1#1");
        assertThat(childrenOf("C1")).hasSize(before.size());

        authoring.editHeader(code, DRAFT, ALICE, new HeaderChange("Titre révisé", "CPNEF", null, "RNCP1", 1));
        assertThat(catalog.outline(code, DRAFT, true).masteryTolerance()).isEqualTo(1);
        assertThat(catalog.outline(code, DRAFT, true).summary().title()).isEqualTo("Titre révisé");

        authoring.putExam(code, DRAFT, ALICE, null, new ExamSpec("EP9", "Épreuve 9", "Oral", "À distance", null,
                List.of(new PartSpec("Préparation", 10), new PartSpec("Oral", 20)), List.of("C1.N1"),
                List.of("Clarté")));
        var exam = catalog.outline(code, DRAFT, true).exams().stream().filter(e -> e.code().equals("EP9"))
                .findFirst().orElseThrow();
        assertThat(exam.totalMinutes()).isEqualTo(30);
        assertThat(exam.itemCodes()).containsExactly("C1.N1");

        authoring.addAssociation(code, DRAFT, ALICE,
                new AssociationSpec(AssociationType.VALIDATES, "C1.N1", null, null, "certificat de Compétences Services – Relation Client"));
        authoring.addAssociation(code, DRAFT, ALICE,
                new AssociationSpec(AssociationType.EXACT_MATCH_OF, "C1.N1", "CQP-CONSEILLER-COMMERCIAL", "C1", null));
        var links = catalog.item(code, DRAFT, "C1.N1", true).associations();
        assertThat(links).extracting(l -> l.destinationFramework() + "/" + l.destinationCode() + "/" + l.destinationLabel())
                .containsExactlyInAnyOrder("null/null/certificat de Compétences Services – Relation Client",
                        "CQP-CONSEILLER-COMMERCIAL/C1/null");
        assertThatThrownBy(() -> authoring.addAssociation(code, DRAFT, ALICE,
                new AssociationSpec(AssociationType.VALIDATES, "C1.N1", "CQP-CONSEILLER-COMMERCIAL", "C99", null)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("C99");

        authoring.deleteItem(code, DRAFT, ALICE, "C1.N1");
        assertThat(draft().items()).noneMatch(i -> i.code().equals("C1.N1"));
        assertThat(draft().associations()).noneMatch(a -> "C1.N1".equals(a.originCode()));
        assertThat(draft().exams().stream().filter(e -> e.code().equals("EP9")).findFirst().orElseThrow().itemCodes())
                .isEmpty();
        // The published version has not moved.
        assertThat(catalog.outline(code).summary().title()).isNotEqualTo("Titre révisé");

        List<String> actions = audit.search(new AuditFilter(null, "FRAMEWORK", code, null, null), 0).entries()
                .stream().map(AuditEntry::getAction).toList();
        assertThat(actions).contains("FRAMEWORK_ITEM_ADDED", "FRAMEWORK_ITEM_EDITED", "FRAMEWORK_ITEM_MOVED",
                "FRAMEWORK_HEADER_EDITED", "EXAM_CHANGED", "ASSOCIATION_ADDED", "FRAMEWORK_ITEM_DELETED");
    }

    @Test
    void aRefusedChangeChangesNothing() {
        CanonicalFramework before = draft();
        String undo = authoring.undoSummary(code, DRAFT);
        assertThatThrownBy(() -> authoring.moveItem(code, DRAFT, ALICE, "C1", "C1.E1", 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("propre sous-élément");
        assertThatThrownBy(() -> authoring.addItem(code, DRAFT, ALICE, "C1", null, "C2", ItemType.CRITERION, "x"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("existe déjà");
        assertThatThrownBy(() -> authoring.editItem(code, DRAFT, ALICE, "C1", new ItemChange(null, null, true)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("Seul un élément de compétence peut être incontournable");
        assertThatThrownBy(() -> authoring.editHeader(code, DRAFT, ALICE, new HeaderChange("T", null, null, null, -3)))
                .isInstanceOf(BadInputException.class);
        assertThat(draft()).isEqualTo(before);
        assertThat(authoring.undoSummary(code, DRAFT)).isEqualTo(undo);
    }

    @Test
    void undoRestoresTheDraftAsItWasAndAutosavesOfOneFieldMakeOneStep() {
        CanonicalFramework original = draft();
        String text = DraftEdits.find(original, "C1").text();
        authoring.editItem(code, DRAFT, ALICE, "C1", new ItemChange(text + " a", null, null));
        authoring.editItem(code, DRAFT, ALICE, "C1", new ItemChange(text + " ab", null, null));
        authoring.editItem(code, DRAFT, ALICE, "C1", new ItemChange(text + " abc", null, null));
        assertThat(authoring.undoSummary(code, DRAFT)).isEqualTo("Texte de C1 modifié");
        authoring.deleteItem(code, DRAFT, ALICE, "C2");
        assertThat(authoring.undoSummary(code, DRAFT)).isEqualTo("C2 supprimé");

        authoring.undo(code, DRAFT, ALICE);
        assertThat(DraftEdits.find(draft(), "C2")).isNotNull();
        assertThat(DraftEdits.find(draft(), "C1").text()).isEqualTo(text + " abc");
        authoring.undo(code, DRAFT, ALICE); // one step for the three autosaves
        assertThat(draft()).isEqualTo(original);
        assertThatThrownBy(() -> authoring.undo(code, DRAFT, ALICE)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Rien à annuler");
    }

    @Test
    void concurrentAutosavesOfTwoItemsBothLand() throws Exception {
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> {
                start.await();
                return authoring.editItem(code, DRAFT, ALICE, "C1.E1", new ItemChange("Pétrir longuement", null, null));
            });
            var second = pool.submit(() -> {
                start.await();
                return authoring.editItem(code, DRAFT, ALICE, "C2.E1", new ItemChange("Choisir l'émail mat", null, null));
            });
            start.countDown();
            first.get();
            second.get();
        } finally {
            pool.shutdown();
        }
        assertThat(DraftEdits.find(draft(), "C1.E1").text()).isEqualTo("Pétrir longuement");
        assertThat(DraftEdits.find(draft(), "C2.E1").text()).isEqualTo("Choisir l'émail mat");
    }

    @Test
    void theJournalKeepsTwentySteps() {
        for (int i = 0; i < 22; i++) {
            authoring.moveItem(code, DRAFT, ALICE, "C1", i % 2 == 0 ? Direction.DOWN : Direction.UP);
        }
        int undone = 0;
        while (authoring.undoSummary(code, DRAFT) != null) {
            authoring.undo(code, DRAFT, ALICE);
            undone++;
        }
        assertThat(undone).isEqualTo(DraftAuthoring.JOURNAL_SIZE);
    }

    @Test
    void anotherAuthorReadsOnlyAndTheirWritesAreRefusedUntilTheLockIsReleased() throws Exception {
        assertThat(authoring.renew(code, DRAFT, ALICE).mine()).isTrue();
        var bobView = authoring.open(code, DRAFT, BOB).lock();
        assertThat(bobView.mine()).isFalse();
        assertThat(bobView.editable()).isFalse();
        assertThat(bobView.message()).matches("Ce brouillon est en cours de modification par "
                + ADMIN.replace(".", "\\.") + " depuis \\d\\d:\\d\\d\\.");
        CanonicalFramework before = draft();
        assertThatThrownBy(() -> authoring.editItem(code, DRAFT, BOB, "C1", new ItemChange("Texte de Bob", null, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("en cours de modification par");
        assertThatThrownBy(() -> authoring.undo(code, DRAFT, BOB)).isInstanceOf(ConflictException.class);
        assertThat(draft()).isEqualTo(before);

        // Through the API, the holder's lock is a 409 problem in French for anyone else... and released at the end.
        authoring.release(code, DRAFT, ALICE);
        assertThat(authoring.renew(code, DRAFT, BOB).mine()).isTrue();
        mvc.perform(asAdmin(patch(api("/items/C1"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Texte d'Alice\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("en cours de modification par Bob Autre")));
        authoring.release(code, DRAFT, BOB);
        mvc.perform(asAdmin(patch(api("/items/C1"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Texte d'Alice\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary", is("Texte de C1 modifié")))
                .andExpect(jsonPath("$.undo", is("Texte de C1 modifié")));
        // The holder is named by their account's display name.
        assertThat(authoring.open(code, DRAFT, BOB).lock().message())
                .startsWith("Ce brouillon est en cours de modification par Démo ");
    }

    @Test
    void openingTheEditorTakesNoLockAndTheFirstChangeTakesIt() {
        var aliceView = authoring.open(code, DRAFT, ALICE).lock();
        assertThat(aliceView.editable()).isTrue();
        assertThat(aliceView.mine()).isFalse();
        // Alice opened the editor and went away: Bob still edits, and his first change takes the lock.
        assertThat(authoring.open(code, DRAFT, BOB).lock().editable()).isTrue();
        authoring.editItem(code, DRAFT, BOB, "C1", new ItemChange("Texte de Bob", null, null));

        var bobView = authoring.open(code, DRAFT, BOB).lock();
        assertThat(bobView.mine()).isTrue();
        var aliceNow = authoring.open(code, DRAFT, ALICE).lock();
        assertThat(aliceNow.editable()).isFalse();
        assertThat(aliceNow.message()).startsWith("Ce brouillon est en cours de modification par Bob Autre depuis");
        assertThatThrownBy(() -> authoring.editItem(code, DRAFT, ALICE, "C1", new ItemChange("Texte d'Alice", null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(DraftEdits.find(draft(), "C1").text()).isEqualTo("Texte de Bob");
        authoring.release(code, DRAFT, BOB);
    }

    @Test
    void aPublishedVersionRefusesEveryChange() throws Exception {
        assertThatThrownBy(() -> authoring.editItem(code, AuthoringFixtures.PUBLISHED, ALICE, "C1", new ItemChange("x", null, null)))
                .isInstanceOf(FrameworkVersionFrozenException.class);
        mvc.perform(asAdmin(post("/api/v1/frameworks/" + code + "/versions/" + AuthoringFixtures.PUBLISHED + "/items"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"X1\", \"type\": \"COMPETENCY\", \"text\": \"x\"}"))
                .andExpect(status().isConflict());
        mvc.perform(asAdmin(post(api("/items/C1/move"))).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("direction")));
    }

    @Test
    void theApiWritesForBranchAdministratorsOnly() throws Exception {
        mvc.perform(post(api("/items")).with(httpBasic("observer@demo.referentia.fr", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\": \"C1\", \"code\": \"C1.X\", \"type\": \"CRITERION\", \"text\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(asAdmin(post(api("/items"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\": \"C1\", \"code\": \"C1.X\", \"type\": \"CRITERION\", \"text\": \"<script>alert(1)</script>\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.summary", is("Élément C1.X ajouté")));
        assertThat(DraftEdits.find(draft(), "C1.X").text()).isEqualTo("<script>alert(1)</script>");
        mvc.perform(asAdmin(post(api("/items/C1.X/move"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"direction\": \"UP\"}"))
                .andExpect(status().isOk());
        mvc.perform(asAdmin(post(api("/associations"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"VALIDATES\", \"originCode\": \"C1.X\", \"destinationFramework\": \"CQP-CONSEILLER-COMMERCIAL\", \"destinationCode\": \"C2\"}"))
                .andExpect(status().isCreated());
        mvc.perform(asAdmin(post(api("/exams"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"EPX\", \"title\": \"Épreuve X\", \"parts\": [{\"label\": \"Oral\", \"minutes\": 20}], \"itemCodes\": [\"C1.X\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(asAdmin(delete(api("/exams/EPX")))).andExpect(status().isOk());
        mvc.perform(asAdmin(delete(api("/items/C1.X")))).andExpect(status().isOk());
        mvc.perform(asAdmin(post(api("/undo")))).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary", is("Annulé : C1.X supprimé")));
        assertThat(draft().associations()).anyMatch(a -> "CQP-CONSEILLER-COMMERCIAL".equals(a.destinationFramework()));
        mvc.perform(asAdmin(delete(api("/items/INCONNU")))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("INCONNU")));
        mvc.perform(asAdmin(post(api("/lock")))).andExpect(status().isOk()).andExpect(jsonPath("$.mine", is(true)));
        mvc.perform(asAdmin(delete(api("/lock")))).andExpect(status().isNoContent());
    }

    @Test
    void aNewReferentialIsAnEmptyDraftSeenByBranchAdministratorsOnly() throws Exception {
        String fresh = "NOUVEAU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(asAdmin(post("/api/v1/frameworks")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + fresh + "\", \"title\": \"CQP Assistant\", \"kind\": \"CQP\", \"version\": \"v1\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("DRAFT")));
        mvc.perform(asAdmin(post("/api/v1/frameworks")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + fresh + "\", \"title\": \"Doublon\", \"kind\": \"CQP\", \"version\": \"v1\"}"))
                .andExpect(status().isConflict());
        assertThat(catalog.outline(fresh, "v1", true).masteryTolerance()).isEqualTo(DraftEdits.DEFAULT_MASTERY_TOLERANCE);
        assertThat(catalog.list()).noneMatch(s -> s.code().equals(fresh));
        mvc.perform(get("/api/v1/frameworks/" + fresh + "/versions/v1")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/frameworks/" + fresh + "/versions/v1")
                .with(httpBasic("observer@demo.referentia.fr", PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/referentiels/" + fresh)).andExpect(status().isNotFound());
        mvc.perform(asAdmin(post("/api/v1/frameworks/" + fresh + "/versions/v1/items"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"C1\", \"type\": \"COMPETENCY\", \"text\": \"Accueillir\"}"))
                .andExpect(status().isCreated());
        assertThat(catalog.outline(fresh, "v1", true).roots()).extracting(n -> n.code()).containsExactly("C1");
    }

    /**
     * The time of one change on a draft shaped like the largest seed (000: 7 domains, 36 activities,
     * 253 competencies; here 7 × 5 × 7 = 287 items of made-up words): printed, not asserted.
     */
    @Test
    void oneEditOnADraftAsLargeAsTheLargestSeed() {
        String big = "BIG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        importer.importFramework(AuthoringFixtures.synthetic(big, 7, 5, 7));
        versions.createDraft(big, DRAFT);
        String first = exporter.toCanonical(big, DRAFT, true).items().get(0).code();
        authoring.editItem(big, DRAFT, ALICE, first, new ItemChange("Échauffement", null, null));
        long start = System.nanoTime();
        int runs = 5;
        for (int i = 0; i < runs; i++) {
            authoring.moveItem(big, DRAFT, ALICE, first, i % 2 == 0 ? Direction.DOWN : Direction.UP);
        }
        long millis = (System.nanoTime() - start) / 1_000_000 / runs;
        System.out.printf("Authoring: one move on a draft of %d items: %d ms%n",
                exporter.toCanonical(big, DRAFT, true).items().size(), millis);
        assertThat(exporter.toCanonical(big, DRAFT, true).items().get(0).code()).isNotEqualTo(first);
    }

    String api(String path) {
        return "/api/v1/frameworks/" + code + "/versions/" + DRAFT + path;
    }

    static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(ADMIN, PASSWORD));
    }
}
