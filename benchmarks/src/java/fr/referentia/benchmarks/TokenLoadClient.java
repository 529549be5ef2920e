package fr.referentia.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The second process of the HTTP benchmarks ({@link GpecBenchmark}, {@link CertificationBenchmark}): N threads each keep one request in flight on one URL for a fixed
 * time, with {@code Authorization: Bearer <token>} (a personal access token: no password hash per request), and
 * print the latency percentiles. {@code java … TokenLoadClient URL TOKEN CONNECTIONS SECONDS [gzip] [etag]}: with
 * {@code gzip} it asks for a compressed answer as browsers do ({@code Accept-Encoding: gzip}; the bytes counted are
 * those on the wire, and the first answer is decompressed to print its size); with {@code etag} it sends back the
 * first answer's {@code ETag} ({@code If-None-Match}), as a browser revalidating its copy does, and counts 304 as
 * served.
 */
public final class TokenLoadClient {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String token = args[1];
        int connections = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        java.util.Set<String> options = new java.util.HashSet<>(Arrays.asList(args).subList(Math.min(4, args.length),
                args.length));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (options.contains("gzip")) {
            builder.header("Accept-Encoding", "gzip");
        }
        // The first request computes the heat map from the database; then a few seconds of warm-up, not counted.
        long first = System.nanoTime();
        HttpResponse<byte[]> firstAnswer = client.send(builder.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        double firstMs = (System.nanoTime() - first) / 1e6;
        String encoding = firstAnswer.headers().firstValue("Content-Encoding").orElse("identity");
        long decoded = encoding.equals("gzip") ? new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(firstAnswer.body())).readAllBytes().length : firstAnswer.body().length;
        String etag = firstAnswer.headers().firstValue("ETag").orElse(null);
        System.out.printf(Locale.ROOT, "FIRST first_ms=%.1f status=%d content_encoding=%s wire_bytes=%d json_bytes=%d "
                + "etag=%s%n", firstMs, firstAnswer.statusCode(), encoding, firstAnswer.body().length, decoded, etag);
        if (options.contains("etag") && etag != null) {
            builder.header("If-None-Match", etag);
        }
        HttpRequest request = builder.GET().build();
        long warm = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warm) {
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        bytes.addAndGet(response.body().length);
                        if (response.statusCode() != 200 && response.statusCode() != 304) {
                            errors.incrementAndGet();
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
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "RESULT requests=%d errors=%d bytes_per_answer=%d throughput=%.1f/s p50_ms=%.1f "
                        + "p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", total, errors.get(), total == 0 ? 0 : bytes.get() / total,
                total / (double) seconds, pct(all, 50), pct(all, 95), pct(all, 99), total == 0 ? 0 : all[total - 1] / 1000.0);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] / 1000.0;
    }
}
