package fr.referentia.benchmarks;

import fr.referentia.ReferentiaApplication;
import fr.referentia.framework.ImportProgress;
import fr.referentia.framework.exchange.FrameworkImport;
import fr.referentia.framework.exchange.FrameworkImport.Metadata;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Import of a 20,000-row spreadsheet (target: under 20 s), through the application's own
 * {@link FrameworkImport} on an embedded PostgreSQL and a Lucene index on disk, as in production.
 * Not a test: {@code ./mvnw -q -B -Pbenchmark test-compile exec:java
 * -Dbenchmark.main=fr.referentia.benchmarks.ImportBenchmark -Dbenchmark.items=20000}; JDBC URL parameters
 * to try go in {@code -Dbenchmark.jdbc.params=&reWriteBatchedInserts=true}.
 * Prints, per file (XLSX then CSV, then XLSX again on a warm JVM), the wall-clock and CPU time of
 * each phase: parse (file to canonical form), validate, write (INSERTs, flushed in batches) and
 * index (the commit, when Hibernate Search writes the Lucene index). CPU: this JVM's, the importing
 * thread's, and the whole machine's (PostgreSQL runs in processes of its own; the rest is other work).
 */
public final class ImportBenchmark {

    private static final String[] VERBS = {"Analyser", "Identifier", "Conseiller", "Élaborer", "Rédiger",
            "Négocier", "Suivre", "Évaluer", "Concevoir", "Organiser", "Animer", "Accompagner", "Mettre en œuvre",
            "Contrôler", "Planifier", "Communiquer", "Former", "Gérer", "Piloter", "Diagnostiquer", "Réaliser",
            "Transmettre", "Valoriser", "Sécuriser", "Coordonner", "Argumenter", "Prospecter", "Formaliser"};
    private static final String[] OBJECTS = {"les besoins en compétences", "l'offre de formation",
            "le parcours de l'apprenant", "les dispositifs de financement", "le cahier des charges",
            "les indicateurs de qualité", "la séquence pédagogique", "les modalités d'évaluation",
            "le dossier du candidat", "les partenaires de l'entreprise", "le budget du projet",
            "les supports numériques", "la réclamation du client", "le plan de développement des compétences",
            "les procédures réglementaires", "le tableau de bord de l'activité", "l'entretien professionnel",
            "la réponse à l'appel d'offres", "les ressources de la plateforme", "le bilan de la prestation"};
    private static final String[] COMPLEMENTS = {"pour adapter l'offre aux publics accueillis",
            "dans le respect de la réglementation en vigueur", "en fonction des priorités de l'entreprise",
            "avec les outils numériques adaptés", "auprès des interlocuteurs internes et externes",
            "au regard des objectifs fixés", "à partir d'un diagnostic partagé", "selon la démarche qualité",
            "en tenant compte des contraintes budgétaires", "afin de sécuriser le parcours"};
    private static final String[] DOMAINS = {"Ingénierie de formation", "Relation commerciale",
            "Accompagnement des parcours", "Gestion administrative et financière", "Animation pédagogique",
            "Pilotage de la qualité", "Communication et marketing", "Management d'équipe",
            "Évaluation et certification", "Développement numérique"};

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<List<String>> sheet = tree(rows, new Random(20240601));
        byte[] xlsx = xlsx(sheet);
        byte[] csv = csv(sheet);
        System.out.printf("Generated %,d rows: XLSX %,d bytes, CSV %,d bytes%n", sheet.size() - 1, xlsx.length,
                csv.length);

