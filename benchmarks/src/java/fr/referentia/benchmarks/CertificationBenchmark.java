package fr.referentia.benchmarks;

import fr.referentia.ReferentiaApplication;
import fr.referentia.account.AccessTokenScope;
import fr.referentia.account.AccessTokens;
import fr.referentia.certification.AdmissibilityForm;
import fr.referentia.certification.Dossiers;
import fr.referentia.shared.text.Confusables;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13's benchmark, not a test: a year of the branch (5,000 applications, 2,000 of them with a
 * dossier of six competencies and three proofs), written straight into the database, then
 * <ul>
 * <li>the office queue ({@code GET /api/v1/applications?state=SUBMITTED}) and a candidate's dashboard
 * ({@code GET /api/v1/applications}) under load from a second process authenticated with personal access
 * tokens, with {@code GET /api/v1/me} of the same server in the same run as the reference;</li>
 * <li>the PDF of a full dossier, rendered 30 times in process.</li>
 * </ul>
 * {@code ./mvnw -q -B -Pbenchmark test-compile exec:java -Dbenchmark.main=fr.referentia.benchmarks.CertificationBenchmark
 * -Dbenchmark.items=5000}. Arguments: applications (5000), dossiers (2000), seconds of load per endpoint (20),
 * connections (4), seed (13).
 */
public final class CertificationBenchmark {

    private static final String CODE = "CQP-CONSEILLER-COMMERCIAL";
    private static final String[] STATES = {"DRAFT", "SUBMITTED", "ADMISSIBLE", "NOT_ADMISSIBLE", "INCOMPLETE",
            "WITHDRAWN"};

    public static void main(String[] args) throws Exception {
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int dossiers = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Random random = new Random(args.length > 4 ? Long.parseLong(args[4]) : 13);
        Path work = Files.createTempDirectory("certification-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext app = start(postgres, work)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long generating = System.nanoTime();
            UUID office = jdbc.queryForObject("SELECT id FROM app_user WHERE email = ?", UUID.class,
                    "certification-office@demo.referentia.fr");
            Generated data = generate(jdbc, office, applications, dossiers, random);
            System.out.printf(Locale.ROOT, "Generated %,d applications (%,d submitted), %,d dossiers, %,d proofs in %.1f s%n",
                    applications, data.submitted, dossiers, dossiers * 3, (System.nanoTime() - generating) / 1e9);

            AccessTokens tokens = app.getBean(AccessTokens.class);
            String officeToken = tokens.create("certification-office@demo.referentia.fr", "Benchmark",
                    AccessTokenScope.READ, null).secret();
            String candidateToken = tokens.create(data.busiestCandidate, "Benchmark", AccessTokenScope.READ, null)
                    .secret();
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            String reference = load(base + "/api/v1/me", officeToken, connections, seconds);
            String queue = load(base + "/api/v1/applications?state=SUBMITTED", officeToken, connections, seconds);
            String dashboard = load(base + "/api/v1/applications", candidateToken, connections, seconds);
            System.out.println("reference  GET /api/v1/me                           " + reference);
            System.out.println("queue      GET /api/v1/applications?state=SUBMITTED " + queue);
            System.out.println("dashboard  GET /api/v1/applications (candidate)      " + dashboard);
            System.out.printf(Locale.ROOT, "p95 ratio to the reference: queue %.1f, dashboard %.1f%n",
                    p95(queue) / p95(reference), p95(dashboard) / p95(reference));

            Dossiers pdfs = app.getBean(Dossiers.class);
            String candidate = jdbc.queryForObject("SELECT email FROM app_user WHERE id = ?", String.class,
                    data.fullDossierCandidate);
            double[] millis = new double[30];
            int size = 0;
            for (int i = 0; i < millis.length; i++) {
                long t = System.nanoTime();
                size = pdfs.pdf(candidate, data.fullDossier, null).length;
                millis[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] warm = Arrays.copyOfRange(millis, 5, millis.length);
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "Dossier PDF (6 competencies, 23 activities, 3 proofs, %,d bytes): first %.0f ms, "
                    + "then median %.0f ms, max %.0f ms over %d%n", size, millis[0], warm[warm.length / 2],
                    warm[warm.length - 1], warm.length);
        }
    }

