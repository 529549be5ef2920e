package fr.referentia.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.ItemType;
import fr.referentia.search.SearchResults.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class FrenchSearchTest {

    @Autowired
    FrameworkSearch search;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    private SearchResults find(String text) {
        return search.search(new SearchQuery(text, null, null, 0, 20));
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        SearchResults plain = find("EVALUATION");
        assertThat(plain.total()).isPositive();
        assertThat(plain.hits()).anySatisfy(hit -> assertThat(hit.text()).contains("évaluation"));
        assertThat(plain.total()).isEqualTo(find("évaluation").total());
    }

    @Test
    void anAccentTypedAsALetterAndACombiningMarkFindsWhatThePrecomposedOneFinds() {
        // « é » as « e » + U+0301: what a Mac or a PDF copy may send; the analysis alone would keep it apart.
        SearchResults decomposed = find("e\u0301valuation des compe\u0301tences");
        assertThat(decomposed.total()).isPositive().isEqualTo(find("évaluation des compétences").total());
    }

    @Test
    void pluralsFindTheSingular() {
        SearchResults results = search.search(new SearchQuery("formateurs", "RAC-METIERS-FORMATION", null, 0, 100));
        assertThat(results.hits()).extracting(Hit::text)
                .anySatisfy(text -> assertThat(text).containsPattern("\\bformateur\\b"));
    }

    @Test
    void elisionsDoNotMatter() {
        SearchResults results = search.search(new SearchQuery("l'apprenant", null, null, 0, 100));
        assertThat(results.hits()).extracting(Hit::text)
                .anySatisfy(text -> assertThat(text).containsPattern("\\bapprenants\\b"));
        // « stagiaire » is a synonym of « apprenant » in the shipped list.
        assertThat(results.hits()).extracting(Hit::highlight)
                .allSatisfy(highlight -> assertThat(highlight).containsPattern("<mark>[^<]*(apprenant|stagiaire)"));
    }

    @Test
    void resultsAreRankedAndHighlighted() {
        SearchResults results = find("évaluation des acquis");
        assertThat(results.relaxed()).isFalse();
        List<Hit> both = results.hits().stream().filter(hit -> hit.text().toLowerCase().contains("acquis")
                && hit.text().toLowerCase().matches("(?s).*[ée]valuation.*")).toList();
        assertThat(both).isNotEmpty().allSatisfy(hit -> assertThat(hit.highlight()).contains("<mark>acquis</mark>"));
        // Items holding both words come first; among them the shortest ranks above longer ones (BM25).
        assertThat(results.hits().subList(0, both.size())).containsExactlyElementsOf(both);
        assertThat(both.get(0).text().length()).isLessThanOrEqualTo(both.get(both.size() - 1).text().length());
    }

    @Test
    void formateursFindTrainersNotTrainingNorTheVerbToTrain() {
        SearchResults results = search.search(new SearchQuery("formateurs", null, null, 0, 100));
        assertThat(results.hits()).isNotEmpty().allSatisfy(hit ->
                assertThat(hit.text()).containsPattern("(?i)\\bformat(eur|rice)s?\\b"));
        assertThat(find("formatrice").total()).isEqualTo(results.total());
        assertThat(search.search(new SearchQuery("formation", null, null, 0, 100)).hits())
                .isNotEmpty().allSatisfy(hit -> assertThat(hit.text()).containsPattern("(?i)\\bformations?\\b"));
    }

    @Test
    void aFeminineJobTitleFindsItsMasculine() {
        assertThat(find("conseillère").hits()).isNotEmpty()
                .anySatisfy(hit -> assertThat(hit.text()).containsPattern("(?i)\\bconseill(er|ez)\\b"));
        assertThat(find("conseillère").total()).isEqualTo(find("conseiller").total());
    }

    @Test
    void aNounFindsItsVerb() {
        assertThat(search.search(new SearchQuery("archivage", "RAC-METIERS-FORMATION", null, 0, 20)).hits())
                .extracting(Hit::itemCode).contains("DOM6-A2-C7");
        assertThat(find("archivage").total()).isEqualTo(find("archiver").total());
    }

    @Test
    void theFieldsAbbreviationsFindTheWordsItemsUse() {
        assertThat(find("Qualiopi").hits()).isNotEmpty()
                .anySatisfy(hit -> assertThat(hit.text()).containsIgnoringCase("démarche qualité"));
        assertThat(find("Qualiopi").equivalents()).containsKey("Qualiopi");
        assertThat(find("CRM").hits()).isNotEmpty()
                .anySatisfy(hit -> assertThat(hit.text()).containsIgnoringCase("gestion de la relation client"));
        assertThat(find("GPEC").hits()).isNotEmpty()
                .anySatisfy(hit -> assertThat(hit.text()).containsIgnoringCase("gestion des compétences"));
        assertThat(find("JPO").hits()).extracting(Hit::itemCode).contains("C4-CR2");
    }

    @Test
    void itemsHoldingSomeOfTheWordsAreRankedAfterThoseHoldingAllAndBroaderSearchesAreSuggested() {
        SearchResults results = search.search(new SearchQuery("négociation commerciale", null, null, 0, 50));
        assertThat(results.relaxed()).isFalse();
        assertThat(results.partial()).isTrue();
        assertThat(results.hits()).extracting(Hit::itemCode).contains("C4.ACT3");
        assertThat(results.hits().get(0).text()).containsIgnoringCase("négoci").containsIgnoringCase("commercia");
        assertThat(results.broader()).containsExactly("négociation", "commerciale");
    }

    @Test
    void aQuotedPhraseHoldingAStopWordIsHighlightedToo() {
        SearchResults results = find("\"évaluation des acquis\"");
        assertThat(results.relaxed()).isFalse();
        assertThat(results.hits()).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.text().toLowerCase()).contains("évaluation des acquis");
            assertThat(hit.highlight()).containsPattern("(?i)<mark>[^<]*évaluation des acquis</mark>")
                    .doesNotContain("<mark>des</mark>");
        });
        // Escaped like every highlight: markup only in <mark>.
        assertThat(find("\"l'évaluation des acquis\"").hits()).isNotEmpty().allSatisfy(hit ->
                assertThat(hit.highlight().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", "'"));
        // Another phrase around a stop word, marked whole.
        assertThat(find("\"acquis des apprenants\"").hits()).isNotEmpty().allSatisfy(hit ->
                assertThat(hit.highlight()).containsPattern("(?i)<mark>acquis des apprenants</mark>"));
    }

    @Test
    void highlightsEscapeTheItemText() {
        SearchResults results = find("tour de table");
        assertThat(results.hits()).isNotEmpty().allSatisfy(hit -> assertThat(hit.highlight()).doesNotContain("'"));
    }

    @Test
    void filtersByReferentialAndTypeWithCountsForEach() {
        SearchResults all = find("prospection");
        assertThat(all.frameworkCounts()).containsKeys("RAC-METIERS-FORMATION", "CQP-CONSEILLER-COMMERCIAL");
        long inCqp = all.frameworkCounts().get("CQP-CONSEILLER-COMMERCIAL");

        SearchResults cqp = search.search(new SearchQuery("prospection", "CQP-CONSEILLER-COMMERCIAL", null, 0, 100));
        assertThat(cqp.total()).isEqualTo(inCqp);
        assertThat(cqp.hits()).extracting(Hit::frameworkCode).containsOnly("CQP-CONSEILLER-COMMERCIAL");

        SearchResults elements = search.search(new SearchQuery("prospection", null, ItemType.ELEMENT, 0, 100));
        assertThat(elements.total()).isEqualTo(all.typeCounts().get(ItemType.ELEMENT));
        assertThat(elements.hits()).extracting(Hit::type).containsOnly(ItemType.ELEMENT);
    }

    @Test
    void anItemCodeFindsTheItem() {
        assertThat(find("DOM4-A3").hits().get(0).itemCode()).isEqualTo("DOM4-A3");
    }

    @Test
    void whenNoItemHoldsEveryWordItemsHoldingSomeAreShown() {
        SearchResults results = find("prospection zzzinconnu");
        assertThat(results.relaxed()).isTrue();
        assertThat(results.total()).isPositive();
        // Three words ask for two of them; when no item holds two, those holding one are shown.
        SearchResults three = find("prospection zzzinconnu yyyinconnu");
        assertThat(three.relaxed()).isTrue();
        assertThat(three.total()).isEqualTo(results.total());
    }

    @Test
    void operatorsAndStrayPunctuationGiveASaneResult() {
        assertThat(find("a AND (b OR \"c*").total()).isGreaterThanOrEqualTo(0);
        assertThat(find("\"évaluation des acquis\"").hits()).allSatisfy(hit ->
                assertThat(hit.text().toLowerCase()).contains("évaluation des acquis"));
        assertThat(find("prospection -clients").hits()).allSatisfy(hit ->
                assertThat(hit.text()).doesNotContainIgnoringCase("clients"));
        assertThat(find("\\ / ! ? :").total()).isZero();
    }

    @Test
    void emptyOrOversizedQueriesAreRefusedWithAReason() {
        assertThatThrownBy(() -> find("   ")).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("Saisissez");
        assertThatThrownBy(() -> find("a".repeat(501))).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("500 caractères");
        assertThatThrownBy(() -> search.search(new SearchQuery("formation", null, null, 0, 1000)))
                .isInstanceOf(InvalidSearchException.class);
    }

    @Test
    void pagesDoNotOverlap() {
        SearchResults first = search.search(new SearchQuery("formation", null, null, 0, 10));
        SearchResults second = search.search(new SearchQuery("formation", null, null, 1, 10));
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hits()).extracting(Hit::itemCode)
                .doesNotContainAnyElementsOf(first.hits().stream().map(Hit::itemCode).toList());
    }

    @Test
    void theSearchPageSaysWhatWasWidenedAndSuggestsBroaderSearches() throws Exception {
        String partial = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/recherche").param("q", "négociation commerciale"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(partial).contains("viennent en premier", "Recherches plus larges", "q=n%C3%A9gociation");
        String widened = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/recherche").param("q", "CRM"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(widened).contains("Recherche étendue aux synonymes", "CRM → ", "gestion de la relation client");
    }
}
