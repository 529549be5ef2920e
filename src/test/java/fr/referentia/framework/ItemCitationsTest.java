package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import fr.referentia.framework.ItemSuccessor.Change;
import fr.referentia.framework.authoring.DraftAuthoring;
import fr.referentia.framework.authoring.DraftAuthoring.Actor;
import fr.referentia.framework.authoring.DraftEdits.ItemChange;
import fr.referentia.shared.BadInputException;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Citations of items, on a copy of the seed 004 (its grid elements are what dossiers and grids cite)
 * under a fresh code, so that the seeds stay as other tests expect them.
 */
@IntegrationTest
class ItemCitationsTest {

    static final String SEED_VERSION = "1";
    static final String NEWER = "2026-01";
    static final Actor ADMIN = new Actor(FrameworkApiTest.ADMIN, "Administratrice");
    static final String E1 = "Recueillir et exploiter des informations pertinentes sur les";

    @Autowired
    ObjectMapper json;

    @Autowired
    FrameworkImporter importer;

    @Autowired
    FrameworkVersions versions;

    @Autowired
    DraftAuthoring authoring;

    @Autowired
    ItemCitations citations;

    String code;

    @BeforeEach
    void importACopyOfTheSeed() throws Exception {
        code = SeedCopies.importCopy(json, importer, "004-CQP-CONSEILLER-COMMERCIAL.json", "CITATIONS");
    }

    @Test
    void aCitationResolvesToTheItemAsItsVersionHoldsIt() {
        var item = citations.resolve(new ItemCitation(code, SEED_VERSION, "C1.E1"));
        assertThat(item.frameworkTitle()).isEqualTo("Conseiller(ère) commercial(e) en formation");
        assertThat(item.versionStatus()).isEqualTo(FrameworkStatus.PUBLISHED);
        assertThat(item.type()).isEqualTo(ItemType.ELEMENT);
        assertThat(item.typeName()).isEqualTo(ItemType.ELEMENT.label());
        assertThat(item.text()).startsWith(E1);
        assertThat(item.parentCode()).isEqualTo("C1.G1");
        assertThat(item.essential()).isFalse();

        var competency = citations.resolve(new ItemCitation(code, SEED_VERSION, "C1"));
        assertThat(competency.parentCode()).isNull();
        assertThat(competency.essential()).as("only elements carry the flag").isNull();
    }

