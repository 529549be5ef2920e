package fr.referentia;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Every test context runs on a real PostgreSQL (binaries from Maven Central, started once per
 * JVM) and an in-memory Lucene index. A test opts out with {@code referentia.test.database=h2}
 * to exercise the embedded H2 default instead.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.jpa.properties.hibernate.search.backend.directory.type", "local-heap");
        // Contexts share the database: each is a node of its own, so that one starting does not interrupt
        // the jobs of another (a node marks its own unfinished jobs interrupted when it starts).
        properties.put("referentia.jobs.node", "test-" + java.util.UUID.randomUUID());
        if (!"h2".equals(environment.getProperty("referentia.test.database"))) {
            properties.put("spring.datasource.url", postgres().getJdbcUrl("postgres", "postgres"));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("referentiaTest", properties));
    }

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary cluster is removed by the OS
                }
            }));
        }
        return postgres;
    }
}
