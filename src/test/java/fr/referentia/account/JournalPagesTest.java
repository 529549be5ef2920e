package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.shared.audit.AuditEvent;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The administrators' audit journal: filters, pages, CSV export, and who may see it. */
@IntegrationTest
class JournalPagesTest {

    static final RequestPostProcessor ADMIN = user("branch-admin@demo.referentia.fr").roles("BRANCH_ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditEntryRepository entries;

    @Autowired
    AuditTrail audit;

    String marker;
    String alice;

    @BeforeEach
    void threeEntriesInMarch2024() {
        marker = "J" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        alice = "alice-" + marker.toLowerCase() + "@example.fr";
        entry("2024-03-01T10:00:00Z", alice, "FRAMEWORK", marker + "-A");
        entry("2024-03-05T10:00:00Z", "bob-" + marker.toLowerCase() + "@example.fr", "ORGANISATION", marker + "-B");
        // 23:30 UTC on 10 March is 00:30 on 11 March in Paris: the day filters follow French days.
        entry("2024-03-10T23:30:00Z", alice, "FRAMEWORK", marker + "-C");
    }

    private void entry(String at, String actor, String type, String objectId) {
        entries.save(new AuditEntry(Instant.parse(at), null, actor, "SAMPLE_DONE", type, objectId, null, null, null,
                "{\"n\":1}"));
    }

    @Test
    void filtersByPersonObjectAndDatesNewestFirst() throws Exception {
        assertThat(objects(journal(get("/admin/journal").param("person", alice.toUpperCase()))))
                .containsExactly(marker + "-C", marker + "-A");
        assertThat(objects(journal(get("/admin/journal").param("objectType", "ORGANISATION")
                .param("objectCode", marker.toLowerCase())))).containsExactly(marker + "-B");
        assertThat(objects(journal(get("/admin/journal").param("objectCode", marker)
                .param("from", "2024-03-02").param("to", "2024-03-10")))).containsExactly(marker + "-B");
        assertThat(objects(journal(get("/admin/journal").param("objectCode", marker)
                .param("from", "01/03/2024").param("to", "2024-03-11"))))
                .containsExactly(marker + "-C", marker + "-B", marker + "-A");
        assertThat(objects(journal(get("/admin/journal").param("objectCode", marker).param("from", "2024-03-12"))))
                .isEmpty();
    }

    @Test
    void showsFiftyEntriesPerPage() throws Exception {
        for (int i = 0; i < 51; i++) {
            entry(Instant.parse("2024-04-01T00:00:00Z").plusSeconds(i).toString(), alice, "FRAMEWORK",
                    marker + "-P" + i);
        }
        String filter = marker + "-P";
        Document first = journal(get("/admin/journal").param("objectCode", filter));
        assertThat(objects(first)).hasSize(50).startsWith(marker + "-P50").endsWith(marker + "-P1");
        assertThat(first.select("nav.pager").text()).contains("Page 1 sur 2").contains("Page suivante");
        assertThat(objects(journal(get("/admin/journal").param("objectCode", filter).param("page", "1"))))
                .containsExactly(marker + "-P0");
        mvc.perform(get("/admin/journal").with(ADMIN).param("page", "-1")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ne peut pas être négatif")));
    }

    @Test
    void invalidDatesGetAClearFrenchMessageAndNoResults() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/admin/journal").with(ADMIN).param("objectCode", marker)
                        .param("from", "2024-02-30").param("to", "demain"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("[role=alert]").text())
                .contains("La date de début « 2024-02-30 » n'est pas valide")
                .contains("La date de fin « demain » n'est pas valide");
        assertThat(page.select("table.data")).isEmpty();
        assertThat(page.select("input#to").attr("value")).isEqualTo("demain");
        mvc.perform(get("/admin/journal").with(ADMIN).param("from", "2024-03-10").param("to", "2024-03-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("postérieure à la date de fin")));
        String export = mvc.perform(get("/admin/journal/export.csv").with(ADMIN).param("from", "31/02/2024"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(export).select("main").text()).contains("« 31/02/2024 » n'est pas valide");
    }

    @Test
    void exportsTheFilteredEntriesAsCsvWithFormulasNeutralised() throws Exception {
        audit.record(AuditEvent.of("SAMPLE_DONE", "SAMPLE", "@SUM(1+1)" + marker)
                .change(null, Map.of("note", "=1+1")).by("=cmd-" + marker.toLowerCase() + "@example.fr"));
        var response = mvc.perform(get("/admin/journal/export.csv").with(ADMIN).param("objectCode", marker))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse();
        String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(rows).extracting(row -> row.get("Objet"))
                .containsExactly("'@SUM(1+1)" + marker, marker + "-C", marker + "-B", marker + "-A");
        CSVRecord injected = rows.get(0);
        assertThat(injected.get("Auteur")).isEqualTo("'=cmd-" + marker.toLowerCase() + "@example.fr");
        assertThat(injected.get("Après")).isEqualTo("{\"note\":\"=1+1\"}");
        assertThat(injected.get("Action")).isEqualTo("SAMPLE_DONE");
        assertThat(rows.get(3).get("Date")).isEqualTo("01/03/2024 11:00:00");
        assertThat(rows.get(3).get("Type d'objet")).isEqualTo("Référentiel");
        assertThat(rows.get(3).get("Auteur")).isEqualTo(alice);
    }

    @Test
    void onlyBranchAdministratorsSeeTheJournal() throws Exception {
        for (String url : List.of("/admin/journal", "/admin/journal/export.csv")) {
            mvc.perform(get(url).with(user("employee@demo.referentia.fr").roles("EMPLOYEE")))
                    .andExpect(status().isForbidden());
            mvc.perform(get(url).with(user("org-hr@demo.referentia.fr").roles("ORG_HR")))
                    .andExpect(status().isForbidden());
            mvc.perform(get(url).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrlPattern("**/connexion"));
        }
        mvc.perform(get("/").with(ADMIN)).andExpect(content().string(containsString("href=\"/admin/journal\"")));
        mvc.perform(get("/").with(user("employee@demo.referentia.fr").roles("EMPLOYEE")))
                .andExpect(content().string(not(containsString("href=\"/admin/journal\""))));
    }

    private Document journal(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static List<String> objects(Document page) {
        return page.select("table.data tbody tr td:nth-child(4) .code").stream().map(Element::text).toList();
    }
}
