package fr.referentia.search.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.referentia.IntegrationTest;
import fr.referentia.account.AuditEntry;
import fr.referentia.account.AuditFilter;
import fr.referentia.account.AuditLabels;
import fr.referentia.account.AuditTrail;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.jobs.JobState;
import fr.referentia.shared.jobs.JobView;
import fr.referentia.shared.jobs.Jobs;
import java.sql.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Background comparisons (progress, ownership) and the audit of reviewers' decisions. */
@IntegrationTest
class ComparisonJobTest {

    static final String CQP = ComparisonTest.CQP;
    static final String RAC = ComparisonTest.RAC;
    static final String GESTIONNAIRE = ComparisonTest.GESTIONNAIRE;
    static final RequestPostProcessor OBSERVER = httpBasic(ComparisonTest.OBSERVER, ComparisonTest.PASSWORD);
    static final RequestPostProcessor ADMIN = httpBasic(ComparisonTest.ADMIN, ComparisonTest.PASSWORD);
    /** Another person allowed to compare, who did not start the job. */
    static final RequestPostProcessor OBSERVER_PAGES = user(ComparisonTest.OBSERVER).roles("OBSERVER");
    static final RequestPostProcessor OTHER_OBSERVER = user("autre-observateur@exemple.fr").roles("OBSERVER");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Comparisons comparisons;

    @Autowired
    ComparisonJobs jobs;

    @Autowired
    AuditTrail audit;

    @Autowired
    Jobs runner;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    fr.referentia.framework.FrameworkCatalog catalog;

    @Autowired
    AuditLabels labels;

