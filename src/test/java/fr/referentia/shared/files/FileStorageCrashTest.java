package fr.referentia.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.IntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A process killed (SIGKILL) while it stores a file leaves no half file visible under an id and no
 * row without its content; the purge cleans what it left. The storing process is a separate JVM
 * ({@link StoreUntilKilled}) on the same PostgreSQL and file directory as the application under test
 * (so that the purge, which drops rows whose content is missing, only sees rows with their files).
 */
@IntegrationTest
class FileStorageCrashTest {

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password:}")
    String password;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    @Autowired
    FileStorageSettings settings;

    @Autowired
    FileStore applicationStore;

    @Test
    void aProcessKilledWhileWritingLeavesOnlyATemporaryLeftoverThatThePurgeDeletes() throws Exception {
        LocalDirectoryFileStore store = store();
        Set<String> before = names(store.entries());
        int rowsBefore = rowsOfCrashOwner();

        kill(start("writing"), "WRITING");

        List<FileStore.Entry> entries = store.entries().stream().filter(entry -> !before.contains(entry.name())).toList();
        assertThat(entries).as("the half-written content").hasSize(1)
                .allSatisfy(entry -> assertThat(entry.temporary()).isTrue());
        assertThat(Files.size(store.root().resolve(entries.get(0).name()))).isPositive();
        assertThat(rowsOfCrashOwner()).isEqualTo(rowsBefore);

        purgeLater(store);
        assertThat(names(store.entries())).doesNotContain(entries.get(0).name());
    }

    @Test
    void aProcessKilledBeforeItsRowCommitsLeavesAContentWithoutRowThatThePurgeDeletes() throws Exception {
        String line = kill(start("committing"), "STORED ");
        UUID id = UUID.fromString(line.substring("STORED ".length()));

        LocalDirectoryFileStore store = store();
        assertThat(store.exists(id)).as("published before the commit").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stored_file WHERE id = ?").param(id).query(Long.class).single())
                .as("the row never committed").isZero();
        assertThat(store.entries()).filteredOn(entry -> entry.name().contains(id.toString()))
                .extracting(FileStore.Entry::id).containsExactly(id);

        purgeLater(store);
        assertThat(store.exists(id)).isFalse();
        assertThat(store.entries()).noneSatisfy(entry -> assertThat(entry.name()).contains(id.toString()));
    }

    private LocalDirectoryFileStore store() {
        return (LocalDirectoryFileStore) applicationStore;
    }

    private static Set<String> names(List<FileStore.Entry> entries) {
        return entries.stream().map(FileStore.Entry::name).collect(Collectors.toSet());
    }

    private int rowsOfCrashOwner() {
        return jdbc.sql("SELECT COUNT(*) FROM stored_file WHERE owner = 'coupure@essai.example.fr'")
                .query(Long.class).single().intValue();
    }

    private void purgeLater(LocalDirectoryFileStore store) {
        FileStorage storage = new FileStorage(store, jdbc, transactionManager, List.of(), Clock.offset(clock,
                settings.orphanGrace().plus(Duration.ofHours(1))), settings);
        storage.purge();
    }

    private Process start(String moment) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StoreUntilKilled.class.getName(), url, username, password, store().root().toString(), moment)
                .redirectError(store().root().resolveSibling("store-until-killed-" + moment + ".log").toFile())
                .start();
    }

    /** Waits for the process to say it reached the moment, kills it, and returns what it said. */
    private static String kill(Process process, String signal) throws Exception {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(signal)) {
                    process.destroyForcibly();
                    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
                    return line;
                }
            }
            throw new AssertionError("the storing process ended without reaching the moment (exit "
                    + process.waitFor() + ")");
        } finally {
            process.destroyForcibly();
        }
    }
}
