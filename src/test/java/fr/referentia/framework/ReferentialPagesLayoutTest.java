package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 9: the referential page as a folded outline with its downloads; item pages titled by their text. */
@IntegrationTest
class ReferentialPagesLayoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FrameworkCatalog catalog;

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aLargeReferentialShowsItsDomainsWithEveryBranchClosedAndEveryDownloadExplained() throws Exception {
        Document page = page("/referentiels/RAC-METIERS-FORMATION");

        assertThat(page.select("ul.tree > li.level-0 > .row .code").eachText())
                .containsExactly("DOM1", "DOM2", "DOM3", "DOM4", "DOM5", "DOM6", "DOM7");
        assertThat(page.select("ul.tree details")).hasSizeGreaterThan(40).allSatisfy(details ->
                assertThat(details.hasAttr("open")).isFalse());
        assertThat(page.select("ul.tree > li.level-0 > details > summary").first().text()).isEqualTo("4 activités");
        assertThat(page.select(".tree .row .type").first().parents()).noneMatch(parent -> parent.is("a"));
        assertThat(page.select("nav.on-this-page a").eachAttr("href"))
                .containsExactly("#plan", "#telechargements", "#presentation", "#versions");
        assertThat(page.select("section[aria-labelledby=telechargements] li").eachText()).containsExactly(
                "PDF pour lire et imprimer, mis en page comme le document d'origine",
                "Classeur XLSX pour Excel ou LibreOffice : un élément par ligne, modifiable puis réimportable",
                "CSV pour un tableur ou un autre logiciel : les mêmes colonnes que le classeur, en texte",
                "CASE 1.0 (JSON) pour un autre serveur CASE (norme 1EdTech) : le référentiel et ses liens",
                "JSON Referentia pour un programme ou une sauvegarde : le format complet de Referentia, réimportable");
        assertThat(page.select("section[aria-labelledby=telechargements] a").eachAttr("href")).containsExactly(
                "/api/v1/frameworks/RAC-METIERS-FORMATION/export?format=pdf",
                "/api/v1/frameworks/RAC-METIERS-FORMATION/export?format=xlsx",
                "/api/v1/frameworks/RAC-METIERS-FORMATION/export?format=csv",
                "/api/v1/frameworks/RAC-METIERS-FORMATION/export?format=case",
                "/api/v1/frameworks/RAC-METIERS-FORMATION/export?format=json");
    }

    @Test
    void criteriaShowUnderTheirCompetencyInTheOutline() throws Exception {
        Document page = page("/referentiels/CQP-GESTIONNAIRE-DISPOSITIFS");

        var competency = page.selectFirst("li.type-competency");
        assertThat(competency.select("> details > summary").text()).endsWith("critères d'évaluation");
        assertThat(competency.select("> details .notes-title").eachText()).contains("Critères d'évaluation");
        assertThat(competency.select("> details .notes li")).isNotEmpty();
    }

    @Test
    void anItemPageIsTitledByItsTextAndLeadsToItsSiblings() throws Exception {
        var detail = catalog.item("RAC-METIERS-FORMATION", "DOM1-A2");
        Document page = page("/referentiels/RAC-METIERS-FORMATION/elements/DOM1-A2");

        assertThat(page.selectFirst("h1").text()).isEqualTo(detail.item().text().strip().replaceAll("\\s+", " "));
        assertThat(page.title()).endsWith("(DOM1-A2) · Referentia");
        assertThat(page.select("nav.siblings a[rel=prev]").attr("href")).isEqualTo("/referentiels/RAC-METIERS-FORMATION/elements/DOM1-A1");
        assertThat(page.select("nav.siblings a[rel=next]").attr("href")).isEqualTo("/referentiels/RAC-METIERS-FORMATION/elements/DOM1-A3");
        assertThat(page.select("nav.siblings span").text()).isEqualTo("2 sur 4");
        assertThat(page.select("section[aria-labelledby=telechargements] a[href*=export]")).hasSize(5);

        Document first = page("/referentiels/RAC-METIERS-FORMATION/elements/DOM1");
        assertThat(first.select("nav.siblings a[rel=prev]")).isEmpty();
        assertThat(first.select("nav.siblings a[rel=next]").attr("href")).endsWith("/elements/DOM2");
    }
}
