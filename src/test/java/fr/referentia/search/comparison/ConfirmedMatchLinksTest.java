package fr.referentia.search.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.AssociationType;
import fr.referentia.search.comparison.Comparisons.DecisionRequest;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 9: an item's page shows the matches confirmed in a comparison, from either side; rejected ones not. */
@IntegrationTest
class ConfirmedMatchLinksTest {

    private static final String CQP = "CQP-CONSEILLER-COMMERCIAL";
    private static final String RAC = "RAC-METIERS-FORMATION";

    @Autowired
    MockMvc mvc;

    @Autowired
    Comparisons comparisons;

    private String links(String framework, String item) throws Exception {
        String html = mvc.perform(get("/referentiels/{f}/elements/{i}", framework, item)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var section = Jsoup.parse(html).selectFirst("section[aria-labelledby=liens]");
        return section == null ? "" : section.text();
    }

    @Test
    void aConfirmedMatchShowsOnBothItemsPagesAndARejectedOneOnNeither() throws Exception {
        comparisons.decide(new DecisionRequest(CQP, "C1", RAC, "DOM4-A3-C1", Decision.CONFIRMED,
                AssociationType.EXACT_MATCH_OF), "branch-admin@demo.referentia.fr");
        try {
            assertThat(links(CQP, "C1")).contains("correspond exactement à : " + RAC + " · DOM4-A3-C1");
            assertThat(links(RAC, "DOM4-A3-C1")).contains("correspond exactement à : " + CQP + " · C1");
        } finally {
            comparisons.decide(new DecisionRequest(CQP, "C1", RAC, "DOM4-A3-C1", Decision.REJECTED, null),
                    "branch-admin@demo.referentia.fr");
        }
        assertThat(links(CQP, "C1")).doesNotContain(RAC + " · DOM4-A3-C1");
        assertThat(links(RAC, "DOM4-A3-C1")).doesNotContain(CQP + " · C1");
    }
}