    @Test
    void aJobRunsToTheEndWithProposalsForEveryItemAndProgressThatOnlyGrows() throws Exception {
        var started = mvc.perform(post("/api/v1/comparisons/jobs").param("frameworks", CQP + "," + RAC)
                        .param("size", "3").with(OBSERVER))
                .andExpect(status().isAccepted()).andReturn().getResponse();
        String location = started.getHeader("Location");
        assertThat(location).as("from referentia.base-url, not the request's Host")
                .matches("http://localhost:8080/api/v1/jobs/[0-9a-f-]{36}");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode first = json.readTree(started.getContentAsString(StandardCharsets.UTF_8));
        assertThat(first.get("kind").asText()).isEqualTo(ComparisonJobs.KIND);
        assertThat(first.get("id").asText()).isEqualTo(id);

        List<Integer> seen = new ArrayList<>();
        JsonNode status = first;
        Instant deadline = Instant.now().plusSeconds(120);
        while (!status.get("state").asText().equals("DONE")) {
            assertThat(status.get("state").asText()).isIn("QUEUED", "RUNNING");
            assertThat(Instant.now()).as("job still running after 2 minutes").isBefore(deadline);
            seen.add(status.get("done").asInt());
            Thread.sleep(20);
            status = json.readTree(mvc.perform(get(location).with(OBSERVER)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        seen.add(status.get("done").asInt());
        assertThat(seen).isSorted();
        assertThat(status.get("total").asInt()).isEqualTo(6 + 41);
        assertThat(status.get("done").asInt()).isEqualTo(6 + 41);
        assertThat(status.get("phase").asText()).isEqualTo(ComparisonJobs.PHASE);
        assertThat(status.get("resultUrl").asText()).isEqualTo("/comparaisons/travaux/" + id);
        // The former address of the status answers the same.
        assertThat(json.readTree(mvc.perform(get("/api/v1/comparisons/jobs/" + id).with(OBSERVER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .isEqualTo(status);

        JsonNode result = json.readTree(mvc.perform(get("/api/v1/comparisons/jobs/" + id + "/result").with(OBSERVER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(result.get("items")).hasSize(6 + 41);
        for (JsonNode item : result.get("items")) {
            assertThat(item.get("proposals").size()).isBetween(1, 3);
            if (item.get("code").asText().equals("C2.E4")) {
                assertThat(item.get("proposals").get(0).get("code").asText()).isEqualTo("DOM4-A3-C1");
            }
        }
        // The same proposals as the synchronous call.
        JsonNode direct = json.readTree(mvc.perform(get("/api/v1/comparisons").param("frameworks", CQP + "," + RAC)
                .with(OBSERVER)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(result.get("items")).isEqualTo(direct.get("items"));

        // The job's page leads to the proposals once done.
        mvc.perform(get("/travaux/" + id).with(OBSERVER_PAGES)).andExpect(status().isFound())
                .andExpect(header().string("Location", "/comparaisons/travaux/" + id));
        String page = mvc.perform(get("/comparaisons/travaux/" + id).with(OBSERVER_PAGES))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("C2.E4", "DOM4-A3-C1").doesNotContain("<progress");
    }

    @Test
    void anotherPersonsJobReadsAsUnknownExceptForTheBranchAdministrator() throws Exception {
        String location = mvc.perform(post("/api/v1/comparisons/jobs").param("frameworks", CQP + "," + GESTIONNAIRE)
                        .with(OBSERVER))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        for (String path : List.of("/api/v1/jobs/" + id, "/api/v1/comparisons/jobs/" + id,
                "/api/v1/comparisons/jobs/" + id + "/result", "/comparaisons/travaux/" + id, "/travaux/" + id)) {
            mvc.perform(get(path).with(OTHER_OBSERVER)).andExpect(status().isNotFound());
        }
        mvc.perform(get(location).with(OBSERVER)).andExpect(status().isOk());
        mvc.perform(get(location).with(ADMIN)).andExpect(status().isOk());
        // Seeing is not running again: that is the owner's alone.
        mvc.perform(post("/api/v1/jobs/" + id + "/retry").with(OTHER_OBSERVER).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/" + UUID.randomUUID()).with(OBSERVER)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/comparisons/jobs/" + UUID.randomUUID()).with(OBSERVER))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/comparisons/jobs/pas-un-identifiant").with(OBSERVER))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/jobs/pas-un-identifiant").with(OBSERVER)).andExpect(status().isBadRequest());
        mvc.perform(get(location)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/comparisons/jobs").param("frameworks", CQP).with(OBSERVER))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/comparisons/jobs").param("frameworks", CQP + "," + RAC).param("size", "11")
                .with(OBSERVER)).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/comparisons/jobs").param("frameworks", CQP + "," + RAC)
                .with(httpBasic("employee@demo.referentia.fr", ComparisonTest.PASSWORD)))
                .andExpect(status().isForbidden());
        awaitEnd(UUID.fromString(id), ComparisonTest.OBSERVER);
    }

    @Test
    void aLargeComparisonIsOfferedInTheBackgroundThenFollowedOnItsPage() throws Exception {
        RequestPostProcessor observer = user(ComparisonTest.OBSERVER).roles("OBSERVER");
        long previous = jobs.backgroundFrom(1_000); // the seeds as if they were large
        try {
            String start = mvc.perform(get("/comparaisons/propositions").param("referentiels", CQP + "," + RAC)
                            .with(observer))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(start).contains("11 891", "rapprochements d'éléments", "Lancer la comparaison",
                    "action=\"/comparaisons/travaux\"").doesNotContain("DOM4-A3-C1");
            // The API does not hold the request either: it points to the jobs.
            assertThat(mvc.perform(get("/api/v1/comparisons").param("frameworks", CQP + "," + RAC).with(OBSERVER))
                    .andExpect(status().isConflict()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).contains("POST /api/v1/comparisons/jobs");
        } finally {
            jobs.backgroundFrom(previous);
        }
        String target = mvc.perform(post("/comparaisons/travaux").param("referentiels", CQP + "," + RAC)
                        .with(observer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(target).matches("/travaux/[0-9a-f-]{36}");
        // Either still running (the job's page) or done (it leads to the proposals).
        var answer = mvc.perform(get(target).with(observer)).andReturn().getResponse();
        if (answer.getStatus() == 200) {
            assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("<progress",
                    "role=\"status\" aria-live=\"polite\"", ">Actualiser</a>", "/js/job.js",
                    "Comparaison de référentiels : " + CQP + ", " + RAC);
        } else {
            assertThat(answer.getRedirectedUrl()).isEqualTo(target.replace("/travaux/", "/comparaisons/travaux/"));
        }
        awaitEnd(UUID.fromString(target.substring(target.lastIndexOf('/') + 1)), ComparisonTest.OBSERVER);
    }

    @Test
    void aFailedJobSaysSoOnItsPage() throws Exception {
        // A referential with only a draft version exists, but has nothing to compare: the job fails.
        String draft = "BROUILLON-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        ObjectNode file = json.createObjectNode();
        file.put("format", "referentia/framework@1");
        file.putObject("framework").put("code", draft).put("kind", "CQP").put("title", "Brouillon à comparer")
                .put("version", "1").put("status", "DRAFT");
        file.putArray("items").addObject().put("code", "C1").put("type", "COMPETENCY").put("text", "Vendre")
                .putNull("parentCode");
        mvc.perform(post("/api/v1/frameworks/import").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(file.toString())).andExpect(status().isCreated());

        String location = mvc.perform(post("/api/v1/comparisons/jobs").param("frameworks", CQP + "," + draft)
                .with(OBSERVER)).andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode status = json.readTree(mvc.perform(get(location).with(OBSERVER)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plusSeconds(60);
        while (!status.get("state").asText().equals("FAILED")) {
            assertThat(status.get("state").asText()).isIn("QUEUED", "RUNNING");
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(20);
            status = json.readTree(mvc.perform(get(location).with(OBSERVER)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
        }
        assertThat(status.get("error").asText()).startsWith("La comparaison a échoué").contains(draft);
        mvc.perform(get("/api/v1/comparisons/jobs/" + id + "/result").with(OBSERVER)).andExpect(status().isConflict());

        String page = mvc.perform(get("/travaux/" + id).with(OBSERVER_PAGES))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("role=\"status\" aria-live=\"polite\"", "Échec.", "La comparaison a échoué",
                        "href=\"/comparaisons/propositions?referentiels=" + CQP + "," + draft + "\"", "Recommencer")
                // No empty progress bar, and nothing more to wait for: no polling.
                .doesNotContain("<progress", "/js/job.js");
        mvc.perform(get("/comparaisons/travaux/" + id).with(OBSERVER_PAGES)).andExpect(status().isFound())
                .andExpect(header().string("Location", "/travaux/" + id));
    }

    @Test
    void onlyThePersonsLastThreeEndedJobsAreKept() throws Exception {
        String who = "gardien-" + UUID.randomUUID() + "@exemple.fr";
        List<UUID> started = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID id = jobs.start(List.of(CQP, GESTIONNAIRE), 1, who);
            assertThat(awaitEnd(id, who).state()).isEqualTo(JobState.DONE);
            started.add(id);
        }
        assertThatThrownBy(() -> runner.find(started.get(0), Jobs.Viewer.owner(who)))
                .isInstanceOf(NotFoundException.class);
        for (UUID id : started.subList(1, 4)) {
            assertThat(runner.find(id, Jobs.Viewer.owner(who)).state()).isEqualTo(JobState.DONE);
        }
    }

    @Test
    void anyNodeReadsTheStatusAndResultFromTheDatabase() throws Exception {
        String who = "autre-noeud-" + UUID.randomUUID() + "@exemple.fr";
        UUID id = jobs.start(List.of(CQP, RAC), 3, who);
        JobView done = awaitEnd(id, who);
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.done()).isEqualTo(47);
        assertThat(done.total()).isEqualTo(47);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.label()).isEqualTo(CQP + ", " + RAC);
        assertThat(done.finishedAt()).isNotNull();

        ComparisonJobs.Result cached = jobs.result(id, Jobs.Viewer.owner(who));
        jobs.forgetCachedResult();
        // Nothing from memory: the result as the database holds it, the versions compared with it.
        ComparisonJobs.Result stored = jobs.result(id, Jobs.Viewer.owner(who));
        assertThat(stored).isNotSameAs(cached).isEqualTo(cached);
        assertThat(stored.proposals()).hasSize(47);
        assertThat(stored.perItem()).isEqualTo(3);
        assertThat(stored.frameworks()).containsExactly(CQP, RAC);
        assertThat(stored.versions()).containsExactly(catalog.summary(CQP).version(), catalog.summary(RAC).version());
        assertThatThrownBy(() -> jobs.result(id, Jobs.Viewer.owner("quelqu-un-d-autre@exemple.fr")))
                .isInstanceOf(NotFoundException.class);
        assertThat(jobs.result(id, new Jobs.Viewer("administrateur@exemple.fr", Set.of("BRANCH_ADMIN"))).proposals())
                .hasSize(47);
        // What the database holds: the result, gzipped, in one part; the input is gone with the job's end.
        List<String> parts = jdbc.queryForList("SELECT data FROM job_data WHERE job_id = ? AND purpose = 'RESULT'",
                String.class, id);
        int raw = json.writeValueAsBytes(stored).length;
        int kept = parts.stream().mapToInt(String::length).sum();
        System.out.printf("Stored result of 47 items: %,d characters (JSON %,d bytes)%n", kept, raw);
        assertThat(parts).hasSize(1);
        assertThat(kept).isPositive().isLessThan(raw);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM job_data WHERE job_id = ? AND purpose = 'INPUT'",
                Integer.class, id)).isZero();
    }

    @Test
    void aRunningJobWithoutNewsForTenMinutesReadsAsInterrupted() throws Exception {
        Instant now = Instant.now();
        UUID stale = jobRow(ComparisonTest.OBSERVER, "RUNNING", now.minus(Duration.ofMinutes(11)), null);
        String other = "vivant-" + UUID.randomUUID() + "@exemple.fr";
        UUID alive = jobRow(other, "RUNNING", now.minusSeconds(30), null);

        assertThat(runner.find(stale, Jobs.Viewer.owner(ComparisonTest.OBSERVER)).state())
                .isEqualTo(JobState.INTERRUPTED);
        assertThat(runner.find(alive, Jobs.Viewer.owner(other)).state()).isEqualTo(JobState.RUNNING);
        JsonNode status = json.readTree(mvc.perform(get("/api/v1/jobs/" + stale).with(OBSERVER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(status.get("state").asText()).isEqualTo("INTERRUPTED");
        mvc.perform(get("/api/v1/comparisons/jobs/" + stale + "/result").with(OBSERVER))
                .andExpect(status().isConflict());
        String page = mvc.perform(get("/travaux/" + stale).with(OBSERVER_PAGES)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Interrompu", "Recommencer").doesNotContain("/js/job.js", "<progress");
    }

    @Test
    void endedJobsAreDroppedAfterAnHourAndBeyondThePersonsLastThree() {
        String who = "retention-" + UUID.randomUUID() + "@exemple.fr";
        Instant now = Instant.now();
        List<UUID> ended = new ArrayList<>();
        for (int minutes : new int[] {10, 20, 30, 40}) {
            ended.add(jobRow(who, "FAILED", now.minusSeconds(60L * minutes), now.minusSeconds(60L * minutes)));
        }
        UUID old = jobRow("ancien-" + UUID.randomUUID() + "@exemple.fr", "FAILED", now.minus(Duration.ofMinutes(61)),
                now.minus(Duration.ofMinutes(61)));
        // Past its hour, a job reads as unknown even before it is dropped.
        assertThatThrownBy(() -> runner.find(old, new Jobs.Viewer("administrateur@exemple.fr", Set.of("BRANCH_ADMIN"))))
                .isInstanceOf(NotFoundException.class);
        assertThat(exists(old)).isTrue();

        UUID started = jobs.start(List.of(CQP, GESTIONNAIRE), 1, who);

        assertThat(exists(old)).isFalse();
        // Room for the new one: the person's two latest ended jobs stay.
        assertThat(ended.stream().map(this::exists).toList()).containsExactly(true, true, false, false);
        assertThat(exists(started)).isTrue();
    }

    private JobView awaitEnd(UUID id, String owner) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        JobView job = runner.find(id, Jobs.Viewer.owner(owner));
        while (!job.ended()) {
            assertThat(Instant.now()).as("job still running after 2 minutes").isBefore(deadline);
            Thread.sleep(10);
            job = runner.find(id, Jobs.Viewer.owner(owner));
        }
        return job;
    }

    /** A comparison's row as a node would have left it (another node's: nothing runs it here). */
    private UUID jobRow(String owner, String state, Instant updated, Instant finished) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO job (id, kind, owner, label, state, done, total, node, input_stored, created_at,"
                + " updated_at, finished_at, error) VALUES (?, ?, ?, ?, ?, 0, 0, 'autre-noeud', FALSE, ?, ?, ?, ?)", id,
                ComparisonJobs.KIND, owner, CQP + ", " + RAC, state, Timestamp.from(updated.minusSeconds(60)),
                Timestamp.from(updated), finished == null ? null : Timestamp.from(finished),
                finished == null ? null : "fini");
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM job WHERE id = ?", Integer.class, id) == 1;
    }

    @Test
    void backgroundFromAboutTwoMillionComparedPairs() {
        assertThat(jobs.runsInBackground(comparisons.size(List.of(CQP, RAC)))).isFalse();
        assertThat(comparisons.size(List.of(CQP, RAC))).isEqualTo(47L * 253);
        assertThat(jobs.runsInBackground(ComparisonJobs.BACKGROUND_FROM)).isFalse();
        assertThat(jobs.runsInBackground(14_000L * 14_000)).isTrue();
    }

    @Test
    void everyDecisionLeavesAnEntryInTheAuditTrail() throws Exception {
        String destination = comparisons.proposals(List.of(CQP, GESTIONNAIRE), 1).items().stream()
                .filter(item -> item.code().equals("C5.E2")).findFirst().orElseThrow().proposals().get(0).code();
        decide("C5.E2", destination, "CONFIRMED", "EXACT_MATCH_OF");
        decide("C5.E2", destination, "REJECTED", null);

        List<AuditEntry> entries = audit.search(new AuditFilter(null, "CROSS_ASSOCIATION", CQP + " C5.E2 → ", null,
                null), 0).entries();
        assertThat(entries).hasSize(2);
        AuditEntry rejected = entries.get(0);
        AuditEntry confirmed = entries.get(1);
        assertThat(confirmed.getAction()).isEqualTo("COMPARISON_CONFIRMED");
        assertThat(confirmed.getObjectId()).isEqualTo(CQP + " C5.E2 → " + GESTIONNAIRE + " " + destination);
        assertThat(confirmed.getActorEmail()).isEqualTo(ComparisonTest.ADMIN);
        assertThat(confirmed.getBeforeJson()).isNull();
        assertThat(json.readTree(confirmed.getAfterJson()).get("type").asText()).isEqualTo("EXACT_MATCH_OF");
        assertThat(rejected.getAction()).isEqualTo("COMPARISON_REJECTED");
        assertThat(json.readTree(rejected.getBeforeJson()).get("decision").asText()).isEqualTo("CONFIRMED");
        assertThat(json.readTree(rejected.getAfterJson()).get("decision").asText()).isEqualTo("REJECTED");
        // The journal's labels, in French.
        LocaleContextHolder.setLocale(Locale.FRENCH);
        try {
            assertThat(labels.action("COMPARISON_CONFIRMED"))
                    .isEqualTo("Confirmation d'une association entre référentiels");
            assertThat(labels.action("COMPARISON_REJECTED")).startsWith("Rejet d'une proposition");
            assertThat(labels.objectType("CROSS_ASSOCIATION")).isEqualTo("Association entre référentiels");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void aDecisionTakenOnAJobsPageLeadsBackToThatPage() throws Exception {
        String destination = comparisons.proposals(List.of(CQP, GESTIONNAIRE), 1).items().stream()
                .filter(item -> item.code().equals("C5.E3")).findFirst().orElseThrow().proposals().get(0).code();
        UUID job = UUID.randomUUID();
        RequestPostProcessor admin = user(ComparisonTest.ADMIN).roles("BRANCH_ADMIN");
        String back = mvc.perform(post("/comparaisons/decisions").param("referentiels", CQP + "," + GESTIONNAIRE)
                        .param("originFramework", CQP).param("originCode", "C5.E3")
                        .param("destinationFramework", GESTIONNAIRE).param("destinationCode", destination)
                        .param("decision", "REJECTED").param("travail", job.toString()).param("page", "2")
                        .with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(back).isEqualTo("/comparaisons/travaux/" + job + "?page=2#" + CQP + "-C5.E3");
        back = mvc.perform(post("/comparaisons/decisions").param("referentiels", CQP + "," + GESTIONNAIRE)
                        .param("originFramework", CQP).param("originCode", "C5.E3")
                        .param("destinationFramework", GESTIONNAIRE).param("destinationCode", destination)
                        .param("decision", "REJECTED").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(back).isEqualTo("/comparaisons/propositions?referentiels=" + CQP + "," + GESTIONNAIRE + "#" + CQP
                + "-C5.E3");
    }

    private void decide(String origin, String destination, String decision, String type) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("originFramework", CQP, "originCode", origin,
                "destinationFramework", GESTIONNAIRE, "destinationCode", destination, "decision", decision));
        if (type != null) {
            body.put("type", type);
        }
        mvc.perform(post("/api/v1/comparisons/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)).with(ADMIN)).andExpect(status().isOk());
    }
}
