package fr.referentia.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Run in its own JVM by {@link FileStorageCrashTest}, which kills it: stores a file through the real
 * storage and database, and stops for good at the moment to be tested, after saying so on its
 * standard output. Arguments: JDBC URL, user, password, directory, and the moment:
 * {@code writing} (halfway through writing the content) or {@code committing} (the content in
 * place, its row inserted, the transaction not yet committed).
 */
public final class StoreUntilKilled {

    static final String PURPOSE = "essai-coupure";

    public static void main(String[] args) throws Exception {
        DriverManagerDataSource database = new DriverManagerDataSource(args[0], args[1], args[2]);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        FilePurpose purpose = new TestFilePurposes.TestPurpose(PURPOSE, "Essai de coupure",
                FileLimits.of(Set.of(FileLimits.TEXT, "application/octet-stream"), DataSize.ofGigabytes(4),
                        DataSize.ofGigabytes(4), Period.ofDays(1)), null);
        FileStorage storage = new FileStorage(new LocalDirectoryFileStore(Path.of(args[3])), JdbcClient.create(database),
                transactions, List.of(purpose), Clock.systemUTC(),
                new FileStorageSettings(Path.of(args[3]), "-", java.time.Duration.ofDays(1)));
        switch (args[4]) {
            case "writing" -> storage.store("coupure@essai.example.fr", PURPOSE, "gros.bin", new HalfThenForever());
            case "committing" -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                StoredFile file = storage.store("coupure@essai.example.fr", PURPOSE, "petit.txt",
                        new java.io.ByteArrayInputStream("contenu".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                signal("STORED " + file.id());
                waitForever();
            });
            default -> throw new IllegalArgumentException(args[4]);
        }
        throw new IllegalStateException("should have been killed");
    }

    /** Gives 8 MB of content, says so, then blocks forever in the middle of the upload. */
    private static final class HalfThenForever extends InputStream {

        private static final long HALF = 8L * 1024 * 1024;
        private long given;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (given >= HALF) {
                signal("WRITING");
                waitForever();
            }
            int n = (int) Math.min(length, HALF - given);
            Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            given += n;
            return n;
        }
    }

    private static void signal(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Blocks on the standard input, which the test keeps open and never writes to. */
    private static void waitForever() {
        try {
            while (System.in.read() >= 0) {
                // nothing is ever written
            }
        } catch (IOException e) {
            // the test is gone
        }
        throw new IllegalStateException("standard input closed");
    }
}
