package fr.referentia.shared.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.IntegrationTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DocumentNumbersTest {

    @Autowired
    DocumentNumbers numbers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** A kind of its own for each test, so that counters left by other tests do not matter. */
    private static String freshKind() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private String inTransaction(java.util.function.Supplier<String> issue) {
        return new TransactionTemplate(transactionManager).execute(status -> issue.get());
    }

    @Test
    void concurrentIssuersGetNumbersWithoutGapOrDuplicateAndRolledBackOnesAreGivenBack() throws Exception {
        String kind = freshKind();
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    boolean rollBack = (thread + i) % 4 == 0;
                    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                        String number = numbers.next(kind, 2026);
                        if (rollBack) {
                            status.setRollbackOnly();
                        } else {
                            // recorded only once the transaction committed, as a document would be
                            org.springframework.transaction.support.TransactionSynchronizationManager
                                    .registerSynchronization(new org.springframework.transaction.support
                                            .TransactionSynchronization() {
                                        @Override
                                        public void afterCommit() {
                                            committed.add(number);
                                        }
                                    });
                        }
                    });
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        int expected = (int) LongStream.range(0, threads).flatMap(t -> LongStream.range(0, perThread)
                .filter(i -> (t + i) % 4 != 0)).count();
        assertThat(committed).hasSize(expected).doesNotHaveDuplicates();
        assertThat(committed).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, expected)
                .mapToObj(n -> DocumentNumbers.format(kind, 2026, n)).toList());
        assertThat(jdbc.sql("SELECT last_value FROM document_number_counter WHERE kind = ? AND number_year = 2026")
                .param(kind).query(Long.class).single()).isEqualTo(expected);
    }

    @Test
    void eachKindAndYearHasItsOwnSequence() {
        String certificates = freshKind();
        String minutes = freshKind();

        assertThat(inTransaction(() -> numbers.next(certificates, 2026))).isEqualTo(certificates + "-2026-000001");
        assertThat(inTransaction(() -> numbers.next(certificates, 2026))).isEqualTo(certificates + "-2026-000002");
        assertThat(inTransaction(() -> numbers.next(certificates, 2027))).isEqualTo(certificates + "-2027-000001");
        assertThat(inTransaction(() -> numbers.next(minutes, 2026))).isEqualTo(minutes + "-2026-000001");
        assertThat(inTransaction(() -> numbers.next(certificates, 2026))).isEqualTo(certificates + "-2026-000003");
    }

    @Test
    void theYearIsTheClocksInFrance() {
        String kind = freshKind();
        // 31 December 2026, 23:30 UTC: already 2027 in Paris
        Clock newYearsEve = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneId.of("Europe/Paris"));
        DocumentNumbers atNewYear = new DocumentNumbers(jdbc, newYearsEve);

        assertThat(inTransaction(() -> atNewYear.next(kind))).isEqualTo(kind + "-2027-000001");
    }

    @Test
    void aNumberIsOnlyIssuedInTheCallersTransactionAndForAValidKind() {
        assertThatThrownBy(() -> numbers.next(freshKind(), 2026)).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> inTransaction(() -> numbers.next("cert", 2026)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DocumentNumbers.format("PV", 2026, 7)).isEqualTo("PV-2026-000007");
    }
}
