package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.Header;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.CanonicalFramework.PartSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The diff beyond items, on two versions of a small referential imported for real: header, essential
 * flags, contexts, exams and associations, as data (API) and as a page (escaped, one section each).
 */
@IntegrationTest
class VersionDiffSectionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FrameworkImporter importer;

    @Autowired
    FrameworkCatalog catalog;

    String code;

    @BeforeEach
    void importTwoVersions() {
        code = "DIFF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        importer.importFramework(new CanonicalFramework(CanonicalFramework.FORMAT,
                header("1", "CQP Formateur", "CPNEF", "RNCP100", 2, "Validé en CPNEF"),
                List.of(new Item("C1", ItemType.COMPETENCY, "Accueillir les publics", null, 1, null, null),
                        new Item("C1.E1", ItemType.ELEMENT, "Recevoir le public", "C1", 1, "En présentiel", true),
                        new Item("C1.E2", ItemType.ELEMENT, "Informer le public", "C1", 2, null, false)),
                List.of(new ExamSpec("EP1", "Mise en situation", "Observation en situation réelle", "En centre", null,
                                List.of(new PartSpec("Préparation", 15), new PartSpec("Entretien", 15)),
                                List.of("C1.E1"), List.of("La posture")),
                        new ExamSpec("EP2", "Dossier écrit", "Écrit", null, 60, List.of(), List.of("C1"), List.of())),
                List.of(new AssociationSpec(AssociationType.VALIDATES, "C1.E1", null, "CCS Relation client"))));
        importer.importFramework(new CanonicalFramework(CanonicalFramework.FORMAT,
                header("2", "CQP Formateur d'adultes", "CPNEF", "RNCP200", 1, "Validé en CPNEF <b>2026</b>"),
                List.of(new Item("C1", ItemType.COMPETENCY, "Accueillir les publics", null, 1, null, null),
                        new Item("C1.E1", ItemType.ELEMENT, "Recevoir le public", "C1", 1, "En présentiel ou à distance",
                                false),
                        new Item("C1.E2", ItemType.ELEMENT, "Informer le public", "C1", 2, null, true)),
                List.of(new ExamSpec("EP1", "Mise en situation", "Observation en situation reconstituée", "En centre",
                                null, List.of(new PartSpec("Préparation", 20), new PartSpec("Entretien", 15)),
                                List.of("C1.E1", "C1.E2"), List.of("La posture", "<script>alert(1)</script>")),
                        new ExamSpec("EP3", "Entretien final", "Oral", null, 30, List.of(), List.of("C1"), List.of())),
                List.of(new AssociationSpec(AssociationType.IS_RELATED_TO, "C1.E2", "C1.E1", null))));
    }

    private Header header(String version, String title, String issuer, String rncp, int tolerance, String note) {
        return new Header(code, FrameworkKind.CQP, title, issuer, version, FrameworkStatus.PUBLISHED,
                LocalDate.of(2026, 1, Integer.parseInt(version)), note, rncp, "Présentation du CQP", tolerance, null);
    }

    @Test
    void theCatalogueReportsExactlyWhatChangedInEachSection() {
        VersionDiff.Result diff = catalog.diff(code, "2", "1", false);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.moved()).isEmpty();
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.header()).extracting(VersionDiff.FieldChange::field)
                .containsExactly("title", "rncpCode", "masteryTolerance", "validationNote");
        assertThat(diff.essential()).containsExactly(
                new VersionDiff.EssentialChange("C1.E1", "Recevoir le public", true, false),
                new VersionDiff.EssentialChange("C1.E2", "Informer le public", false, true));
        assertThat(diff.contexts()).extracting(VersionDiff.TextChange::code).containsExactly("C1.E1");
        assertThat(diff.exams().added()).extracting(VersionDiff.ExamState::code).containsExactly("EP3");
        assertThat(diff.exams().removed()).extracting(VersionDiff.ExamState::code).containsExactly("EP2");
        assertThat(diff.exams().changed()).singleElement().satisfies(exam -> {
            assertThat(exam.code()).isEqualTo("EP1");
            assertThat(exam.fields()).extracting(VersionDiff.FieldChange::field)
                    .containsExactly("modality", "parts", "checks");
            assertThat(exam.itemsAdded()).containsExactly("C1.E2");
            assertThat(exam.itemsRemoved()).isEmpty();
        });
        assertThat(diff.associations().added()).containsExactly(
                new VersionDiff.AssociationState(AssociationType.IS_RELATED_TO, "C1.E2", "C1.E1", null));
        assertThat(diff.associations().removed()).containsExactly(
                new VersionDiff.AssociationState(AssociationType.VALIDATES, "C1.E1", null, "CCS Relation client"));
        assertThat(catalog.diff(code, "2", "2", false).isEmpty()).isTrue();
    }

    @Test
    void theApiReturnsTheNewSectionsBesideTheItemLists() throws Exception {
        mvc.perform(get("/api/v1/frameworks/" + code + "/versions/2/diff").param("with", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added", hasSize(0)))
                .andExpect(jsonPath("$.changed", hasSize(0)))
                .andExpect(jsonPath("$.header[0].field", is("title")))
                .andExpect(jsonPath("$.header[0].before", is("CQP Formateur")))
                .andExpect(jsonPath("$.header[0].words[1].op", is("INSERT")))
                .andExpect(jsonPath("$.header[0].words[1].text", is(" d'adultes")))
                .andExpect(jsonPath("$.essential[0].code", is("C1.E1")))
                .andExpect(jsonPath("$.essential[0].after", is(false)))
                .andExpect(jsonPath("$.contexts[0].after", is("En présentiel ou à distance")))
                .andExpect(jsonPath("$.exams.added[0].code", is("EP3")))
                .andExpect(jsonPath("$.exams.added[0].durationMinutes", is(30)))
                .andExpect(jsonPath("$.exams.removed[0].code", is("EP2")))
                .andExpect(jsonPath("$.exams.changed[0].fields[1].field", is("parts")))
                .andExpect(jsonPath("$.exams.changed[0].fields[1].after", is("Préparation : 20 min\nEntretien : 15 min")))
                .andExpect(jsonPath("$.exams.changed[0].itemsAdded[0]", is("C1.E2")))
                .andExpect(jsonPath("$.associations.added[0].type", is("IS_RELATED_TO")))
                .andExpect(jsonPath("$.associations.added[0].destinationCode", is("C1.E1")))
                .andExpect(jsonPath("$.associations.removed[0].destinationCode", nullValue()))
                .andExpect(jsonPath("$.associations.removed[0].destinationLabel", is("CCS Relation client")));
    }

    @Test
    void thePageShowsOneSectionPerKindOfChangeEscapedWithAnEmptyStateWhereNothingChanged() throws Exception {
        String html = mvc.perform(get("/referentiels/" + code + "/versions/2/diff").param("avec", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<b>2026"))))
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("main section h2").eachText()).containsExactly(
                "En-tête du référentiel (4)", "Textes modifiés (0)", "Éléments ajoutés (0)", "Éléments supprimés (0)",
                "Éléments déplacés (0)", "Éléments incontournables (2)", "Contextes modifiés (1)", "Épreuves (3)",
                "Associations (2)");
        assertThat(page.select("#modifies + p.empty").text()).isEqualTo("Aucune différence.");
        assertThat(page.select("section[aria-labelledby=entete] dt").eachText())
                .containsExactly("Titre", "Code RNCP", "Tolérance de maîtrise", "Mention de validation");
        assertThat(page.select("section[aria-labelledby=entete] ins").eachText())
                .contains("d'adultes", "RNCP200", "<b>2026</b>");
        assertThat(page.select("section[aria-labelledby=entete] del").eachText()).contains("RNCP100", "2");
        assertThat(page.select("section[aria-labelledby=incontournables] li").eachText()).containsExactly(
                "C1.E1 n'est plus incontournable Recevoir le public", "C1.E2 devient incontournable Informer le public");
        assertThat(page.select("section[aria-labelledby=contextes] ins").eachText()).containsExactly("ou à distance");
        String exams = page.select("section[aria-labelledby=epreuves]").text();
        assertThat(exams).contains("EP3 épreuve ajoutée : Entretien final", "EP2 épreuve supprimée : Dossier écrit",
                "EP1 épreuve modifiée : « Mise en situation »", "Désormais évalués C1.E2");
        assertThat(page.select("section[aria-labelledby=epreuves] ins").eachText())
                .contains("reconstituée", "20", "<script>alert(1)</script>");
        assertThat(page.select("section[aria-labelledby=associations] ins").eachText())
                .containsExactly("C1.E2 isRelatedTo C1.E1");
        assertThat(page.select("section[aria-labelledby=associations] del").eachText())
                .containsExactly("C1.E1 validates CCS Relation client");
    }
}
