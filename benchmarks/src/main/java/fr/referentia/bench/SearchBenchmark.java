package fr.referentia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.ReferentiaApplication;
import fr.referentia.framework.FrameworkItem;
import fr.referentia.search.FrameworkSearch;
import fr.referentia.search.SearchQuery;
import fr.referentia.search.SearchResults;
import jakarta.persistence.EntityManagerFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The search benchmark, in one JVM that is also the server under test:
 * <ol>
 * <li>start-up: from this process's start to the application being ready, on an empty H2
 * database and index of its own, with the seeds and the synthetic ESCO-scale referential loaded
 * and indexed by the seed loader; then the heap used after a full GC;</li>
 * <li>in-process latency of {@link FrameworkSearch#search} over varied queries, after a warm-up;</li>
 * <li>HTTP throughput and latency of {@code GET /api/v1/search} with rotating queries, and of a
 * trivial endpoint of the same server, each loaded from a second process ({@code wrk}, or
 * {@link LoadClient} when wrk is missing);</li>
 * <li>a restart of the application ({@link RestartProbe}, another process) on the data now loaded.</li>
 * </ol>
 * Options are system properties (see {@link Options}); the Maven profile {@code bench} passes them.
 */
public final class SearchBenchmark {

    /** Wall-clock milliseconds of the moments start-up is split at. */
    private static volatile long contextStarted;
    private static volatile long ready;
    private static volatile CpuMeter.Snapshot readyCpu;

    private final Options options;
    private final StringBuilder report = new StringBuilder();

    private SearchBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        long mainStarted = System.currentTimeMillis();
        CpuMeter.Snapshot mainCpu = CpuMeter.now();
        int status = new SearchBenchmark(Options.fromSystemProperties()).run(mainStarted, mainCpu);
        System.exit(status);
    }

    private int run(long mainStarted, CpuMeter.Snapshot mainCpu) throws Exception {
        long processStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path work = options.work.toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        Path synthetic = options.synthetic.toAbsolutePath();
        if (!Files.isRegularFile(synthetic)) {
            throw new IllegalStateException("Synthetic referential not found: " + synthetic
                    + " (run fr.referentia.bench.SyntheticReferential first)");
        }

        SpringApplication application = new SpringApplication(ReferentiaApplication.class);
        application.addListeners(event -> {
            if (event instanceof ApplicationStartedEvent) {
                contextStarted = System.currentTimeMillis();
            } else if (event instanceof ApplicationReadyEvent) {
                ready = System.currentTimeMillis();
                readyCpu = CpuMeter.now();
            }
        });
        ConfigurableApplicationContext context = application.run(applicationArguments(work, synthetic));
        try {
            startUp(context, processStarted, mainStarted, CpuMeter.between(mainCpu, readyCpu), work);
            List<QueryMix.Query> measured = inProcess(context, synthetic);
            http(context, measured, work);
        } finally {
            context.close();
        }
        restart(work, synthetic);
        targets();
        Path reportFile = options.report.toAbsolutePath();
        Files.createDirectories(reportFile.getParent());
        Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        System.out.println("Report written to " + reportFile);
        return 0;
    }

    /**
     * The application as it runs by default (H2 file database, local Lucene index, demo profile), but on
     * a data directory of the benchmark's own, on a free port of the loopback interface, with the
     * synthetic referential loaded after the seeds.
     */
    static String[] applicationArguments(Path work, Path synthetic) {
        return new String[] {
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.fr.referentia=INFO",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/referentia")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--spring.jpa.properties.hibernate.search.backend.directory.root=" + work.resolve("index"),
                "--referentia.seeds=classpath*:seeds/*.json,file:" + synthetic};
    }

    // ---------------------------------------------------------------------------------------------
    // (c) start-up and heap

    private final List<String[]> verdicts = new ArrayList<>();
    /** The most CPU other processes of the machine took during a measured phase, in cores. */
    private double busiest;
    private String busiestPhase = "";

    private void noteOthers(String phase, CpuMeter.Usage usage) {
        if (usage.others() > busiest) {
            busiest = usage.others();
            busiestPhase = phase;
        }
    }

    private void startUp(ConfigurableApplicationContext context, long processStarted, long mainStarted,
            CpuMeter.Usage cpu, Path work) throws InterruptedException, IOException {
        long startUp = ready - processStarted;
        var entityManagerFactory = context.getBean(EntityManagerFactory.class);
        long indexed;
        long stored;
        try (var entityManager = entityManagerFactory.createEntityManager()) {
            indexed = Search.session(entityManager).search(FrameworkItem.class).where(f -> f.matchAll())
                    .fetchTotalHitCount();
            stored = entityManager.createQuery("select count(i) from FrameworkItem i", Long.class).getSingleResult();
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();

        header("Referentia search benchmark — " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .substring(0, 19));
        line("Machine      : %d cores, %.1f GiB RAM, %s %s, Java %s (%s), max heap %s",
                Runtime.getRuntime().availableProcessors(), totalMemoryGiB(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                mib(heap.getMax()));
        line("Data         : H2 file database and Lucene index under %s (fresh)", work);
        line("Items        : %,d in the database, %,d in the index (4 seeds + %s)", stored, indexed,
                SyntheticReferential.CODE);
        header("(c) Start-up and memory");
        line("process start -> ready           : %6.2f s   (target < 15 s: %s)", startUp / 1000.0,
                verdict(startUp < 15_000, "start-up < 15 s", String.format(Locale.ROOT, "%.2f s", startUp / 1000.0)));
        line("  JVM start -> main              : %6.2f s", (mainStarted - processStarted) / 1000.0);
        line("  main -> context started        : %6.2f s   (Spring, Flyway, Hibernate, Tomcat)",
                (contextStarted - mainStarted) / 1000.0);
        line("  runners (seeds + index check)  : %6.2f s   (import of %,d items incl. indexing, demo accounts)",
                (ready - contextStarted) / 1000.0, stored);
        line("CPU during start-up              : %s", cpu);
        noteOthers("start-up", cpu);
        line("heap used after full GC          : %s   (committed %s; non-heap %s)", mib(heap.getUsed()),
                mib(heap.getCommitted()), mib(nonHeap.getUsed()));
        line("index on disk                    : %s", mib(treeSize(work.resolve("index"))));
        if (stored != indexed) {
            throw new IllegalStateException("Index holds " + indexed + " items, database " + stored);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // (a) in-process latency

    private record Timed(QueryMix.Query query, long nanos, long cpuNanos, long allocated, long total, boolean relaxed) {
    }

    private List<QueryMix.Query> inProcess(ConfigurableApplicationContext context, Path synthetic) throws IOException {
        FrameworkSearch search = context.getBean(FrameworkSearch.class);
        SeedVocabulary vocabulary = SeedVocabulary.fromClasspath();
        List<String> syntheticCodes = syntheticCodes(synthetic);
        List<QueryMix.Query> warmUp = new QueryMix(vocabulary, options.seed + 1, syntheticCodes).next(options.warmUp);
        List<QueryMix.Query> measured = new QueryMix(vocabulary, options.seed, syntheticCodes).next(options.queries);

        // Warm-up: at least the warm-up queries, then on (cycling through them) until the JIT compiler has
        // settled, i.e. it used less than 10 % of a core over the last 500 queries, or the time limit is up.
        long warmStart = System.nanoTime();
        long warmDeadline = warmStart + options.warmUpMaxSeconds * 1_000_000_000L;
        int warmed = 0;
        double jitShare;
        do {
            long jit0 = jitMillis();
            long chunkStart = System.nanoTime();
            for (int i = 0; i < 500; i++, warmed++) {
                search.search(toSearchQuery(warmUp.get(warmed % warmUp.size())));
            }
            jitShare = (jitMillis() - jit0) / ((System.nanoTime() - chunkStart) / 1e6);
        } while (warmed < warmUp.size() || (jitShare >= 0.10 && System.nanoTime() < warmDeadline));
        long warmNanos = System.nanoTime() - warmStart;

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Timed> timings = new ArrayList<>(measured.size());
        CpuMeter.Snapshot cpuStart = CpuMeter.now();
        long[] gcStart = gc();
        long jitStart = jitMillis();
        long start = System.nanoTime();
        for (QueryMix.Query query : measured) {
            long allocated0 = threads.getCurrentThreadAllocatedBytes();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            SearchResults results = search.search(toSearchQuery(query));
            long nanos = System.nanoTime() - t0;
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocated0;
            timings.add(new Timed(query, nanos, cpuNanos, allocated, results.total(), results.relaxed()));
        }
        long elapsed = System.nanoTime() - start;
        CpuMeter.Usage cpu = CpuMeter.since(cpuStart);
        long[] gcEnd = gc();
        long jit = jitMillis() - jitStart;

        header("(a) In-process search latency (FrameworkSearch.search, one thread, page size " + options.pageSize + ")");
        line("warm-up %,d queries in %.1f s (JIT compiling %.0f %% of a core at its end); measured %,d other queries"
                        + " in %.2f s (%.0f queries/s on one thread)", warmed, warmNanos / 1e9, 100 * jitShare,
                timings.size(), elapsed / 1e9, timings.size() / (elapsed / 1e9));
        long[] all = nanos(timings);
        Stats stats = Stats.of(all);
        line("all queries        : %s", stats);
        line("                     (target p99 < 20 ms: %s)", verdict(stats.p99 < 20_000_000L, "in-process p99 < 20 ms",
                ms(stats.p99)));
        line("thread CPU / query : %s", Stats.of(timings.stream().mapToLong(Timed::cpuNanos).toArray()));
        line("allocated / query  : %.0f KiB on average; %d GCs, %d ms of GC and %d ms of JIT compilation during the"
                        + " %,d queries", timings.stream().mapToLong(Timed::allocated).average().orElse(0) / 1024,
                gcEnd[0] - gcStart[0], gcEnd[1] - gcStart[1], jit, timings.size());
        line("CPU during the run : %s", cpu);
        noteOthers("in-process latency", cpu);
        long relaxed = timings.stream().filter(Timed::relaxed).count();
        long empty = timings.stream().filter(t -> t.total == 0).count();
        line("results            : mean %.0f hits per query, %d%% relaxed to OR (no item had every word), %d%% empty",
                timings.stream().mapToLong(Timed::total).average().orElse(0), 100 * relaxed / timings.size(),
                100 * empty / timings.size());
        line("by query kind      :");
        breakdown(timings, t -> t.query.kind().split(",")[0]);
        line("by path taken      :");
        breakdown(timings, t -> (t.query.filtered() ? "filtered" : "unfiltered") + ", "
                + (t.relaxed ? "AND empty -> OR" : t.total == 0 ? "AND and OR empty" : "AND"));
        line("slowest            :");
        timings.stream().sorted(Comparator.comparingLong(Timed::nanos).reversed()).limit(5).forEach(t -> line(
                "  %8s  %-40s framework=%s type=%s page=%d total=%d%s", ms(t.nanos), quote(t.query.text()),
                t.query.framework(), t.query.type(), t.query.page(), t.total, t.relaxed ? " (relaxed)" : ""));
        return measured;
    }

    private void breakdown(List<Timed> timings, Function<Timed, String> key) {
        Map<String, List<Timed>> groups = timings.stream()
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
        groups.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(group -> line("  %-34s n=%4d  %s",
                group.getKey(), group.getValue().size(), Stats.of(nanos(group.getValue())).brief()));
    }

    private SearchQuery toSearchQuery(QueryMix.Query query) {
        return new SearchQuery(query.text(), query.framework(), query.type(), query.page(), options.pageSize);
    }

    private static List<String> syntheticCodes(Path synthetic) throws IOException {
        JsonNode items = new ObjectMapper().readTree(synthetic.toFile()).path("items");
        List<String> codes = new ArrayList<>(items.size());
        items.forEach(item -> codes.add(item.path("code").asText()));
        return codes;
    }

    // ---------------------------------------------------------------------------------------------
    // (b) HTTP throughput

    private record LoadResult(String name, long requests, double seconds, long bytes, long errors,
            long non2xx, double meanUs, long p50Us, long p90Us, long p99Us, long p999Us, long maxUs,
            CpuMeter.Usage cpu) {

        double rate() {
            return requests / seconds;
        }
    }

    private void http(ConfigurableApplicationContext context, List<QueryMix.Query> queries, Path work)
            throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String base = "http://127.0.0.1:" + port;
        Path searchPaths = work.resolve("search-paths.txt");
        Files.write(searchPaths, queries.stream().map(q -> q.path(options.pageSize)).toList(), StandardCharsets.UTF_8);
        Path trivialPaths = work.resolve("trivial-paths.txt");
        Files.writeString(trivialPaths, options.trivialPath + "\n");
        String tool = loadTool();

        // Both endpoints are warmed up before either is measured, in rounds of 5 s each, at least
        // httpWarmUpSeconds per endpoint and then on until the JIT compiler (which shares the 2 cores) used
        // less than 10 % of a core over the last round, or the time limit is up.
        long jit0 = jitMillis();
        long warmStart = System.nanoTime();
        long warmDeadline = warmStart + options.warmUpMaxSeconds * 1_000_000_000L;
        int warmSeconds = 0;
        double jitShare;
        do {
            long roundJit = jitMillis();
            long roundStart = System.nanoTime();
            runLoad(tool, base, searchPaths, 5);
            runLoad(tool, base, trivialPaths, 5);
            warmSeconds += 5;
            jitShare = (jitMillis() - roundJit) / ((System.nanoTime() - roundStart) / 1e6);
        } while (warmSeconds < options.httpWarmUpSeconds || (jitShare >= 0.10 && System.nanoTime() < warmDeadline));
        long jit1 = jitMillis();
        header("(b) HTTP under load from a second process (" + tool + ", " + options.connections
                + " connections, " + (options.acceptEncoding.isEmpty() ? "no Accept-Encoding"
                        : "Accept-Encoding: " + options.acceptEncoding) + "; both endpoints warmed up " + warmSeconds + " s each, JIT compiling "
                + Math.round(100 * jitShare) + " % of a core at the end; then " + options.httpSeconds
                + " s measured each)");
        List<LoadResult> results = new ArrayList<>();
        results.add(load(tool, base, "trivial " + options.trivialPath, trivialPaths));
        results.add(load(tool, base, "search (" + queries.size() + " rotating queries)", searchPaths));
        long jit2 = jitMillis();
        line("%-34s %7s %8s %8s %8s %8s %8s %6s %6s %6s %6s %6s", "endpoint", "req/s", "mean", "p50", "p90", "p99",
                "p99.9", "B/req", "server", "loadgn", "others", "errors");
        for (LoadResult r : results) {
            line("%-34s %7.0f %8s %8s %8s %8s %8s %6d %6.2f %6.2f %6.2f %6d", r.name, r.rate(), usMs(r.meanUs),
                    usMs(r.p50Us), usMs(r.p90Us), usMs(r.p99Us), usMs(r.p999Us),
                    r.requests == 0 ? 0 : r.bytes / r.requests, r.cpu.process(), r.cpu.children(), r.cpu.others(),
                    r.errors + r.non2xx);
        }
        double ratio = results.get(1).rate() / results.get(0).rate();
        line("search / trivial throughput      : %.1f %%   (target >= 30 %%: %s)", 100 * ratio,
                verdict(ratio >= 0.30, "HTTP search/trivial >= 30 %", String.format(Locale.ROOT, "%.1f %%",
                        100 * ratio)));
        line("(server / loadgn / others: CPU cores used on average during the measured run by the server JVM, the load"
                + " generator and all other processes of the machine; server CPU per request: trivial %.2f ms, search"
                + " %.2f ms; JIT compilation: %d ms during the warm-ups, %d ms during the measured runs)",
                cpuPerRequest(results.get(0)), cpuPerRequest(results.get(1)), jit1 - jit0, jit2 - jit1);

        results.forEach(r -> noteOthers("HTTP " + r.name, r.cpu));
        for (LoadResult r : results) {
            if (r.errors + r.non2xx > 0) {
                throw new IllegalStateException(r.name + ": " + r.errors + " errors, " + r.non2xx + " non-2xx");
            }
        }
    }

    /** A second start of the application, in a process of its own, on the data the first one loaded. */
    private void restart(Path work, Path synthetic) throws IOException, InterruptedException {
        String classpath = System.getProperty("java.class.path");
        CpuMeter.Snapshot cpu0 = CpuMeter.now();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", classpath, RestartProbe.class.getName(), work.toString(),
                synthetic.toString()).redirectErrorStream(true).start();
        String result = null;
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = reader.readLine()) != null; ) {
                if (l.startsWith("RESULT ")) {
                    result = l;
                }
            }
        }
        int exit = process.waitFor();
        CpuMeter.Usage cpu = CpuMeter.since(cpu0);
        if (exit != 0 || result == null) {
            throw new IllegalStateException("The restart probe failed (" + exit + ")");
        }
        long restart = Long.parseLong(result.substring(result.indexOf('=') + 1));
        header("(c') Restart on the loaded data (second process: nothing to import, index already built)");
        line("process start -> ready           : %6.2f s   (CPU: %s)", restart / 1000.0, cpu);
        noteOthers("restart", cpu);
    }

    private void targets() {
        header("Targets");
        for (String[] v : verdicts) {
            line("  %-30s %-10s %s", v[0], v[1], v[2]);
        }
        if (busiest > 0.25) {
            line("  NOTE: other processes took up to %.2f of the %d cores (during %s): the figures above are"
                    + " pessimistic; rerun on a quiet machine.", busiest, Runtime.getRuntime().availableProcessors(),
                    busiestPhase);
        }
    }

    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** Collections and milliseconds spent collecting so far, over every collector. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static double cpuPerRequest(LoadResult r) {
        return r.requests == 0 ? 0 : r.cpu.process() * r.cpu.seconds() * 1000 / r.requests;
    }

    private String loadTool() {
        boolean wrk = !"java".equals(options.load) && onPath("wrk");
        if ("wrk".equals(options.load) && !wrk) {
            throw new IllegalStateException("wrk asked for but not found (apt-get install wrk)");
        }
        return wrk ? "wrk" : "Java LoadClient";
    }

    private LoadResult load(String tool, String base, String name, Path paths) throws IOException, InterruptedException {
        CpuMeter.Snapshot cpu0 = CpuMeter.now();
        Map<String, String> r = runLoad(tool, base, paths, options.httpSeconds);
        CpuMeter.Usage cores = CpuMeter.since(cpu0);
        return new LoadResult(name, Long.parseLong(r.get("requests")),
                Long.parseLong(r.get("duration_us")) / 1e6, Long.parseLong(r.get("bytes")),
                Long.parseLong(r.get("errors")), Long.parseLong(r.get("non2xx")), Double.parseDouble(r.get("mean_us")),
                Long.parseLong(r.get("p50_us")), Long.parseLong(r.get("p90_us")), Long.parseLong(r.get("p99_us")),
                Long.parseLong(r.get("p999_us")), Long.parseLong(r.get("max_us")), cores);
    }

    private Map<String, String> runLoad(String tool, String base, Path paths, int seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (tool.equals("wrk")) {
            command.addAll(List.of("wrk", "-t" + options.loadThreads, "-c" + options.connections, "-d" + seconds + "s",
                    "--timeout", "10s"));
            if (!options.acceptEncoding.isEmpty()) {
                command.addAll(List.of("-H", "Accept-Encoding: " + options.acceptEncoding));
            }
            command.addAll(List.of("-s", options.wrkScript.toAbsolutePath().toString(), base, "--", paths.toString()));
        } else {
            String classes = Path.of(LoadClient.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                    .toString();
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", classes, LoadClient.class.getName(), base, paths.toString(),
                    String.valueOf(options.connections), String.valueOf(seconds), options.acceptEncoding));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = reader.readLine()) != null; ) {
                output.add(l);
            }
        }
        int exit = process.waitFor();
        String result = output.stream().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
        if (exit != 0 || result == null) {
            throw new IllegalStateException("Load generator failed (" + exit + "): " + String.join("\n", output));
        }
        return Arrays.stream(result.substring("RESULT ".length()).split(" "))
                .map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    private record Stats(long n, double mean, long p50, long p90, long p99, long max) {

        static Stats of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(sorted.length, Arrays.stream(sorted).average().orElse(0), LoadClient.percentile(sorted, 50),
                    LoadClient.percentile(sorted, 90), LoadClient.percentile(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "mean %s   p50 %s   p90 %s   p99 %s   max %s", ms((long) mean), ms(p50),
                    ms(p90), ms(p99), ms(max));
        }

        String brief() {
            return String.format(Locale.ROOT, "mean %8s  p50 %8s  p99 %8s", ms((long) mean), ms(p50), ms(p99));
        }
    }

    private static long[] nanos(List<Timed> timings) {
        return timings.stream().mapToLong(Timed::nanos).toArray();
    }

    private String verdict(boolean met, String target, String measured) {
        String verdict = met ? "MET" : "MISSED";
        verdicts.add(new String[] {target, verdict, measured});
        return verdict;
    }

    private void header(String title) {
        line("");
        line("== %s", title);
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static String usMs(double micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1e3);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    private static String quote(String text) {
        String q = "«" + text + "»";
        return q.length() > 40 ? q.substring(0, 39) + "…" : q;
    }

    private static double totalMemoryGiB() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getTotalMemorySize() / 1024.0 / 1024.0 / 1024.0;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static long treeSize(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Benchmark options, from {@code bench.*} system properties. */
    static final class Options {
        Path synthetic;
        Path work;
        Path report;
        Path wrkScript;
        long seed;
        int queries;
        int warmUp;
        int pageSize;
        int connections;
        int loadThreads;
        int httpSeconds;
        int httpWarmUpSeconds;
        int warmUpMaxSeconds;
        String load;
        String trivialPath;
        /** Accept-Encoding header sent by the load generator ("gzip"), none when empty (wrk's default). */
        String acceptEncoding;

        static Options fromSystemProperties() {
            Options o = new Options();
            o.synthetic = Path.of(prop("bench.synthetic", "target/bench/BENCH-ESCO.json"));
            o.work = Path.of(prop("bench.work", "target/bench/data"));
            o.report = Path.of(prop("bench.report", "target/bench/report.txt"));
            o.wrkScript = Path.of(prop("bench.wrk.script", "benchmarks/wrk/rotate.lua"));
            o.seed = Long.parseLong(prop("bench.seed", String.valueOf(SyntheticReferential.DEFAULT_SEED)));
            o.queries = Integer.parseInt(prop("bench.queries", "1000"));
            o.warmUp = Integer.parseInt(prop("bench.warmup", "5000"));
            o.pageSize = Integer.parseInt(prop("bench.page.size", "20"));
            o.connections = Integer.parseInt(prop("bench.http.connections", "8"));
            o.loadThreads = Integer.parseInt(prop("bench.http.threads", "1"));
            o.httpSeconds = Integer.parseInt(prop("bench.http.seconds", "20"));
            o.httpWarmUpSeconds = Integer.parseInt(prop("bench.http.warmup.seconds", "10"));
            o.warmUpMaxSeconds = Integer.parseInt(prop("bench.warmup.max.seconds", "60"));
            o.load = prop("bench.load", "auto");
            o.trivialPath = prop("bench.trivial.path", "/css/app.css");
            o.acceptEncoding = prop("bench.http.accept.encoding", "");
            return o;
        }

        private static String prop(String name, String fallback) {
            String value = System.getProperty(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
