package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.FrameworkViews.ItemRow;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The four seeds, loaded at start-up, hold what the source documents hold. */
@IntegrationTest
class SeedContentTest {

    @Autowired
    FrameworkCatalog catalog;

    private Map<ItemType, Long> counts(String code) {
        return catalog.items(code, null).stream().collect(Collectors.groupingBy(ItemRow::type, Collectors.counting()));
    }

    private String text(String framework, String item) {
        return catalog.item(framework, item).item().text();
    }

    @Test
    void fourReferentialsAreLoadedWithTheirMetadata() {
        assertThat(catalog.list()).extracting(FrameworkViews.Summary::code).contains("RAC-METIERS-FORMATION",
                "TITRE-PILOTAGE-DISPOSITIFS", "CQP-GESTIONNAIRE-DISPOSITIFS", "CQP-CONSEILLER-COMMERCIAL");
        var cqp = catalog.summary("CQP-GESTIONNAIRE-DISPOSITIFS");
        assertThat(cqp.kind()).isEqualTo(FrameworkKind.CQP);
        assertThat(cqp.validationDate()).hasToString("2024-10-02");
        assertThat(cqp.validationNote()).isEqualTo("Validé en CPNEF du 2-10-2024");
        assertThat(catalog.summary("TITRE-PILOTAGE-DISPOSITIFS").kind()).isEqualTo(FrameworkKind.TITRE);
        assertThat(catalog.summary("RAC-METIERS-FORMATION").kind()).isEqualTo(FrameworkKind.OCCUPATIONAL_FRAMEWORK);
    }

    @Test
    void branchFrameworkHasSevenDomainsAndThirtySixActivities() {
        var counts = counts("RAC-METIERS-FORMATION");
        assertThat(counts).containsEntry(ItemType.DOMAIN, 7L).containsEntry(ItemType.ACTIVITY, 36L)
                .containsEntry(ItemType.COMPETENCY, 253L);
        List<ItemRow> activities = catalog.items("RAC-METIERS-FORMATION", ItemType.ACTIVITY);
        assertThat(activities).extracting(ItemRow::code).startsWith("DOM1-A1", "DOM1-A2", "DOM1-A3", "DOM1-A4",
                "DOM2-A1").contains("DOM5-A9", "DOM7-A4");
        assertThat(text("RAC-METIERS-FORMATION", "DOM4-A3"))
                .isEqualTo("Conseil de prestations de formation adaptées aux clients");
        assertThat(text("RAC-METIERS-FORMATION", "DOM3-A6"))
                .isEqualTo("Réalisation d'études, d'audits, d'enquêtes sur tout ou partie de la chaîne de production");
    }

    @Test
    void documentContentWinsOverThePreambleLimitOfTenCompetencies() {
        // R1: "3 à 10 compétences" says the preamble, but DOM5-A2 has 11 and must keep them all.
        assertThat(catalog.item("RAC-METIERS-FORMATION", "DOM5-A2").item().childrenOfType(ItemType.COMPETENCY))
                .hasSize(11);
    }

    @Test
    void bulletLinesStayWithTheirParagraphAndQualifyingLinesBecomeContext() {
        assertThat(text("RAC-METIERS-FORMATION", "DOM5-A3-C2")).isEqualTo(
                "Pour chaque produit ou prestation, participer à l'élaboration d'un cahier des charges et définir :\n"
                        + "- une politique tarifaire\n- des modalités de commercialisation\n"
                        + "- des vecteurs et médias de communication interne et externe.");
        var insertion = catalog.item("RAC-METIERS-FORMATION", "DOM2-A3-C6").item();
        assertThat(insertion.context()).isEqualTo("Dans le cas de parcours d'insertion :");
        assertThat(catalog.item("RAC-METIERS-FORMATION", "DOM2-A3-C5").item().context())
                .isEqualTo("Dans le cas de parcours de professionnalisation :");
        assertThat(catalog.item("RAC-METIERS-FORMATION", "DOM2-A3-C1").item().context()).isNull();
    }

