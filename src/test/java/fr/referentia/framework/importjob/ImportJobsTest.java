package fr.referentia.framework.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.ImportProgress.Phase;
import fr.referentia.framework.exchange.FrameworkImport;
import fr.referentia.framework.exchange.FrameworkImport.Metadata;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.jobs.JobState;
import fr.referentia.shared.jobs.JobView;
import fr.referentia.shared.jobs.Problem;
import fr.referentia.shared.jobs.StoredBytes;
import java.sql.Timestamp;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ImportJobsTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String PASSWORD = "referentia-demo";
    /** Far above what an import of a few rows takes, even on a loaded machine: only a guard against hanging. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportJobs jobs;

    @Autowired
    FrameworkImport imports;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    static String csv(String code) {
        return """
                code;code_parent;type;texte;incontournable
                %1$s-D1;;DOMAIN;Accompagner les parcours;
                %1$s-C1;%1$s-D1;COMPETENCY;Analyser la demande de formation du client;
                %1$s-C1.E1;%1$s-C1;ELEMENT;Identifier les besoins de l'entreprise;oui
                """.formatted(code);
    }

    @Test
    void aSpreadsheetImportedInTheBackgroundEndsDoneWithItsCounts() throws Exception {
        String code = "JOB-CSV-" + unique();
        String location = mvc.perform(multipart("/api/v1/frameworks/import").file(file("items.csv", csv(code)))
                        .param("async", "true").param("code", code).param("title", "Import en arrière-plan")
                        .param("kind", "CQP").param("version", "1")
                        .with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", matchesPattern("http://localhost:8080/api/v1/jobs/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.kind", is(ImportJobs.KIND)))
                .andExpect(jsonPath("$.state", matchesPattern("QUEUED|RUNNING|DONE")))
                .andReturn().getResponse().getHeader("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        JobView job = awaitEnd(id, ADMIN);

        assertThat(job.state()).as(job.error()).isEqualTo(JobState.DONE);
        assertThat(job.done()).isEqualTo(3);
        assertThat(job.total()).isEqualTo(3);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(job.label()).isEqualTo("items.csv");
        assertThat(job.resultUrl()).isEqualTo("/referentiels/" + code + "/versions/1");
        assertThat(job.statusText()).isEqualTo("Terminé : 3 éléments traités.");
        assertThat(job.inputStored()).as("the file is not kept once imported").isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM job_data WHERE job_id = ?", Integer.class, id)).isZero();
        assertThat(itemsOf(code)).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT actor_email FROM audit_entry WHERE action = 'FRAMEWORK_IMPORTED'"
                + " AND object_id = ?", String.class, code)).as("audited as the person who asked").containsExactly(ADMIN);
        for (String url : List.of(location, "/api/v1/frameworks/import/jobs/" + id)) {
            mvc.perform(get(url).with(httpBasic(ADMIN, PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state", is("DONE")))
                    .andExpect(jsonPath("$.phase", is("Indexation pour la recherche")))
                    .andExpect(jsonPath("$.done", is(3)))
                    .andExpect(jsonPath("$.total", is(3)))
                    .andExpect(jsonPath("$.resultUrl", is("/referentiels/" + code + "/versions/1")));
        }
    }

    @Test
    void aSpreadsheetWithErrorsEndsWithItsReportAndNothingIsImported() throws Exception {
        String code = "JOB-KO-" + unique();
        String faulty = """
                code;code_parent;type;texte
                D1;;DOMAIN;Accompagner les parcours
                C1;D9;COMPETENCY;Analyser la demande
                C2;D1;MYSTERE;Conseiller le client
                C3;D1;COMPETENCY;
                """;
        UUID id = jobs.submitFile(ADMIN, "faux.csv", faulty.getBytes(StandardCharsets.UTF_8), null,
                new Metadata(code, "Faux", "CQP", "1"));

        JobView job = awaitEnd(id, ADMIN);

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).isEqualTo("Le fichier ne peut pas être importé : 3 erreur(s).");
        assertThat(job.problems()).containsExactly(
                new Problem(3, "code_parent", "parent « D9 » introuvable dans le fichier."),
                new Problem(4, "type", "type inconnu « MYSTERE »."),
                new Problem(5, "texte", "texte absent."));
        assertThat(itemsOf(code)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM framework WHERE code = ?", Integer.class, code)).isZero();

        mvc.perform(get("/referentiels/import/" + id).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isFound()).andExpect(header().string("Location", "/travaux/" + id));
        Document page = Jsoup.parse(mvc.perform(get("/travaux/" + id).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("table.data tbody tr")).hasSize(3);
        assertThat(page.select("table.data tbody tr").get(1).text()).isEqualTo("4 type type inconnu « MYSTERE ».");
        assertThat(page.select("[role=status]").text()).isEqualTo("Échec.");
        assertThat(page.select("#job-error").text()).isEqualTo("Le fichier ne peut pas être importé : 3 erreur(s).");
        assertThat(page.select("progress")).as("no empty progress bar for a failed job").isEmpty();
        assertThat(page.select("#job-retry")).as("a failed import is not run again as it is").isEmpty();
        assertThat(page.select("#job-again").attr("href")).isEqualTo("/referentiels/import");
        mvc.perform(get("/api/v1/jobs/" + id).with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(jsonPath("$.problems[1].row", is(4)))
                .andExpect(jsonPath("$.problems[1].column", is("type")));
    }

    @Test
    void aFaultyJsonBodyInTheBackgroundEndsWithTheFrenchListOfProblems() throws Exception {
        String body = """
                {"format": "referentia/framework@1",
                 "framework": {"code": "JOB-JSON", "kind": "CQP", "title": "Titre", "version": "1", "status": "DRAFT"},
                 "items": [{"code": "C1", "type": "COMPETENCY", "text": "Accueillir", "parentCode": "X"}]}
                """;
        String location = mvc.perform(post("/api/v1/frameworks/import").param("async", "true")
                        .contentType(MediaType.APPLICATION_JSON).content(body).with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getHeader("Location");

        JobView job = awaitEnd(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), ADMIN);

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.problems()).extracting(Problem::message)
                .containsExactly("Élément C1 : parent « X » introuvable.");
        assertThat(job.problems()).allSatisfy(problem -> assertThat(problem.row()).isNull());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM framework WHERE code = 'JOB-JSON'", Integer.class)).isZero();
    }

    @Test
    void aFaultyCasePackageInTheBackgroundEndsWithTheFrenchListOfProblems() throws Exception {
        String body = """
                {"CFDocument": {"identifier": "pas-un-uuid", "title": "Paquet CASE incomplet"}, "CFItems": []}
                """;
        String location = mvc.perform(post("/api/v1/frameworks/import").param("async", "true").param("format", "case")
                        .contentType(MediaType.APPLICATION_JSON).content(body).with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getHeader("Location");

        JobView job = awaitEnd(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), ADMIN);

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).startsWith("Le référentiel ne peut pas être importé : ");
        assertThat(job.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.row()).isNull();
            assertThat(problem.message()).isNotBlank();
        });
    }

    @Test
    void anotherPersonsJobReadsAsUnknown() throws Exception {
        UUID id = jobs.submitFile(ADMIN, "items.csv", csv("JOB-OWN-" + unique()).getBytes(StandardCharsets.UTF_8),
                null, new Metadata("JOB-OWN-" + unique(), "Titre", "CQP", "1"));
        String other = "autre-administrateur@example.fr";

        assertThat(jobs.job(id, ADMIN).id()).isEqualTo(id);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.job(id, other))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/v1/frameworks/import/jobs/" + id).with(user(other).roles("BRANCH_ADMIN")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/referentiels/import/" + id).with(user(other).roles("BRANCH_ADMIN")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/travaux/" + id).with(user(other).roles("BRANCH_ADMIN")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/" + id).with(user(other).roles("BRANCH_ADMIN")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/" + id).with(user("observer@demo.referentia.fr").roles("OBSERVER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/referentiels/import/" + UUID.randomUUID()).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/travaux/" + UUID.randomUUID()).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/frameworks/import/jobs/" + id).with(user("observer@demo.referentia.fr").roles("OBSERVER")))
                .andExpect(status().isForbidden());
        awaitEnd(id, ADMIN);
    }

    @Test
    void theUploadPageStartsAJobWhosePageShowsItsProgressThenTheReferential() throws Exception {
        Document form = Jsoup.parse(mvc.perform(get("/referentiels/import").with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.select("a[href=/api/v1/frameworks/import/template]")).hasSize(1);
        assertThat(form.select("form[enctype=multipart/form-data] input[type=file][name=file]")).hasSize(1);
        assertThat(form.select("label[for=file], label[for=code], label[for=title], label[for=kind], label[for=version]"))
                .hasSize(5);

        String code = "JOB-PAGE-" + unique();
        String redirect = mvc.perform(multipart("/referentiels/import").file(file("items.csv", csv(code)))
                        .param("code", code).param("title", "Import par la page").param("kind", "TITRE")
                        .param("version", "2026").with(csrf()).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(redirect).matches("/travaux/[0-9a-f-]{36}");
        UUID id = UUID.fromString(redirect.substring(redirect.lastIndexOf('/') + 1));

        Document page = Jsoup.parse(mvc.perform(get(redirect).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Import d'un référentiel : items.csv");
        assertThat(page.select("#job-status[role=status][aria-live=polite]")).hasSize(1);
        assertThat(page.select("#job").attr("data-status-url")).isEqualTo("/api/v1/jobs/" + id);
        if (!page.select("#job").attr("data-ended").equals("true")) {
            assertThat(page.select("progress#job-progress[max=100]")).hasSize(1);
            assertThat(page.select("label[for=job-progress]")).hasSize(1);
            assertThat(page.select("script[src=/js/job.js]")).hasSize(1);
        }

        awaitEnd(id, ADMIN);
        Document done = Jsoup.parse(mvc.perform(get(redirect).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(done.select("#job-status").text()).isEqualTo("Terminé : 3 éléments traités.");
        assertThat(done.select("progress#job-progress").attr("value")).isEqualTo("100");
        assertThat(done.select("#job-result").attr("href")).isEqualTo("/referentiels/" + code + "/versions/2026");
        assertThat(done.select("a:containsOwn(Actualiser)")).as("no refresh link once finished").isEmpty();
        assertThat(done.select("script[src=/js/job.js]")).as("nothing more to poll").isEmpty();
        Document form2 = Jsoup.parse(mvc.perform(get("/referentiels/import").with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form2.select("a[href=/travaux/" + id + "]").text()).isEqualTo("items.csv — Terminé : 3 éléments traités.");
        assertThat(itemsOf(code)).isEqualTo(3);
    }

    @Test
    void aWaitingJobPageOffersARefreshLinkThatWorksWithoutScript() throws Exception {
        UUID queued = jobRow("attente.csv", JobState.QUEUED, "autre-noeud", Instant.now(), null);

        Document page = Jsoup.parse(mvc.perform(get("/travaux/" + queued).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("a:containsOwn(Actualiser)").attr("href")).isEqualTo("/travaux/" + queued);
        assertThat(page.select("head meta[http-equiv]")).as("no meta refresh").isEmpty();
        assertThat(page.select("#job-status").text()).isEqualTo("En attente de démarrage…");
        assertThat(page.select("progress#job-progress").attr("value")).isEqualTo("0");
        assertThat(page.select("script[src=/js/job.js]")).hasSize(1);
    }

    @Test
    void aJobLeftUnfinishedByAnotherNodeReadsAsInterruptedAfterTenMinutesWithoutNews() {
        UUID recent = jobRow("recent.csv", JobState.RUNNING, "autre-noeud", Instant.now().minus(Duration.ofMinutes(9)),
                null);
        UUID abandoned = jobRow("abandonne.csv", JobState.RUNNING, "autre-noeud",
                Instant.now().minus(Duration.ofMinutes(11)), null);

        assertThat(jobs.job(recent, ADMIN).state()).isEqualTo(JobState.RUNNING);
        JobView stale = jobs.job(abandoned, ADMIN);
        assertThat(stale.state()).isEqualTo(JobState.INTERRUPTED);
        assertThat(stale.statusText()).isEqualTo("Interrompu : le serveur s'est arrêté avant la fin.");
        assertThat(stale.retryable()).as("no input stored").isFalse();
    }

    /**
     * Issue 8: after a {@code kill -9} in the middle of an import, the restarted node shows it interrupted
     * (not « Lecture et vérification du fichier… 5 % » for half an hour), and its owner runs it again from
     * the stored file.
     */
    @Test
    void anInterruptedImportWhoseFileIsStoredIsRunAgainByItsOwnerOnly() throws Exception {
        String code = "JOB-RELANCE-" + unique();
        byte[] input = json.writeValueAsBytes(new ImportJobs.Request("items.csv", null,
                new Metadata(code, "Relancé", "CQP", "1"), csv(code).getBytes(StandardCharsets.UTF_8)));
        UUID id = jobRow("items.csv", JobState.INTERRUPTED, "noeud-arrete", Instant.now().minusSeconds(30), input);

        Document page = Jsoup.parse(mvc.perform(get("/travaux/" + id).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#job-status").text()).isEqualTo("Interrompu : le serveur s'est arrêté avant la fin.");
        assertThat(page.select("form[action=/travaux/" + id + "/relance] button#job-retry")).hasSize(1);
        mvc.perform(post("/travaux/" + id + "/relance").with(csrf())
                        .with(user("autre-administrateur@example.fr").roles("BRANCH_ADMIN")))
                .andExpect(status().isNotFound());
        assertThat(itemsOf(code)).isZero();

        mvc.perform(post("/travaux/" + id + "/relance").with(csrf()).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isFound()).andExpect(header().string("Location", "/travaux/" + id));

        JobView job = awaitEnd(id, ADMIN);
        assertThat(job.state()).as(job.error()).isEqualTo(JobState.DONE);
        assertThat(job.resultUrl()).isEqualTo("/referentiels/" + code + "/versions/1");
        assertThat(itemsOf(code)).isEqualTo(3);
        mvc.perform(post("/api/v1/jobs/" + id + "/retry").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isConflict());
    }

    /** A job row as a node would have left it (another node's, or one stopped meanwhile). */
    private UUID jobRow(String fileName, JobState state, String node, Instant at, byte[] input) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO job (id, kind, owner, label, state, done, total, node, input_stored, created_at,"
                + " updated_at, finished_at, phase) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?)", id, ImportJobs.KIND,
                ADMIN, fileName, state.name(), node, input != null, Timestamp.from(at), Timestamp.from(at),
                state.ended() ? Timestamp.from(at) : null, state == JobState.RUNNING ? "Lecture et vérification du fichier" : null);
        if (input != null) {
            List<String> parts = StoredBytes.encode(input);
            for (int i = 0; i < parts.size(); i++) {
                jdbc.update("INSERT INTO job_data (job_id, purpose, part_no, data) VALUES (?, 'INPUT', ?, ?)", id, i,
                        parts.get(i));
            }
        }
        return id;
    }

    @Test
    void anOversizedUploadIsRefusedInFrenchAndNothingIsWritten() throws Exception {
        byte[] big = new byte[(int) imports.maxBytes() + 1];
        long jobsBefore = jobCount();

        String html = mvc.perform(multipart("/referentiels/import").file(new MockMultipartFile("file", "gros.csv",
                                "text/csv", big)).param("code", "TROP-GROS").param("kind", "CQP")
                        .with(csrf()).with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#import-erreur").text())
                .isEqualTo("Le fichier dépasse la taille maximale acceptée (20 Mo) : rien n'a été importé.");

        mvc.perform(multipart("/api/v1/frameworks/import").file(new MockMultipartFile("file", "gros.csv", "text/csv", big))
                        .param("async", "true").param("code", "TROP-GROS").param("kind", "CQP")
                        .with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("dépasse la taille maximale acceptée (20 Mo)")));

        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM framework WHERE code = 'TROP-GROS'", Integer.class)).isZero();
    }

    @Test
    void progressIsReportedBetweenPhasesAndEveryThousandItems() {
        StringBuilder rows = new StringBuilder("code;code_parent;type;texte\nD;;DOMAIN;Domaine\n");
        for (int i = 1; i < 2_500; i++) {
            rows.append("C").append(i).append(";D;COMPETENCY;Compétence numéro ").append(i).append('\n');
        }
        String code = "JOB-PROGRES-" + unique();
        List<String> reports = new ArrayList<>();

        imports.importFile(ADMIN, "grand.csv", rows.toString().getBytes(StandardCharsets.UTF_8), null,
                new Metadata(code, "Progrès", "CQP", "1"),
                (phase, processed, total) -> reports.add(phase + " " + processed + "/" + total));

        assertThat(reports).containsExactly("VALIDATION 0/2500", "WRITING 0/2500", "WRITING 1000/2500",
                "WRITING 2000/2500", "INDEXING 0/2500");
        assertThat(itemsOf(code)).isEqualTo(2_500);
    }

    private JobView awaitEnd(UUID id, String owner) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JobView job = jobs.job(id, owner);
        while (!job.ended() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            job = jobs.job(id, owner);
        }
        assertThat(job.ended()).as("import %s still %s after %s", id, job.state(), PATIENCE).isTrue();
        return job;
    }

    /** Jobs for a file of that name (other tests' jobs come and go meanwhile: retention). */
    private long jobCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM job WHERE label = 'gros.csv'", Long.class);
    }

    private int itemsOf(String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM framework_item i JOIN framework f ON f.id = i.framework_id"
                + " WHERE f.code = ?", Integer.class, code);
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
