package fr.referentia.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load generator used when {@code wrk} is not installed; run as its own process so it does
 * not share the server's JVM. N platform threads (Java 17: no virtual threads) each keep one
 * request in flight, cycling through the paths of a file, for a fixed time; then it prints the
 * same RESULT line as benchmarks/wrk/rotate.lua.
 *
 * <pre>java -cp … fr.referentia.bench.LoadClient http://127.0.0.1:8080 paths.txt CONNECTIONS SECONDS [ACCEPT-ENCODING]</pre>
 * With ACCEPT-ENCODING (e.g. {@code gzip}) each request carries that header; bodies are counted as
 * received (compressed), never decoded.
 */
public final class LoadClient {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> paths = Files.readAllLines(Path.of(args[1])).stream().filter(p -> !p.isBlank()).toList();
        int connections = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        String acceptEncoding = args.length > 4 ? args[4] : "";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<URI> uris = paths.stream().map(p -> URI.create(base + p)).toList();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                int next = (int) ((long) id * uris.size() / connections);
                while (System.nanoTime() < deadline) {
                    HttpRequest.Builder builder = HttpRequest.newBuilder(uris.get(next)).timeout(Duration.ofSeconds(5))
                            .GET();
                    if (!acceptEncoding.isEmpty()) {
                        builder.header("Accept-Encoding", acceptEncoding);
                    }
                    HttpRequest request = builder.build();
                    next = (next + 1) % uris.size();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        bytes.addAndGet(response.body().length);
                        if (response.statusCode() / 100 != 2) {
                            non2xx.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = (System.nanoTime() - sent) / 1_000;
                }
                latencies[id] = mine;
                counts[id] = n;
            }, "load-" + t);
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long duration = (System.nanoTime() - start) / 1_000;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double mean = total == 0 ? 0 : Arrays.stream(all).average().orElse(0);
        System.out.printf(Locale.ROOT, "RESULT requests=%d duration_us=%d bytes=%d errors=%d non2xx=%d mean_us=%.1f"
                        + " p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d%n", total, duration, bytes.get(),
                errors.get(), non2xx.get(), mean, percentile(all, 50), percentile(all, 90), percentile(all, 99),
                percentile(all, 99.9), total == 0 ? 0 : all[total - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