    @Test
    void titreHasSixBlocksWithNumberedCompetenciesAndAFinalInterview() {
        var counts = counts("TITRE-PILOTAGE-DISPOSITIFS");
        assertThat(counts).containsEntry(ItemType.FUNCTION, 3L).containsEntry(ItemType.BLOCK, 6L)
                .containsEntry(ItemType.COMPETENCY, 37L);
        assertThat(catalog.items("TITRE-PILOTAGE-DISPOSITIFS", ItemType.BLOCK)).extracting(ItemRow::code)
                .containsExactly("B1", "B2", "B3", "B4", "B5", "B6");
        assertThat(text("TITRE-PILOTAGE-DISPOSITIFS", "1.1")).startsWith(
                "Informer et conseiller des candidats sur la mise en œuvre et le financement de leurs parcours");
        assertThat(catalog.item("TITRE-PILOTAGE-DISPOSITIFS", "6.6").breadcrumbs()).extracting(c -> c.code())
                .containsExactly("F3", "B6");
        var finalInterview = catalog.outline("TITRE-PILOTAGE-DISPOSITIFS").exams().stream()
                .filter(e -> e.code().equals("ENTRETIEN-FINAL")).findFirst().orElseThrow();
        assertThat(finalInterview.totalMinutes()).isEqualTo(30);
        assertThat(finalInterview.itemCodes()).containsExactly("B1", "B2", "B3", "B4", "B5", "B6");
        assertThat(finalInterview.checks()).hasSize(5);
    }

    @Test
    void cqpGestionnaireHasItsExamsWithTimedParts() {
        var counts = counts("CQP-GESTIONNAIRE-DISPOSITIFS");
        assertThat(counts).containsEntry(ItemType.DOMAIN, 3L).containsEntry(ItemType.COMPETENCY, 21L);
        var exams = catalog.outline("CQP-GESTIONNAIRE-DISPOSITIFS").exams();
        assertThat(exams).extracting(FrameworkViews.ExamView::code).containsExactly("EP1.1", "EP1.2", "EP2", "EP3");
        var first = exams.get(0);
        // R11: Épreuve 1.1 lasts 45 min = 15 preparation + 15 situation + 15 interview, in the habilitated organisation.
        assertThat(first.totalMinutes()).isEqualTo(45);
        assertThat(first.parts()).extracting(Exam.Part::label, Exam.Part::minutes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Préparation", 15),
                org.assertj.core.groups.Tuple.tuple("Mise en situation", 15),
                org.assertj.core.groups.Tuple.tuple("Entretien avec le jury", 15));
        assertThat(first.place()).isEqualTo("Ces mises en situation se déroulent dans les locaux de l'organisme habilité.");
        assertThat(text("CQP-GESTIONNAIRE-DISPOSITIFS", "DA1-A2-T1")).contains(
                "(catalogue, site internet, événements, JPO, salons");
    }

    @Test
    void cqpConseillerHasSixCompetenciesWithGridsAndEssentialFlags() {
        var counts = counts("CQP-CONSEILLER-COMMERCIAL");
        assertThat(counts).containsEntry(ItemType.COMPETENCY, 6L).containsEntry(ItemType.ELEMENT, 41L)
                .containsEntry(ItemType.EVALUATION_BASIS, 6L).containsEntry(ItemType.CRITERION, 120L);
        var c1 = catalog.item("CQP-CONSEILLER-COMMERCIAL", "C1").item();
        assertThat(c1.text()).isEqualTo("Mettre en œuvre un plan d’actions commerciales et une prospection adaptée");
        assertThat(c1.childrenOfType(ItemType.ELEMENT_GROUP)).extracting(FrameworkViews.Node::text)
                .containsExactly("Préparation des actions commerciales", "Prospection");
        assertThat(c1.childrenOfType(ItemType.EVALUATION_BASIS).get(0).text())
                .startsWith("L’évaluation doit s’appuyer sur");
        var element = catalog.item("CQP-CONSEILLER-COMMERCIAL", "C1.E6");
        assertThat(element.item().text()).isEqualTo(
                "Prospecter et obtenir des rendez-vous afin de développer son portefeuille clients et prospects");
        assertThat(element.breadcrumbs()).extracting(c -> c.code()).containsExactly("C1", "C1.G2");
        // The blue shading marking essential elements is lost in the text: every element starts non-essential.
        assertThat(catalog.items("CQP-CONSEILLER-COMMERCIAL", ItemType.ELEMENT))
                .allSatisfy(row -> assertThat(row.essential()).isFalse());
        assertThat(catalog.outline("CQP-CONSEILLER-COMMERCIAL").masteryTolerance()).isEqualTo(2);
    }
}
