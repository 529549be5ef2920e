package fr.referentia.search.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
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
    ComparisonJobRepository rows;

    @Autowired
    fr.referentia.framework.FrameworkCatalog catalog;

    @Autowired
    java.time.Clock clock;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    AuditLabels labels;

    @Test
    void aJobRunsToTheEndWithProposalsForEveryItemAndProgressThatOnlyGrows() throws Exception {
        var started = mvc.perform(post("/api/v1/comparisons/jobs").param("frameworks", CQP + "," + RAC)
                        .param("size", "3").with(OBSERVER))
                .andExpect(status().isAccepted()).andReturn().getResponse();
        String location = started.getHeader("Location");
        assertThat(location).matches("http://localhost/api/v1/comparisons/jobs/[0-9a-f-]{36}");
        JsonNode first = json.readTree(started.getContentAsString(StandardCharsets.UTF_8));
        assertThat(first.get("frameworks")).hasSize(2);

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
        assertThat(status.get("percent").asInt()).isEqualTo(100);
        assertThat(status.get("stateLabel").asText()).isEqualTo("Terminée");

        JsonNode result = json.readTree(mvc.perform(get(location + "/result").with(OBSERVER))
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

        // The page shows the proposals once done.
        String page = mvc.perform(get(location.replace("http://localhost/api/v1/comparisons/jobs/",
                        "/comparaisons/travaux/")).with(OBSERVER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("C2.E4", "DOM4-A3-C1").doesNotContain("<progress");
    }

    @Test
    void progressReportedFromSeveralWorkersNeverGoesBack() {
        ComparisonJob job = new ComparisonJob("progression@exemple.fr", List.of(CQP, RAC), 3, Instant.now());
        List<Integer> reported = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            comparisons.propose(List.of(CQP, RAC), 3, (done, total) -> {
                synchronized (shown) {
                    job.advanced(done, total);
                    reported.add(done);
                    shown.add(job.status().done());
                }
            }, workers);
        } finally {
            workers.shutdown();
        }
        assertThat(shown).isSorted().endsWith(47);
        // Every item counted exactly once, from 0 (the start) to 47.
        Set<Integer> distinct = new HashSet<>(reported);
        assertThat(reported).hasSize(48);
        assertThat(distinct).hasSize(48).contains(0, 47);
        assertThat(job.status().percent()).isEqualTo(99); // 100 % only once the result is stored
    }

    @Test
    void anotherPersonsJobReadsAsUnknownExceptForTheBranchAdministrator() throws Exception {
        String location = mvc.perform(post("/api/v1/comparisons/jobs").param("frameworks", CQP + "," + GESTIONNAIRE)
                        .with(OBSERVER))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(get(location).with(OTHER_OBSERVER)).andExpect(status().isNotFound());
        mvc.perform(get(location + "/result").with(OTHER_OBSERVER)).andExpect(status().isNotFound());
        mvc.perform(get("/comparaisons/travaux/" + id).with(OTHER_OBSERVER)).andExpect(status().isNotFound());
        mvc.perform(get(location).with(OBSERVER)).andExpect(status().isOk());
        mvc.perform(get(location).with(ADMIN)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/comparisons/jobs/" + UUID.randomUUID()).with(OBSERVER))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/comparisons/jobs/pas-un-identifiant").with(OBSERVER))
                .andExpect(status().isBadRequest());
        mvc.perform(get(location)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/comparisons/jobs").param("frameworks", CQP).with(OBSERVER))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/comparisons/jobs").param("frameworks", CQP + "," + RAC).param("size", "11")
                .with(OBSERVER)).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/comparisons/jobs").param("frameworks", CQP + "," + RAC)
                .with(httpBasic("employee@demo.referentia.fr", ComparisonTest.PASSWORD)))
                .andExpect(status().isForbidden());
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
        assertThat(target).matches("/comparaisons/travaux/[0-9a-f-]{36}");
        // Either still running (the progress page) or done (the proposals): both are the job's page.
        String page = mvc.perform(get(target).with(observer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        if (page.contains("<progress")) {
            assertThat(page).contains("role=\"status\" aria-live=\"polite\"", ">Actualiser</a>",
                    "/js/comparison-job.js");
        } else {
            assertThat(page).contains("C2.E4", "DOM4-A3-C1");
        }
    }

    @Test
    void aFailedJobSaysSoOnItsProgressPage() throws Exception {
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
        mvc.perform(get(location + "/result").with(OBSERVER)).andExpect(status().isConflict());

        String page = mvc.perform(get(location.replace("http://localhost/api/v1/comparisons/jobs/",
                        "/comparaisons/travaux/")).with(OBSERVER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<progress id=\"progression\" max=\"100\" value=\"0\"",
                "role=\"status\" aria-live=\"polite\"", "Échec : 0 éléments traités sur 0 (0 %).",
                "La comparaison a échoué", "Relancer la comparaison", "data-status-url=\"/api/v1/comparisons/jobs/")
                // Nothing more to wait for: no polling (it would reload the page for ever).
                .doesNotContain("/js/comparison-job.js");
    }

    @Test
    void onlyThePersonsLastThreeEndedJobsAreKept() throws Exception {
        String who = "gardien-" + UUID.randomUUID() + "@exemple.fr";
        List<ComparisonJob> started = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ComparisonJob job = jobs.start(List.of(CQP, GESTIONNAIRE), 1, who);
            Instant deadline = Instant.now().plusSeconds(60);
            while (job.state() != ComparisonJob.State.DONE) {
                assertThat(Instant.now()).isBefore(deadline);
                Thread.sleep(10);
            }
            started.add(job);
        }
        assertThatThrownBy(() -> jobs.find(started.get(0).id(), who, false)).isInstanceOf(NotFoundException.class);
        for (ComparisonJob job : started.subList(1, 4)) {
            assertThat(jobs.find(job.id(), who, false).status().state()).isEqualTo(ComparisonJob.State.DONE);
        }
    }

    @Test
    void progressIsStoredByHundredthsOrSecondsNotPerItem() {
        ComparisonJob job = new ComparisonJob("ecritures@exemple.fr", List.of(CQP, RAC), 3, Instant.now());
        long start = System.nanoTime();
        int stores = 0;
        for (int done = 0; done <= 14_000; done++) {
            if (job.advanced(done, 14_000)) {
                stores++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(job.status().done()).isEqualTo(14_000);
        // The first count, then at most a hundredth per tenth of a second or one a second.
        assertThat(stores).isPositive().isLessThanOrEqualTo(1 + Math.min(100, (int) (seconds * 10) + 1));
    }

    @Test
    void anotherNodeReadsTheStatusAndResultFromTheDatabase() throws Exception {
        String who = "autre-noeud-" + UUID.randomUUID() + "@exemple.fr";
        ComparisonJob job = jobs.start(List.of(CQP, RAC), 3, who);
        Instant deadline = Instant.now().plusSeconds(120);
        while (job.state() != ComparisonJob.State.DONE) {
            assertThat(Instant.now()).as("job still running after 2 minutes").isBefore(deadline);
            Thread.sleep(10);
        }
        // A second node: the same database, nothing in memory.
        ComparisonJobs otherNode = new ComparisonJobs(comparisons, catalog, rows, json, clock, transactions,
                ComparisonJobs.BACKGROUND_FROM);
        try {
            ComparisonJob read = otherNode.find(job.id(), who, false);
            assertThat(read).isNotSameAs(job);
            ComparisonJob.Status status = read.status();
            assertThat(status.state()).isEqualTo(ComparisonJob.State.DONE);
            assertThat(status.done()).isEqualTo(47);
            assertThat(status.total()).isEqualTo(47);
            assertThat(status.percent()).isEqualTo(100);
            assertThat(status.frameworks()).containsExactly(CQP, RAC);
            assertThat(status.finishedAt()).isNotNull();
            assertThat(read.perItem()).isEqualTo(3);
            assertThat(read.result()).isEqualTo(job.result()).hasSize(47);
            assertThatThrownBy(() -> otherNode.find(job.id(), "quelqu-un-d-autre@exemple.fr", false))
                    .isInstanceOf(NotFoundException.class);
            assertThat(otherNode.find(job.id(), "administrateur@exemple.fr", true).status().state())
                    .isEqualTo(ComparisonJob.State.DONE);
        } finally {
            otherNode.stop();
        }
        // What the row holds: the versions compared and the result, gzipped, in parts.
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            StoredComparisonJob row = rows.findById(job.id()).orElseThrow();
            assertThat(row.getVersions()).containsExactly(catalog.summary(CQP).version(),
                    catalog.summary(RAC).version());
            int stored = row.getParts().stream().mapToInt(String::length).sum();
            int raw;
            try {
                raw = json.writeValueAsBytes(job.result()).length;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            System.out.printf("Stored result of 47 items: %,d characters (JSON %,d bytes)%n", stored, raw);
            assertThat(row.getParts()).hasSize(1);
            assertThat(stored).isPositive().isLessThan(raw);
        });
        jobs.forgetCachedResult();
        assertThat(jobs.find(job.id(), who, false).result()).isEqualTo(job.result());
    }

    @Test
    void aRunningJobWithoutNewsForTenMinutesReadsAsInterrupted() throws Exception {
        Instant now = Instant.now();
        UUID stale = storedRow(ComparisonTest.OBSERVER, now.minus(ComparisonJobs.STALE).minusSeconds(60));
        String other = "vivant-" + UUID.randomUUID() + "@exemple.fr";
        UUID alive = storedRow(other, now.minusSeconds(30));
        inOwnTransaction(() -> rows.running(alive, "1,1", now.minusSeconds(30)));
        inOwnTransaction(() -> rows.running(stale, "1,1", now.minus(ComparisonJobs.STALE).minusSeconds(60)));

        ComparisonJob.Status interrupted = jobs.find(stale, ComparisonTest.OBSERVER, false).status();
        assertThat(interrupted.state()).isEqualTo(ComparisonJob.State.FAILED);
        assertThat(interrupted.error()).isEqualTo(ComparisonJobs.INTERRUPTED);
        assertThat(jobs.find(alive, other, false).status().state())
                .isEqualTo(ComparisonJob.State.RUNNING);
        JsonNode status = json.readTree(mvc.perform(get("/api/v1/comparisons/jobs/" + stale).with(OBSERVER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(status.get("state").asText()).isEqualTo("FAILED");
        assertThat(status.get("error").asText()).contains("interrompue");
        mvc.perform(get("/api/v1/comparisons/jobs/" + stale + "/result").with(OBSERVER))
                .andExpect(status().isConflict());
        String page = mvc.perform(get("/comparaisons/travaux/" + stale).with(OBSERVER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("interrompue", "Relancer la comparaison").doesNotContain("/js/comparison-job.js");
    }

    @Test
    void endedJobsAreDroppedAfterAnHourAndBeyondThePersonsLastThree() {
        String who = "retention-" + UUID.randomUUID() + "@exemple.fr";
        Instant now = Instant.now();
        List<UUID> ended = new ArrayList<>();
        for (int minutes : new int[] {10, 20, 30, 40}) {
            UUID id = storedRow(who, now.minusSeconds(60L * minutes + 60));
            inOwnTransaction(() -> rows.failed(List.of(id), "fini", now.minusSeconds(60L * minutes)));
            ended.add(id);
        }
        UUID old = storedRow("ancien-" + UUID.randomUUID() + "@exemple.fr", now.minus(Duration.ofMinutes(90)));
        inOwnTransaction(() -> rows.failed(List.of(old), "fini", now.minus(Duration.ofMinutes(61))));
        // Past its hour, a job reads as unknown even before it is dropped.
        assertThatThrownBy(() -> jobs.find(old, null, true)).isInstanceOf(NotFoundException.class);
        assertThat(rows.existsById(old)).isTrue();

        ComparisonJob started = jobs.start(List.of(CQP, GESTIONNAIRE), 1, who);

        assertThat(rows.existsById(old)).isFalse();
        // Room for the new one: the person's two latest ended jobs stay.
        assertThat(ended.stream().map(rows::existsById).toList()).containsExactly(true, true, false, false);
        assertThat(rows.existsById(started.id())).isTrue();
    }

    private UUID storedRow(String requester, Instant at) {
        UUID id = UUID.randomUUID();
        inOwnTransaction(() -> rows.save(new StoredComparisonJob(id, requester, List.of(CQP, RAC), 3, at)));
        return id;
    }

    private void inOwnTransaction(Runnable work) {
        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(tx -> work.run());
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
