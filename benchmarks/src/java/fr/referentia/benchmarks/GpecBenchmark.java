package fr.referentia.benchmarks;

import fr.referentia.ReferentiaApplication;
import fr.referentia.account.AccessTokenScope;
import fr.referentia.account.AccessTokens;
import fr.referentia.account.AccountDirectory;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.ItemType;
import fr.referentia.workforce.gap.BranchGaps;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12's benchmark (not a test): a synthetic branch at real scale on the embedded PostgreSQL of the tests —
 * 9,000 organisations, 76,000 employees in teams, job profiles of 10–40 competencies of the branch framework,
 * 2–3 assessments of each required competency (self, manager, sometimes an older self-assessment), confirmed
 * matches from three certifications to the branch framework — then:
 * <ol>
 * <li>the gap of every employee to their job profile and to the three certifications, from the database
 * ({@link BranchGaps#everyone}), loading excluded, three runs;</li>
 * <li>the heat map of a 2,000-employee organisation (the demo organisation) over HTTP, under load from a second
 * process ({@link TokenLoadClient}) authenticated with a personal access token, with {@code /api/v1/me} (same
 * token, a trivial answer) in the same run for the ratio.</li>
 * </ol>
 * {@code ./mvnw -q -B -Pbenchmark test-compile exec:java -Dbenchmark.main=fr.referentia.benchmarks.GpecBenchmark}
 * Arguments (or -Dgpec.employees, -Dgpec.big, -Dgpec.seed, -Dgpec.seconds, -Dgpec.connections, as the profile
 * passes only the first): organisations (9000, {@code -Dbenchmark.items}), employees (76000), employees of the big
 * organisation (2000), seed (12), load seconds (20), connections (4).
 */
public final class GpecBenchmark {

    static final String RAC = "RAC-METIERS-FORMATION";
    static final List<String> CERTIFICATIONS = List.of("CQP-CONSEILLER-COMMERCIAL", "CQP-GESTIONNAIRE-DISPOSITIFS",
            "TITRE-PILOTAGE-DISPOSITIFS");

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable e) {
            // exec:java would wait for the test mail server's thread before reporting it: say it and stop.
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        int organisations = args.length > 0 ? Integer.parseInt(args[0]) : 9_000;
        int employees = args.length > 1 ? Integer.parseInt(args[1]) : Integer.getInteger("gpec.employees", 76_000);
        int big = args.length > 2 ? Integer.parseInt(args[2]) : Integer.getInteger("gpec.big", 2_000);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : Long.getLong("gpec.seed", 12);
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : Integer.getInteger("gpec.seconds", 20);
        int connections = args.length > 5 ? Integer.parseInt(args[5]) : Integer.getInteger("gpec.connections", 4);

        SpringApplication application = new SpringApplication(ReferentiaApplication.class);
        application.setDefaultProperties(Map.of("server.port", "0", "logging.level.root", "WARN",
                "logging.level.fr.referentia", "WARN"));
        try (ConfigurableApplicationContext context = application.run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            AccountDirectory directory = context.getBean(AccountDirectory.class);
            UUID demo = directory.findByEmail("org-hr@demo.referentia.fr").orElseThrow().organisationId();
            List<String> racCompetencies = context.getBean(FrameworkCatalog.class).items(RAC, ItemType.COMPETENCY)
                    .stream().map(i -> i.code()).toList();
            DataSource dataSource = context.getBean(DataSource.class);
            System.out.println("LOAD before generation: " + loadAverage());
            long synthetic;
            try (Connection connection = dataSource.getConnection()) {
                var rs = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM organisation WHERE name LIKE 'Organisme synthétique %'");
                rs.next();
                synthetic = rs.getLong(1);
            }
            if (synthetic == organisations - 1 && synthetic > 0) {
                // A kept data directory (-Dreferentia.test.postgres-data): the branch is there already.
                System.out.printf("Reusing the synthetic branch of the kept data directory: %s%n", counts(dataSource));
            } else if (synthetic > 0) {
                throw new IllegalStateException("The kept data directory holds a synthetic branch of " + (synthetic + 1)
                        + " organisations, not " + organisations + ": remove it or point to another one.");
            } else {
                long start = System.nanoTime();
                Counts counts = generate(dataSource, context.getBean(FrameworkCatalog.class), demo, racCompetencies,
                        organisations, employees, big, new Random(seed));
                System.out.printf("Generated %,d organisations, %,d employees, %,d teams, %,d job profiles, %,d requirements, "
                                + "%,d assessments in %.1f s%n", organisations, employees, counts.teams, counts.profiles,
                        counts.requirements, counts.assessments, (System.nanoTime() - start) / 1e9);
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(true);
                    connection.createStatement().execute("VACUUM ANALYZE");
                }
                afterGeneration(dataSource);
            }

            BranchGaps gaps = context.getBean(BranchGaps.class);
            int runs = Integer.getInteger("gpec.runs", 3);
            for (int run = 1; run <= runs; run++) {
                System.out.println("LOAD " + loadAverage());
                long t0 = System.nanoTime();
                BranchGaps.Totals totals = gaps.everyone(CERTIFICATIONS);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("RESULT gaps run=%d seconds=%.2f people=%,d requirements=%,d met=%,d jobCoverage=%.3f "
                        + "certifications=%s%n", run, s, totals.people(), totals.requirements(), totals.requirementsMet(),
                        totals.jobCoverage(), totals.certificationCoverage());
            }

            if (!Boolean.parseBoolean(System.getProperty("gpec.http", "true"))) {
                return;
            }
            String token = context.getBean(AccessTokens.class).create("org-hr@demo.referentia.fr", "Banc d'essai GPEC",
                    AccessTokenScope.READ, LocalDate.now().plusDays(2)).secret();
            String heatmap = "/api/v1/organisations/" + demo + "/heatmap";
            // As before (no compression), the trivial endpoint, then as browsers ask: gzip, and gzip revalidating its copy.
            List<List<String>> loads = List.of(List.of(heatmap), List.of("/api/v1/me"), List.of(heatmap, "gzip"),
                    List.of("/api/v1/me", "gzip"), List.of(heatmap, "gzip", "etag"));
            for (List<String> load : loads) {
                String path = load.get(0);
                System.out.println("LOAD " + loadAverage());
                System.out.println("Load on " + path + " " + load.subList(1, load.size()) + " (" + connections
                        + " connections, " + seconds + " s, second process)");
                List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx256m",
                        "-cp",
                        // Its own class only (JDK HTTP client): exec:java's java.class.path is Maven's launcher.
                        java.nio.file.Path.of(TokenLoadClient.class.getProtectionDomain().getCodeSource().getLocation()
                                .toURI()).toString(), TokenLoadClient.class.getName(),
                        "http://127.0.0.1:" + port + path, token, String.valueOf(connections), String.valueOf(seconds)));
                command.addAll(load.subList(1, load.size()));
                Process client = new ProcessBuilder(command)
                        .redirectErrorStream(true).start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    out.lines().forEach(line -> System.out.println("  " + line));
                }
                client.waitFor();
            }
        }
    }

    /** The machine's load average (1, 5, 15 minutes), as {@code uptime} prints it: other builds share the cores. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return "load average " + parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    /** What the database holds (a kept data directory is not generated again). */
    static String counts(DataSource dataSource) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("organisation", "team", "job_profile", "job_requirement", "job_assignment",
                    "assessment")) {
                var rs = connection.createStatement().executeQuery("SELECT count(*) FROM " + table);
                rs.next();
                out.append(String.format("%s=%,d ", table, rs.getLong(1)));
            }
        }
        return out.toString().strip();
    }

    /** What the application keeps up to date on each write and the generator's COPY bypasses. */
    static void afterGeneration(DataSource dataSource) throws Exception {
    }

    record Counts(long teams, long profiles, long requirements, long assessments) {
    }

    /** The synthetic branch, written with PostgreSQL's COPY (the generator's time is reported apart). */
    static Counts generate(DataSource dataSource, FrameworkCatalog catalog, UUID demo, List<String> competencies,
            int organisationCount, int employeeCount, int big, Random random) throws Exception {
        StringBuilder orgs = new StringBuilder();
        StringBuilder teams = new StringBuilder();
        StringBuilder profiles = new StringBuilder();
        StringBuilder requirements = new StringBuilder();
        StringBuilder assignments = new StringBuilder();
        StringBuilder matches = new StringBuilder();
        List<UUID> organisationIds = new ArrayList<>();
        organisationIds.add(demo);
        for (int i = 1; i < organisationCount; i++) {
            UUID id = UUID.randomUUID();
            organisationIds.add(id);
            orgs.append(id).append("\tOrganisme synthétique ").append(i).append('\t')
                    .append(String.format("9%013d", i)).append("\tSynthétique\tFROM_10_TO_49\tASSOCIATION\t2026-01-01 00:00:00\n");
        }
        // The demo organisation gets `big` employees, the others share the rest (at least one each).
        int[] sizes = new int[organisationCount];
        sizes[0] = big;
        int rest = employeeCount - big;
        for (int i = 1; i < organisationCount; i++) {
            sizes[i] = 1;
        }
        for (int left = rest - (organisationCount - 1); left > 0; left--) {
            sizes[1 + random.nextInt(organisationCount - 1)]++;
        }
        long teamCount = 0;
        long profileCount = 0;
        long requirementCount = 0;
        long assessmentCount = 0;
        String now = "2026-11-30 12:00:00";
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY organisation (id, name, siret, address, size_band, type, created_at) FROM STDIN",
                    new StringReader(orgs.toString()));
            for (int o = 0; o < organisationCount; o++) {
                UUID organisation = organisationIds.get(o);
                int people = sizes[o];
                int teamsHere = Math.max(1, (people + 9) / 10);
                UUID[] teamIds = new UUID[teamsHere];
                for (int t = 0; t < teamsHere; t++) {
                    teamIds[t] = UUID.randomUUID();
                    teams.append(teamIds[t]).append('\t').append(organisation).append("\tÉquipe synthétique ").append(t + 1)
                            .append('\t').append(UUID.randomUUID()).append('\t').append(now).append('\n');
                }
                teamCount += teamsHere;
                int profilesHere = 1 + Math.min(2, people / 5);
                UUID[] profileIds = new UUID[profilesHere];
                profileCount += profilesHere;
                List<List<String>> profileItems = new ArrayList<>();
                List<int[]> profileLevels = new ArrayList<>();
                for (int p = 0; p < profilesHere; p++) {
                    profileIds[p] = UUID.randomUUID();
                    profiles.append(profileIds[p]).append('\t').append(organisation).append("\tPoste synthétique ").append(p + 1)
                            .append('\t').append(now).append('\t').append(now).append("\t0\n");
                    int size = 10 + random.nextInt(31);
                    List<String> items = new ArrayList<>(competencies);
                    java.util.Collections.shuffle(items, random);
                    items = items.subList(0, size);
                    int[] levels = new int[size];
                    for (int r = 0; r < size; r++) {
                        levels[r] = 1 + random.nextInt(4);
                        requirements.append(profileIds[p]).append('\t').append(r).append('\t').append(RAC).append("\t1\t")
                                .append(items.get(r)).append('\t').append(levels[r]).append('\t')
                                .append(r % 3 == 0 ? "OPTIONAL" : "ESSENTIAL").append('\n');
                    }
                    profileItems.add(items);
                    profileLevels.add(levels);
                    requirementCount += size;
                }
                StringBuilder assessments = new StringBuilder();
                for (int e = 0; e < people; e++) {
                    UUID person = UUID.randomUUID();
                    int p = random.nextInt(profilesHere);
                    assignments.append(UUID.randomUUID()).append('\t').append(organisation).append('\t').append(person)
                            .append('\t').append(teamIds[e % teamsHere]).append('\t').append(profileIds[p])
                            .append('\t').append(LocalDate.of(2015 + random.nextInt(11), 1 + random.nextInt(12), 1))
                            .append('\t').append(now).append("\tbanc@synthetique.invalid\n");
                    for (String item : profileItems.get(p)) {
                        int self = 1 + random.nextInt(4);
                        assessmentCount += assessment(assessments, organisation, person, item, "SELF", self, random, "2026-06-01");
                        assessmentCount += assessment(assessments, organisation, person, item, "MANAGER",
                                Math.max(1, Math.min(4, self + random.nextInt(3) - 1)), random, "2026-06-02");
                        if (random.nextBoolean()) {
                            assessmentCount += assessment(assessments, organisation, person, item, "SELF",
                                    1 + random.nextInt(4), random, "2025-06-01");
                        }
                    }
                }
                copy.copyIn("COPY assessment (id, organisation_id, person_id, framework_code, framework_version, item_code, "
                        + "level_rank, not_observed, source, assessor_id, observed_on, assessed_at) FROM STDIN",
                        new StringReader(assessments.toString()));
                if (teams.length() > 4_000_000 || o == organisationCount - 1) {
                    copy.copyIn("COPY team (id, organisation_id, name, manager_id, created_at) FROM STDIN",
                            new StringReader(teams.toString()));
                    copy.copyIn("COPY job_profile (id, organisation_id, title, created_at, updated_at, row_version) FROM STDIN",
                            new StringReader(profiles.toString()));
                    copy.copyIn("COPY job_requirement (job_profile_id, position, framework_code, framework_version, item_code, "
                            + "required_level, importance) FROM STDIN", new StringReader(requirements.toString()));
                    copy.copyIn("COPY job_assignment (id, organisation_id, person_id, team_id, job_profile_id, started_on, "
                            + "recorded_at, recorded_by) FROM STDIN", new StringReader(assignments.toString()));
                    teams.setLength(0);
                    profiles.setLength(0);
                    requirements.setLength(0);
                    assignments.setLength(0);
                }
            }
            for (String certification : CERTIFICATIONS) {
                for (var item : catalog.items(certification, ItemType.COMPETENCY)) {
                    for (int m = 0; m < 1 + random.nextInt(2); m++) {
                        matches.append(certification).append('\t').append(item.code()).append('\t').append(RAC).append('\t')
                                .append(competencies.get(random.nextInt(competencies.size())))
                                .append("\tCONFIRMED\tEXACT_MATCH_OF\tbanc@synthetique.invalid\t").append(now).append('\n');
                    }
                }
            }
            copy.copyIn("COPY cross_association (origin_framework, origin_code, destination_framework, destination_code, "
                    + "decision, type, decided_by, decided_at) FROM STDIN", new StringReader(dedupe(matches.toString())));
        }
        return new Counts(teamCount, profileCount, requirementCount, assessmentCount);
    }

    private static int assessment(StringBuilder out, UUID organisation, UUID person, String item, String source,
            int level, Random random, String day) {
        boolean notObserved = random.nextInt(20) == 0;
        out.append(UUID.randomUUID()).append('\t').append(organisation).append('\t').append(person).append('\t').append(RAC)
                .append("\t1\t").append(item).append('\t').append(notObserved ? "\\N" : String.valueOf(level)).append('\t')
                .append(notObserved ? 't' : 'f').append('\t').append(source).append('\t').append(person).append('\t')
                .append(day).append('\t').append(day).append(" 10:00:00\n");
        return 1;
    }

    private static String dedupe(String lines) {
        return String.join("\n", new java.util.LinkedHashSet<>(List.of(lines.split("\n")))) + "\n";
    }
}
