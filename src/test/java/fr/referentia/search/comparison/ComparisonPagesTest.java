package fr.referentia.search.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issue 9, part 8: the comparison pages in words a person understands, confirmed decisions, pages of rows. */
@IntegrationTest
class ComparisonPagesTest {

    static final String CQP = ComparisonTest.CQP;
    static final String RAC = ComparisonTest.RAC;
    static final String TITRE = "TITRE-PILOTAGE-DISPOSITIFS";
    static final String GESTIONNAIRE = ComparisonTest.GESTIONNAIRE;
    static final RequestPostProcessor OBSERVER = user(ComparisonTest.OBSERVER).roles("OBSERVER");
    static final RequestPostProcessor ADMIN = user(ComparisonTest.ADMIN).roles("BRANCH_ADMIN");

    @Autowired
    MockMvc mvc;

    @Test
    void eachProposalShowsItsLevelInWordsAndItsScoreOnlyWhenUnfolded() throws Exception {
        String page = page(mvc.perform(get("/comparaisons/propositions").param("referentiels", CQP + "," + RAC)
                .with(OBSERVER)).andExpect(status().isOk()).andReturn());
        String c2e4 = page.substring(page.indexOf("id=\"" + CQP + "-C2.E4\""));
        c2e4 = c2e4.substring(0, c2e4.indexOf("</section>"));
        // Its first proposal is its exact counterpart, and reads as such.
        assertThat(c2e4.indexOf("DOM4-A3-C1")).isLessThan(c2e4.indexOf("<details class=\"level\">"));
        assertThat(c2e4).containsPattern("<summary class=\"level-very_close\">très proche</summary>\\s*"
                + "<span>score \\d+,\\d\\d</span>");
        assertThat(page).contains("à vérifier", "<th scope=\"col\">Proximité</th>").doesNotContain(">Score<");
        assertThat(Pattern.compile("<td>\\d+,\\d\\d</td>").matcher(page).find()).isFalse();
    }

    @Test
    void confirmingOrRejectingAProposalSaysWhatWasRecordedOnThePageItLeadsBackTo() throws Exception {
        MvcResult confirmed = mvc.perform(post("/comparaisons/decisions").param("referentiels", TITRE + "," + GESTIONNAIRE)
                        .param("originFramework", TITRE).param("originCode", "1.3")
                        .param("destinationFramework", GESTIONNAIRE).param("destinationCode", "C5")
                        .param("decision", "CONFIRMED").param("type", "EXACT_MATCH_OF").with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("recorded", "Association confirmée : " + TITRE + " 1.3 → " + GESTIONNAIRE
                        + " C5 (correspondance exacte). Elle figure désormais dans le tableau comparatif."))
                .andReturn();
        String back = confirmed.getResponse().getRedirectedUrl();
        assertThat(back).startsWith("/comparaisons/propositions?referentiels=" + TITRE + "," + GESTIONNAIRE);
        // The message travels in the person's session (kept in the database), as the browser's next request shows.
        assertThat(confirmed.getResponse().getCookies()).isNotEmpty();
        String shown = page(mvc.perform(get(back.substring(0, back.indexOf('#'))).cookie(confirmed.getResponse()
                .getCookies()).with(ADMIN)).andExpect(status().isOk()).andReturn());
        assertThat(shown).contains("role=\"status\">Association confirmée : " + TITRE + " 1.3 → " + GESTIONNAIRE
                + " C5 (correspondance exacte).");

        mvc.perform(post("/comparaisons/decisions").param("referentiels", TITRE + "," + GESTIONNAIRE)
                        .param("originFramework", TITRE).param("originCode", "1.3")
                        .param("destinationFramework", GESTIONNAIRE).param("destinationCode", "C5")
                        .param("decision", "REJECTED").with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("recorded", "Proposition rejetée : " + TITRE + " 1.3 → " + GESTIONNAIRE
                        + " C5. Elle reste listée comme rejetée et n'entre pas dans le tableau comparatif."));
        // Without a flash, no message.
        assertThat(page(mvc.perform(get("/comparaisons/propositions").param("referentiels", TITRE + "," + GESTIONNAIRE)
                .with(ADMIN)).andReturn())).doesNotContain("Association confirmée", "Proposition rejetée :");
    }

    @Test
    void aFilterThatLeavesNoLineSaysWhyAndOffersTheWayOn() throws Exception {
        String page = page(mvc.perform(get("/comparaisons").param("referentiels", TITRE + "," + RAC)
                .param("filtre", "communes").with(OBSERVER)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("0 ligne(s)", "Aucune compétence n&#39;est commune à ces référentiels : aucune "
                + "association entre eux n&#39;a encore été confirmée.", "Afficher toutes les compétences",
                "href=\"/comparaisons/propositions?referentiels=" + TITRE + "," + RAC + "\"")
                .doesNotContain("<table class=\"matrix\"");
    }

    @Test
    void theMatrixShowsAHundredLinesAPageAndAPageBeyondTheLastShowsTheLast() throws Exception {
        String first = matrix("0");
        assertThat(first).contains("290 ligne(s)", "Page 1 sur 3 (lignes 1 à 100)",
                "href=\"/comparaisons?referentiels=" + TITRE + "," + RAC + "&amp;filtre=tout&amp;page=1\"")
                .doesNotContain("Page précédente");
        assertThat(rows(first)).isEqualTo(100);
        String last = matrix("2");
        assertThat(last).contains("Page 3 sur 3 (lignes 201 à 290)", "Page précédente").doesNotContain("Page suivante");
        assertThat(rows(last)).isEqualTo(90);
        assertThat(matrix("40")).contains("Page 3 sur 3 (lignes 201 à 290)");
    }

    @Test
    void proposalsOfALargeSynchronousComparisonComeAHundredItemsAPage() throws Exception {
        String second = page(mvc.perform(get("/comparaisons/propositions").param("referentiels", RAC + "," + TITRE)
                .param("page", "1").with(ADMIN)).andExpect(status().isOk()).andReturn());
        assertThat(second).contains("Page 2 sur 3", "Page précédente", "Page suivante",
                "href=\"/comparaisons/propositions?referentiels=" + RAC + "," + TITRE + "&amp;page=2\"");
        assertThat(second.split("<section ", -1).length - 1).isEqualTo(100);
        // A decision taken here leads back to this page.
        assertThat(second).contains("name=\"page\" value=\"1\"");
    }

    private String matrix(String page) throws Exception {
        return page(mvc.perform(get("/comparaisons").param("referentiels", TITRE + "," + RAC).param("page", page)
                .with(OBSERVER)).andExpect(status().isOk()).andReturn());
    }

    private static int rows(String page) {
        String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
        return body.split("<tr>", -1).length - 1;
    }

    private static String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