    private record Generated(int submitted, String busiestCandidate, UUID fullDossier, UUID fullDossierCandidate) {
    }

    /** Candidates (one to three applications each), applications with their history, dossiers with proofs. */
    private static Generated generate(JdbcTemplate jdbc, UUID office, int applications, int dossiers, Random random) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> users = new ArrayList<>();
        List<Object[]> grants = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        List<Object[]> entries = new ArrayList<>();
        List<Object[]> files = new ArrayList<>();
        List<Object[]> documents = new ArrayList<>();
        String busiest = null;
        UUID full = null;
        UUID fullCandidate = null;
        int submitted = 0;
        int made = 0;
        int candidateNumber = 0;
        while (made < applications) {
            UUID candidate = UUID.randomUUID();
            String email = "candidat-" + (candidateNumber++) + "@bench.example.fr";
            users.add(new Object[] {candidate, email, "Candidat " + candidateNumber, true, now,
                    Confusables.skeletonDigest(email)});
            grants.add(new Object[] {candidate, "CANDIDATE", now});
            int count = Math.min(1 + random.nextInt(3), applications - made);
            if (busiest == null && count == 3) {
                busiest = email;
            }
            for (int i = 0; i < count; i++, made++) {
                UUID id = UUID.randomUUID();
                boolean withDossier = made < dossiers;
                String state = withDossier ? (random.nextBoolean() ? "DOSSIER_SUBMITTED" : "DOSSIER_IN_PROGRESS")
                        : STATES[random.nextInt(STATES.length)];
                submitted += state.equals("SUBMITTED") ? 1 : 0;
                Timestamp created = Timestamp.from(Instant.now().minus(random.nextInt(360), ChronoUnit.DAYS));
                rows.add(new Object[] {id, i == 0 ? CODE : "CQP-GESTIONNAIRE-DISPOSITIFS", i == 0 ? "1" : "2024-10",
                        "VAE", 2026, candidate, candidate, state, AdmissibilityForm.EXAMPLE,
                        state.equals("DRAFT") ? null : created, created, created});
                changes.add(new Object[] {UUID.randomUUID(), id, 0, null, "DRAFT", created, candidate, "Créée."});
                if (!state.equals("DRAFT")) {
                    changes.add(new Object[] {UUID.randomUUID(), id, 1, "DRAFT", "SUBMITTED", created, candidate, "Déposée."});
                }
                for (int d = 0; d < 2; d++) {
                    documents.add(new Object[] {UUID.randomUUID(), id, UUID.randomUUID(), "PAY_SLIP", "bulletin-" + d
                            + ".pdf", "application/pdf", 80_000L, created, candidate});
                }
                if (withDossier && i == 0) {
                    changes.add(new Object[] {UUID.randomUUID(), id, 2, "SUBMITTED", "ADMISSIBLE", created, office, "Favorable."});
                    changes.add(new Object[] {UUID.randomUUID(), id, 3, "ADMISSIBLE", "DOSSIER_IN_PROGRESS", created,
                            candidate, "Commencé."});
                    List<UUID> proofs = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
                    for (int p = 0; p < 3; p++) {
                        files.add(new Object[] {proofs.get(p), id, UUID.randomUUID(), "PROOF", null, "preuve-" + p + ".pdf",
                                "application/pdf", 120_000L, 2, created, candidate});
                    }
                    for (int c = 1; c <= 6; c++) {
                        entries.add(new Object[] {id, "C" + c, competency(c, proofs.get(c % 3), random), created, candidate});
                    }
                    if (full == null) {
                        full = id;
                        fullCandidate = candidate;
                    }
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO app_user (id, email, display_name, enabled, created_at, email_skeleton) "
                + "VALUES (?, ?, ?, ?, ?, ?)", users);
        jdbc.batchUpdate("INSERT INTO role_grant (user_id, role, granted_at) VALUES (?, ?, ?)", grants);
        jdbc.batchUpdate("INSERT INTO application (id, certification_code, framework_version, route, request_year, "
                + "candidate_id, created_by, on_behalf, state, form, submitted_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?)", rows);
        jdbc.batchUpdate("INSERT INTO application_state_change (id, application_id, step, from_state, to_state, "
                + "changed_at, changed_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", changes);
        jdbc.batchUpdate("INSERT INTO application_document (id, application_id, file_id, kind, original_name, "
                + "media_type, size_bytes, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", documents);
        jdbc.batchUpdate("INSERT INTO dossier_file (id, application_id, file_id, kind, item_code, original_name, "
                + "media_type, size_bytes, page_count, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                files);
        jdbc.batchUpdate("INSERT INTO dossier_entry (application_id, item_code, content, updated_at, updated_by, "
                + "row_version) VALUES (?, ?, ?, ?, ?, 0)", entries);
        return new Generated(submitted, busiest, full, fullCandidate);
    }

    /** Answers for competency Cc of the CQP Conseiller commercial: every activity done, every question answered. */
    private static String competency(int c, UUID proof, Random random) {
        StringBuilder json = new StringBuilder("{\"activities\":[");
        for (int a = 1; a <= 6; a++) {
            json.append(a > 1 ? "," : "").append("{\"code\":\"C").append(c).append(".ACT").append(a)
                    .append("\",\"done\":true,\"examples\":\"Exemple ").append(random.nextInt(1000))
                    .append(" : une action menée auprès d'un client du secteur sanitaire et social, de la prise de contact "
                            + "au suivi, avec ses résultats.\",\"tools\":\"CRM, tableur de suivi\",\"proofIds\":[\"")
                    .append(proof).append("\"]}");
        }
        json.append("],\"answers\":[{\"code\":\"C").append(c).append(".Q1\",\"text\":\"")
                .append("Je planifiais mes actions chaque semaine. ".repeat(20)).append("\"}]}");
        return json.toString();
    }

    /** The second process: {@code TokenLoadClient URL TOKEN CONNECTIONS SECONDS}; its RESULT line. */
    private static String load(String url, String token, int connections, int seconds) throws Exception {
        // Under exec:java the class path is Maven's: the client needs only its own class (and the JDK).
        String classes = Path.of(TokenLoadClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        Process client = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx256m", "-cp",
                classes, TokenLoadClient.class.getName(), url, token,
                String.valueOf(connections), String.valueOf(seconds)).redirectErrorStream(true).start();
        String result = "(no RESULT line)";
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT")) {
                    result = line.substring("RESULT ".length());
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (client.waitFor() != 0 || result.startsWith("(")) {
            System.out.print(output);
        }
        return result;
    }

    private static double p95(String result) {
        for (String part : result.split(" ")) {
            if (part.startsWith("p95_ms=")) {
                return Double.parseDouble(part.substring("p95_ms=".length()));
            }
        }
        return Double.NaN;
    }

    /** As {@link ImportBenchmark}: the benchmark's own PostgreSQL and index, the demo accounts, no test initialisers. */
    private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, Path work) {
        SpringApplication application = new SpringApplication(ReferentiaApplication.class);
        application.setInitializers(application.getInitializers().stream()
                .filter(initializer -> !initializer.getClass().getName().startsWith("fr.referentia."))
                .toList());
        return application.run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.jpa.properties.hibernate.search.backend.directory.root=" + work.resolve("index"),
                "--referentia.mail.folder=" + work.resolve("mail"), "--referentia.files.directory=" + work.resolve("files"),
                "--server.port=0", "--spring.profiles.active=demo", "--logging.level.root=WARN");
    }
}
