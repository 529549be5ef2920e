package fr.referentia.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The runner itself, on the test database, through a runner of its own (a node named {@value #NODE})
 * with kinds of its own, beside the application's.
 */
@IntegrationTest
class JobsTest {

    static final String NODE = "noeud-des-tests";
    static final String OWNER = "proprietaire@exemple.fr";
    /** Far above what these jobs take, even on a loaded machine: only a guard against hanging. */
    static final long PATIENCE_SECONDS = 60;

    @Autowired
    JobRepository rows;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Environment environment;

    @Autowired
    MockMvc mvc;

    /** A kind whose work waits to be released: to see a job queued, then running. */
    final Kind held = new Kind("test-tenu", Set.of("BRANCH_ADMIN"), context -> {
        context.progress("Première étape", 1, 4);
        started().countDown();
        try {
            assertThat(release().await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        context.progress("Première étape", 4, 4);
        context.storeResult(("résultat de " + context.owner()).getBytes(StandardCharsets.UTF_8));
        return "/resultats/" + context.id();
    });
    /** A kind whose work says who it runs as, and echoes its input (an error when asked to fail). */
    final Kind echo = new Kind("test-echo", Set.of(), context -> {
        String input = new String(context.input(), StandardCharsets.UTF_8);
        if (input.equals("échoue")) {
            throw new JobFailure("Le fichier ne convient pas.", List.of(new Problem(3, "type", "type inconnu.")));
        }
        if (input.equals("plante")) {
            throw new IllegalStateException("imprévu");
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        context.storeResult((input + " par " + (authentication == null ? "personne" : authentication.getName()))
                .getBytes(StandardCharsets.UTF_8));
        return null;
    });

    private CountDownLatch started = new CountDownLatch(1);
    private CountDownLatch release = new CountDownLatch(1);
    private Jobs runner;

    record Kind(String name, Set<String> viewerRoles, Function<JobContext, String> work) implements JobKind {

        @Override
        public String title() {
            return "Travail de test";
        }

        @Override
        public String run(JobContext context) {
            return work.apply(context);
        }

        @Override
        public Duration retention() {
            return Duration.ofHours(2);
        }

        @Override
        public String unexpectedFailure(RuntimeException e) {
            return "Le travail de test a échoué.";
        }
    }

    CountDownLatch started() {
        return started;
    }

    CountDownLatch release() {
        return release;
    }

    @BeforeEach
    void runner() {
        runner = node(NODE);
    }

    @AfterEach
    void stop() {
        release.countDown();
        runner.stop();
    }

    private Jobs node(String name) {
        StaticListableBeanFactory kinds = new StaticListableBeanFactory();
        kinds.addBean("held", held);
        kinds.addBean("echo", echo);
        return new Jobs(kinds.getBeanProvider(JobKind.class), rows, jdbc, json, clock, transactions, environment, name,
                Duration.ofMinutes(10), Duration.ofMillis(250), Duration.ofMillis(200), "https://referentia.example.fr/");
    }

    @Test
    void aJobWaitsThenRunsThenEndsDoneWithItsResultAndItsInputIsDropped() throws Exception {
        UUID first = runner.submit("test-tenu", OWNER, "premier", "entrée".getBytes(StandardCharsets.UTF_8));
        assertThat(started.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        UUID second = runner.submit("test-tenu", OWNER, "second", null);

        JobView running = runner.find(first, Jobs.Viewer.owner(OWNER));
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.phase()).isEqualTo("Première étape");
        assertThat(running.done()).isEqualTo(1);
        assertThat(running.total()).isEqualTo(4);
        assertThat(running.percent()).isEqualTo(25);
        assertThat(running.statusText()).isEqualTo("Première étape : 1 sur 4…");
        JobView waiting = runner.find(second, Jobs.Viewer.owner(OWNER));
        assertThat(waiting.state()).as("one thread for this kind").isEqualTo(JobState.QUEUED);
        assertThat(waiting.statusText()).isEqualTo("En attente de démarrage…");
        assertThat(inputParts(first)).isPositive();

        release.countDown();
        JobView done = awaitEnd(first);
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.done()).isEqualTo(4);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.resultUrl()).isEqualTo("/resultats/" + first);
        assertThat(done.finishedAt()).isNotNull();
        assertThat(new String(runner.result(first, Jobs.Viewer.owner(OWNER)), StandardCharsets.UTF_8))
                .isEqualTo("résultat de " + OWNER);
        assertThat(inputParts(first)).as("the input is only kept for a retry").isZero();
        assertThat(awaitEnd(second).state()).isEqualTo(JobState.DONE);
        assertThat(runner.statusUri(first)).hasToString("https://referentia.example.fr/api/v1/jobs/" + first);
    }

    @Test
    void aFailedJobKeepsItsMessageAndProblemsAndAnUnexpectedErrorItsKindsMessage() throws Exception {
        UUID refused = runner.submit("test-echo", OWNER, null, "échoue".getBytes(StandardCharsets.UTF_8));
        UUID broken = runner.submit("test-echo", OWNER, null, "plante".getBytes(StandardCharsets.UTF_8));

        JobView failed = awaitEnd(refused);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).isEqualTo("Le fichier ne convient pas.");
        assertThat(failed.problems()).containsExactly(new Problem(3, "type", "type inconnu."));
        assertThat(failed.statusText()).isEqualTo("Échec.");
        assertThat(failed.retryable()).isFalse();
        assertThat(awaitEnd(broken).error()).isEqualTo("Le travail de test a échoué.");
        assertThatThrownBy(() -> runner.result(refused, Jobs.Viewer.owner(OWNER)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theWorkRunsInTheSecurityContextOfThePersonWhoAsked() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("demandeur@exemple.fr", null, "ROLE_OBSERVER"));
        UUID id;
        try {
            id = runner.submit("test-echo", "demandeur@exemple.fr", null, "fait".getBytes(StandardCharsets.UTF_8));
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(awaitEnd(id, "demandeur@exemple.fr").state()).isEqualTo(JobState.DONE);
        assertThat(new String(runner.result(id, Jobs.Viewer.owner("demandeur@exemple.fr")), StandardCharsets.UTF_8))
                .isEqualTo("fait par demandeur@exemple.fr");
    }

    @Test
    void aJobIsShownToItsOwnerAndItsKindsRolesOnlyAndToAnyoneElseItDoesNotExist() {
        UUID held = row("test-tenu", JobState.DONE, "autre-noeud", Instant.now(), false);
        UUID echoed = row("test-echo", JobState.DONE, "autre-noeud", Instant.now(), false);

        assertThat(runner.find(held, Jobs.Viewer.owner(OWNER)).id()).isEqualTo(held);
        assertThat(runner.find(held, new Jobs.Viewer("admin@exemple.fr", Set.of("BRANCH_ADMIN"))).id()).isEqualTo(held);
        for (Jobs.Viewer stranger : List.of(new Jobs.Viewer("autre@exemple.fr", Set.of("OBSERVER", "ORG_HR")),
                new Jobs.Viewer(null, Set.of()))) {
            assertThatThrownBy(() -> runner.find(held, stranger)).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> runner.find(echoed, new Jobs.Viewer("admin@exemple.fr", Set.of("BRANCH_ADMIN"))))
                .as("a kind without roles: its owner's only").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runner.find(UUID.randomUUID(), Jobs.Viewer.owner(OWNER)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runner.find(null, Jobs.Viewer.owner(OWNER))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aNodeStartingAgainMarksItsOwnUnfinishedJobsInterruptedAndNoOtherNodes() {
        UUID running = row("test-echo", JobState.RUNNING, NODE, Instant.now(), true);
        UUID queued = row("test-echo", JobState.QUEUED, NODE, Instant.now(), false);
        UUID elsewhere = row("test-echo", JobState.RUNNING, "autre-noeud", Instant.now(), false);

        runner.start();

        assertThat(storedState(running)).isEqualTo("INTERRUPTED");
        assertThat(storedState(queued)).isEqualTo("INTERRUPTED");
        assertThat(storedState(elsewhere)).isEqualTo("RUNNING");
        JobView interrupted = runner.find(running, Jobs.Viewer.owner(OWNER));
        assertThat(interrupted.state()).isEqualTo(JobState.INTERRUPTED);
        assertThat(interrupted.retryable()).isTrue();
        assertThat(interrupted.statusText()).isEqualTo("Interrompu : le serveur s'est arrêté avant la fin.");
        assertThat(runner.find(queued, Jobs.Viewer.owner(OWNER)).retryable()).as("no input stored").isFalse();
    }

    @Test
    void anotherNodesJobWithoutNewsForTenMinutesReadsAsInterruptedWhileANodesHeartbeatKeepsItsOwnAlive() {
        UUID silent = row("test-echo", JobState.RUNNING, "noeud-arrete", Instant.now().minus(Duration.ofMinutes(11)),
                true);
        UUID recent = row("test-echo", JobState.RUNNING, "noeud-vivant", Instant.now().minus(Duration.ofMinutes(9)),
                false);
        UUID mine = row("test-echo", JobState.QUEUED, "noeud-qui-bat", Instant.now().minus(Duration.ofMinutes(11)),
                false);

        assertThat(runner.find(silent, Jobs.Viewer.owner(OWNER)).state()).isEqualTo(JobState.INTERRUPTED);
        assertThat(runner.find(silent, Jobs.Viewer.owner(OWNER)).retryable()).isTrue();
        assertThat(runner.find(recent, Jobs.Viewer.owner(OWNER)).state()).isEqualTo(JobState.RUNNING);
        assertThat(runner.find(mine, Jobs.Viewer.owner(OWNER)).state()).isEqualTo(JobState.INTERRUPTED);

        Jobs beating = node("noeud-qui-bat");
        beating.heartbeat();

        assertThat(runner.find(mine, Jobs.Viewer.owner(OWNER)).state()).isEqualTo(JobState.QUEUED);
    }

    @Test
    void anInterruptedJobWithItsInputStoredIsRunAgainByItsOwnerOnly() throws Exception {
        UUID id = row("test-tenu", JobState.INTERRUPTED, "noeud-arrete", Instant.now(), true);
        UUID withoutInput = row("test-tenu", JobState.INTERRUPTED, "noeud-arrete", Instant.now(), false);

        assertThatThrownBy(() -> runner.retry(id, new Jobs.Viewer("admin@exemple.fr", Set.of("BRANCH_ADMIN"))))
                .as("seen by an administrator, but not theirs").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runner.retry(id, Jobs.Viewer.owner("autre@exemple.fr")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runner.retry(withoutInput, Jobs.Viewer.owner(OWNER)))
                .isInstanceOf(ConflictException.class);
        assertThat(storedState(id)).isEqualTo("INTERRUPTED");

        JobView again = runner.retry(id, Jobs.Viewer.owner(OWNER));
        assertThat(again.state()).isIn(JobState.QUEUED, JobState.RUNNING);
        assertThat(started.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> runner.retry(id, Jobs.Viewer.owner(OWNER))).as("already running")
                .isInstanceOf(ConflictException.class);
        release.countDown();
        JobView done = awaitEnd(id);
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(jdbc.queryForObject("SELECT node FROM job WHERE id = ?", String.class, id)).isEqualTo(NODE);
        assertThatThrownBy(() -> runner.retry(id, Jobs.Viewer.owner(OWNER))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aStoppingNodeMarksItsRunningAndWaitingJobsInterrupted() throws Exception {
        UUID running = runner.submit("test-tenu", OWNER, "en cours", "a".getBytes(StandardCharsets.UTF_8));
        assertThat(started.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        UUID waiting = runner.submit("test-tenu", OWNER, "en attente", "b".getBytes(StandardCharsets.UTF_8));

        runner.stop();

        assertThat(storedState(running)).isEqualTo("INTERRUPTED");
        assertThat(storedState(waiting)).isEqualTo("INTERRUPTED");
        assertThat(runner.find(waiting, Jobs.Viewer.owner(OWNER)).retryable()).isTrue();
    }

    @Test
    void endedJobsPastTheirKindsRetentionReadAsUnknownThenArePurged() {
        UUID old = row("test-echo", JobState.DONE, "autre-noeud", Instant.now().minus(Duration.ofMinutes(121)), false);
        UUID young = row("test-echo", JobState.FAILED, "autre-noeud", Instant.now().minus(Duration.ofMinutes(119)),
                false);
        UUID silent = row("test-echo", JobState.RUNNING, "autre-noeud", Instant.now().minus(Duration.ofMinutes(121)),
                false);

        assertThatThrownBy(() -> runner.find(old, Jobs.Viewer.owner(OWNER))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runner.find(silent, Jobs.Viewer.owner(OWNER))).isInstanceOf(NotFoundException.class);
        assertThat(exists(old)).isTrue();

        runner.purge();

        assertThat(exists(old)).isFalse();
        assertThat(exists(silent)).isFalse();
        assertThat(exists(young)).isTrue();
        assertThat(runner.find(young, Jobs.Viewer.owner(OWNER)).state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void progressToldOutOfOrderNeverGoesBackWithinAPhase() {
        JobContext context = new JobContext(runner, UUID.randomUUID(), OWNER, null, new ProgressThrottle(250));
        List<Integer> shown = new ArrayList<>();
        for (int done : new int[] {0, 5, 3, 7, 6, 10}) {
            context.progress("Recherche", done, 10);
            shown.add(context.done());
        }
        assertThat(shown).containsExactly(0, 5, 5, 7, 7, 10);
        context.progress("Indexation", 1, 10);
        assertThat(context.done()).as("a new phase counts afresh").isEqualTo(1);
    }

    @Test
    void theStatusJsonHasTheSameEightFieldsForEveryJob() throws Exception {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO job (id, kind, owner, label, state, phase, done, total, node, input_stored,"
                + " created_at, updated_at) VALUES (?, 'framework-import', ?, 'gros.xlsx', 'RUNNING',"
                + " 'Enregistrement des éléments', 5000, 17000, 'autre-noeud', FALSE, ?, ?)", id, OWNER,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));

        JsonNode status = json.readTree(mvc.perform(get("/api/v1/jobs/" + id).with(user(OWNER).roles("EMPLOYEE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        List<String> fields = new ArrayList<>();
        status.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "kind", "state", "phase", "done", "total", "error", "resultUrl");
        assertThat(status.get("id").asText()).isEqualTo(id.toString());
        assertThat(status.get("kind").asText()).isEqualTo("framework-import");
        assertThat(status.get("state").asText()).isEqualTo("RUNNING");
        assertThat(status.get("phase").asText()).isEqualTo("Enregistrement des éléments");
        assertThat(status.get("done").asInt()).isEqualTo(5000);
        assertThat(status.get("total").asInt()).isEqualTo(17000);
        assertThat(status.get("error").isNull()).isTrue();
        assertThat(status.get("resultUrl").isNull()).isTrue();
        String page = mvc.perform(get("/travaux/" + id).with(user(OWNER).roles("EMPLOYEE"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<progress id=\"job-progress\" max=\"100\" value=\"29\"",
                "Enregistrement des éléments : 5000 sur 17000…", ">Actualiser</a>", "/js/job.js");
    }

    @Autowired
    JobsPersonalData personalData;

    @Test
    void aPersonsJobsReachMesDonneesAndGoWithAnErasure() {
        String person = "personne-" + UUID.randomUUID() + "@exemple.fr";
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO job (id, kind, owner, label, state, done, total, node, input_stored, created_at,"
                + " updated_at) VALUES (?, 'framework-import', ?, 'salaries.xlsx', 'INTERRUPTED', 0, 0, 'autre-noeud',"
                + " TRUE, ?, ?)", id, person, Timestamp.from(Instant.parse("2026-11-30T09:15:00Z")),
                Timestamp.from(Instant.now()));
        jdbc.update("INSERT INTO job_data (job_id, purpose, part_no, data) VALUES (?, 'INPUT', 0, ?)", id,
                StoredBytes.encode("nom;prénom".getBytes(StandardCharsets.UTF_8)).get(0));
        UUID others = row("test-echo", JobState.DONE, "autre-noeud", Instant.now(), false);
        var subject = new fr.referentia.shared.personaldata.PersonalDataContributor.Subject(UUID.randomUUID(), person,
                "Une personne");

        var sections = personalData.sections(subject);
        assertThat(sections).hasSize(1);
        assertThat(sections.get(0).key()).isEqualTo("travaux");
        assertThat(sections.get(0).rows()).containsExactly(
                List.of("Import d'un référentiel", "salaries.xlsx", "Interrompu", "30/11/2026 10:15",
                        sections.get(0).rows().get(0).get(4)));

        personalData.erase(subject);

        assertThat(exists(id)).isFalse();
        assertThat(inputParts(id)).as("the stored file goes with it").isZero();
        assertThat(exists(others)).isTrue();
        assertThat(personalData.sections(subject)).as("nothing left to show").isEmpty();
    }

    private JobView awaitEnd(UUID id) throws InterruptedException {
        return awaitEnd(id, OWNER);
    }

    private JobView awaitEnd(UUID id, String owner) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        JobView job = runner.find(id, Jobs.Viewer.owner(owner));
        while (!job.ended()) {
            assertThat(System.nanoTime()).as("job %s still %s", id, job.state()).isLessThan(deadline);
            Thread.sleep(10);
            job = runner.find(id, Jobs.Viewer.owner(owner));
        }
        return job;
    }

    /** A job's row as some node left it, with a stored input when asked. */
    private UUID row(String kind, JobState state, String node, Instant at, boolean input) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO job (id, kind, owner, state, done, total, node, input_stored, created_at, updated_at,"
                + " finished_at) VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)", id, kind, OWNER, state.name(), node, input,
                Timestamp.from(at), Timestamp.from(at), state.ended() ? Timestamp.from(at) : null);
        if (input) {
            List<String> parts = StoredBytes.encode("entrée conservée".getBytes(StandardCharsets.UTF_8));
            jdbc.update("INSERT INTO job_data (job_id, purpose, part_no, data) VALUES (?, 'INPUT', 0, ?)", id,
                    parts.get(0));
        }
        return id;
    }

    private String storedState(UUID id) {
        return jdbc.queryForObject("SELECT state FROM job WHERE id = ?", String.class, id);
    }

    private boolean exists(UUID id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM job WHERE id = ?", Integer.class, id) == 1;
    }

    private int inputParts(UUID id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM job_data WHERE job_id = ? AND purpose = 'INPUT'",
                Integer.class, id);
    }
}
