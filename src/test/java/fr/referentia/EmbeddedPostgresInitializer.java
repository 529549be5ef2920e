package fr.referentia;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Every test context runs on a real PostgreSQL (binaries from Maven Central, started once per
 * JVM) and an in-memory Lucene index. A test opts out with {@code referentia.test.database=h2}
 * to exercise the embedded H2 default instead, and a test that needs an empty database of its own
 * names it with {@code referentia.test.postgres-database} (created, empty, on first use in the JVM).
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.jpa.properties.hibernate.search.backend.directory.type", "local-heap");
        properties.put("referentia.files.directory", "target/test-files");
        // Argon2id at a test cost (1 MiB, one pass): every test account is hashed; production keeps 19 MiB, 2 passes.
        properties.put("referentia.security.password-hashing.memory-kib", "1024");
        properties.put("referentia.security.password-hashing.iterations", "1");
        // Contexts share the database: each is a node of its own, so that one starting does not interrupt
        // the jobs of another (a node marks its own unfinished jobs interrupted when it starts).
        properties.put("referentia.jobs.node", "test-" + java.util.UUID.randomUUID());
        if (!"h2".equals(environment.getProperty("referentia.test.database"))) {
            String database = environment.getProperty("referentia.test.postgres-database", "postgres");
            if (!database.matches("[a-z_]{1,40}")) {
                throw new IllegalArgumentException("referentia.test.postgres-database: lower-case letters and _ only");
            }
            createIfAbsent(database);
            properties.put("spring.datasource.url", postgres().getJdbcUrl("postgres", database));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("referentiaTest", properties));
    }

    private static synchronized void createIfAbsent(String database) {
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var found = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!found.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database " + database + " cannot be created", e);
        }
    }

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                // Benchmarks only: a data directory kept between runs (-Dreferentia.test.postgres-data=DIR), so
                // that a synthetic branch generated once is measured again without being written again.
                String kept = System.getProperty("referentia.test.postgres-data");
                if (kept != null && !kept.isBlank()) {
                    builder.setDataDirectory(java.nio.file.Path.of(kept)).setCleanDataDirectory(false);
                }
                postgres = builder.start();
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