        Path work = Files.createTempDirectory("referentia-import-bench-");
        long startUp = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext app = start(postgres, work)) {
            System.out.printf("Application started on embedded PostgreSQL in %.1f s (seeds loaded); load average %s%n",
                    (System.nanoTime() - startUp) / 1e9, loadAverage());
            System.out.printf("Database %s, index %s (%s)%n", app.getEnvironment().getProperty("spring.datasource.url"),
                    app.getEnvironment().getProperty("spring.jpa.properties.hibernate.search.backend.directory.root"),
                    app.getEnvironment().getProperty("spring.jpa.properties.hibernate.search.backend.directory.type",
                            "local-filesystem"));
            FrameworkImport imports = app.getBean(FrameworkImport.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            System.out.println();
            System.out.println("file            parse  validate     write     index |     total | JVM CPU   | thread CPU | machine CPU (all processes, 2 cores)");
            run("xlsx (cold)", "BENCH-IMPORT-XLSX", "import.xlsx", xlsx, imports, jdbc);
            run("csv", "BENCH-IMPORT-CSV", "import.csv", csv, imports, jdbc);
            run("xlsx (warm)", "BENCH-IMPORT-XLSX2", "import.xlsx", xlsx, imports, jdbc);
            System.out.printf("%nLoad average after the runs: %s (2 cores; other processes share them)%n", loadAverage());
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /**
     * The application on this benchmark's own PostgreSQL and on-disk index, set as command-line
     * arguments so that they win over application.yml. The test suite's context initializers
     * ({@code src/test/resources/META-INF/spring.factories}, on this classpath too) are left out: they
     * would put the tests' database and in-memory index in their place, and start a mail server whose
     * thread keeps the JVM alive.
     */
    private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, Path work) {
        SpringApplication application = new SpringApplication(ReferentiaApplication.class);
        application.setInitializers(application.getInitializers().stream()
                .filter(initializer -> !initializer.getClass().getName().startsWith("fr.referentia."))
                .toList());
        return application.run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres")
                        + System.getProperty("benchmark.jdbc.params", ""),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.jpa.properties.hibernate.search.backend.directory.root=" + work.resolve("index"),
                "--referentia.mail.folder=" + work.resolve("mail"), "--server.port=0",
                "--spring.profiles.active=default", "--logging.level.root=WARN");
    }

    private static void run(String label, String code, String filename, byte[] content, FrameworkImport imports,
            JdbcTemplate jdbc) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<ImportProgress.Phase, Long> startedAt = new EnumMap<>(ImportProgress.Phase.class);
        long cpu0 = os.getProcessCpuTime();
        long machine0 = machineCpu();
        long thread0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        // Parsing ends where validation starts: the first phase the import reports.
        imports.importFile("benchmark@referentia.invalid", filename, content, null,
                new Metadata(code, "Référentiel de banc d'essai", "OCCUPATIONAL_FRAMEWORK", "1"), false,
                (phase, processed, total) -> startedAt.putIfAbsent(phase, System.nanoTime()));
        long parsedAt = startedAt.get(ImportProgress.Phase.VALIDATION);
        long end = System.nanoTime();
        long cpu = os.getProcessCpuTime() - cpu0;
        long threadCpu = threads.getCurrentThreadCpuTime() - thread0;
        long machineCpu = machineCpu() - machine0;
        long validate = startedAt.get(ImportProgress.Phase.WRITING) - startedAt.get(ImportProgress.Phase.VALIDATION);
        long write = startedAt.get(ImportProgress.Phase.INDEXING) - startedAt.get(ImportProgress.Phase.WRITING);
        long index = end - startedAt.get(ImportProgress.Phase.INDEXING);
        System.out.printf("%-12s %7.2fs %8.2fs %8.2fs %8.2fs | %8.2fs | %9.2fs | %8.2fs | %9.2fs%n", label,
                (parsedAt - t0) / 1e9, validate / 1e9, write / 1e9, index / 1e9, (end - t0) / 1e9, cpu / 1e9,
                threadCpu / 1e9, machineCpu / 1e9);
        Integer items = jdbc.queryForObject("SELECT COUNT(*) FROM framework_item i JOIN framework f"
                + " ON f.id = i.framework_id WHERE f.code = ?", Integer.class, code);
        if (items == null || items == 0) {
            throw new IllegalStateException(code + ": no item written");
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    /**
     * CPU used so far by the whole machine (every process: this JVM, PostgreSQL, and other people's work),
     * in nanoseconds, from /proc/stat; 0 where there is none.
     */
    private static long machineCpu() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                ticks += i == 4 || i == 5 ? 0 : Long.parseLong(fields[i]); // all but idle and iowait
            }
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Header then rows: domains, activities (~20 per domain), competencies (~10 per activity), elements (the rest). */
    static List<List<String>> tree(int rows, Random random) {
        List<List<String>> sheet = new ArrayList<>();
        sheet.add(List.of("code", "code_parent", "type", "libelle_type", "texte", "incontournable", "position",
                "contexte"));
        int domains = Math.max(1, rows / 2_000);
        int activities = Math.max(1, rows / 100);
        int competencies = Math.max(1, rows / 10);
        int elements = rows - domains - activities - competencies;
        for (int d = 1; d <= domains; d++) {
            sheet.add(row("D" + d, null, "DOMAIN", DOMAINS[(d - 1) % DOMAINS.length] + " " + d, null));
        }
        for (int a = 1; a <= activities; a++) {
            sheet.add(row("D" + (1 + (a - 1) % domains) + "-A" + a, "D" + (1 + (a - 1) % domains), "ACTIVITY",
                    sentence(random), null));
        }
        for (int c = 1; c <= competencies; c++) {
            int a = 1 + (c - 1) % activities;
            sheet.add(row("C" + c, "D" + (1 + (a - 1) % domains) + "-A" + a, "COMPETENCY", sentence(random), null));
        }
        for (int e = 1; e <= elements; e++) {
            int c = 1 + (e - 1) % competencies;
            sheet.add(row("C" + c + ".E" + (1 + (e - 1) / competencies), "C" + c, "ELEMENT", sentence(random),
                    random.nextInt(4) == 0 ? "oui" : "non"));
        }
        return sheet;
    }

    private static List<String> row(String code, String parent, String type, String text, String essential) {
        List<String> row = new ArrayList<>();
        row.add(code);
        row.add(parent);
        row.add(type);
        row.add(null);
        row.add(text);
        row.add(essential);
        row.add(null);
        row.add(null);
        return row;
    }

    private static String sentence(Random random) {
        return VERBS[random.nextInt(VERBS.length)] + " " + OBJECTS[random.nextInt(OBJECTS.length)] + " "
                + COMPLEMENTS[random.nextInt(COMPLEMENTS.length)] + ".";
    }

    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet sheet = workbook.createSheet("Éléments");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    if (values.get(c) != null) {
                        row.createCell(c).setCellValue(values.get(c));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    private static byte[] csv(List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return out.toByteArray();
    }
}
