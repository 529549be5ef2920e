package fr.referentia.bench;

import fr.referentia.ReferentiaApplication;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;

/**
 * Starts the application once more on the data the benchmark left (the referentials are there
 * and indexed, so nothing is imported), prints how long it took from process start to ready, and
 * stops. Run by {@link SearchBenchmark} as a process of its own.
 *
 * <pre>java -cp … fr.referentia.bench.RestartProbe WORK_DIR SYNTHETIC_JSON</pre>
 */
public final class RestartProbe {

    public static void main(String[] args) {
        long processStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
        SpringApplication application = new SpringApplication(ReferentiaApplication.class);
        application.addListeners(event -> {
            if (event instanceof ApplicationReadyEvent) {
                System.out.printf(Locale.ROOT, "RESULT ready_ms=%d%n", System.currentTimeMillis() - processStarted);
            }
        });
        application.run(SearchBenchmark.applicationArguments(Path.of(args[0]), Path.of(args[1]))).close();
        System.exit(0);
    }

    private RestartProbe() {
    }
}