    @Test
    void anUnknownReferentialVersionOrItemIsSaidClearly() {
        assertThatThrownBy(() -> citations.resolve(new ItemCitation(code, SEED_VERSION, "C1.E99")))
                .isInstanceOf(FrameworkNotFoundException.class)
                .hasMessage("La version « 1 » du référentiel « " + code + " » n'a pas d'élément de code « C1.E99 ».");
        assertThatThrownBy(() -> citations.resolve(new ItemCitation(code, "1999", "C1.E1")))
                .isInstanceOf(FrameworkNotFoundException.class).hasMessageContaining("« 1999 »");
        assertThatThrownBy(() -> citations.resolve(new ItemCitation("INCONNU-" + code, SEED_VERSION, "C1.E1")))
                .isInstanceOf(FrameworkNotFoundException.class).hasMessageContaining("INCONNU-" + code);
        assertThatThrownBy(() -> new ItemCitation(code, " ", "C1.E1")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nomme le référentiel, sa version et le code de l'élément");
    }

    @Test
    void aDraftIsNotCitedAndItsItemsReadAsUnknown() {
        versions.createDraft(code, NEWER);
        assertThatThrownBy(() -> citations.resolve(new ItemCitation(code, NEWER, "C1.E1")))
                .isInstanceOf(FrameworkNotFoundException.class);
        assertThat(citations.latestPublishedVersion(code)).contains(SEED_VERSION);
        assertThat(citations.successorInLatest(new ItemCitation(code, SEED_VERSION, "C1.E1"))).isEmpty();
    }

    @Test
    void inANewerPublishedVersionEachCitedItemIsTheSameRewordedMovedOrRemoved() {
        versions.createDraft(code, NEWER);
        authoring.editItem(code, NEWER, ADMIN, "C1.E1", new ItemChange("Recueillir les informations utiles", null, null));
        authoring.moveItem(code, NEWER, ADMIN, "C1.E2", "C1.G2", 1);
        authoring.deleteItem(code, NEWER, ADMIN, "C1.E3");
        authoring.editItem(code, NEWER, ADMIN, "C1.E4", new ItemChange(null, null, true));
        authoring.release(code, NEWER, ADMIN);
        versions.publish(code, NEWER, LocalDate.of(2026, 1, 15), "Validé en CPNEF du 15-01-2026", FrameworkApiTest.ADMIN);
        assertThat(citations.latestPublishedVersion(code)).contains(NEWER);

        ItemSuccessor reworded = citations.successor(new ItemCitation(code, SEED_VERSION, "C1.E1"), NEWER);
        assertThat(reworded.changes()).containsExactly(Change.REWORDED);
        assertThat(reworded.oldText()).startsWith(E1);
        assertThat(reworded.newText()).isEqualTo("Recueillir les informations utiles");
        assertThat(reworded.successor()).contains(new ItemCitation(code, NEWER, "C1.E1"));

        ItemSuccessor moved = citations.successor(new ItemCitation(code, SEED_VERSION, "C1.E2"), NEWER);
        assertThat(moved.changes()).containsExactly(Change.MOVED);
        assertThat(moved.oldParentCode()).isEqualTo("C1.G1");
        assertThat(moved.newParentCode()).isEqualTo("C1.G2");

        ItemSuccessor removed = citations.successor(new ItemCitation(code, SEED_VERSION, "C1.E3"), NEWER);
        assertThat(removed.changes()).containsExactly(Change.REMOVED);
        assertThat(removed.successor()).isEmpty();

        ItemSuccessor flagged = citations.successor(new ItemCitation(code, SEED_VERSION, "C1.E4"), NEWER);
        assertThat(flagged.changes()).containsExactly(Change.ESSENTIAL);
        assertThat(flagged.essential()).isTrue();

        // C1.E5 moved up a rank among the same siblings when C1.E3 left: no move for a citation.
        Optional<ItemSuccessor> same = citations.successorInLatest(new ItemCitation(code, SEED_VERSION, "C1.E5"));
        assertThat(same).hasValueSatisfying(successor -> {
            assertThat(successor.changes()).containsExactly(Change.SAME);
            assertThat(successor.successor()).contains(new ItemCitation(code, NEWER, "C1.E5"));
        });
        assertThat(citations.successorInLatest(new ItemCitation(code, NEWER, "C1.E5"))).isEmpty();
        // The old version stays citable as it was.
        assertThat(citations.resolve(new ItemCitation(code, SEED_VERSION, "C1.E3")).parentCode()).isEqualTo("C1.G1");
    }

    @Test
    void aSuccessorIsReadOnlyInANewerPublishedVersion() {
        versions.createDraft(code, NEWER);
        ItemCitation cited = new ItemCitation(code, SEED_VERSION, "C1.E1");
        assertThatThrownBy(() -> citations.successor(cited, NEWER)).isInstanceOf(FrameworkNotFoundException.class);
        authoring.release(code, NEWER, ADMIN);
        versions.publish(code, NEWER, LocalDate.of(2026, 1, 15), null, FrameworkApiTest.ADMIN);
        assertThatThrownBy(() -> citations.successor(cited.inVersion(NEWER), SEED_VERSION))
                .isInstanceOf(BadInputException.class)
                .hasMessage("La version « 1 » du référentiel « " + code + " » n'est pas une version publiée plus "
                        + "récente que la version citée « 2026-01 ».");
        assertThat(citations.successor(cited, NEWER).changes()).containsExactly(Change.SAME);
    }
}
