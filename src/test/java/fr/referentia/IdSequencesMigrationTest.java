package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V11_1 on a database that already holds referentials (an upgrade, not a fresh install): each
 * sequence must hand Hibernate's pooled optimiser a first block above the existing ids, and a row
 * inserted without an id must fail rather than take one of those blocks. On H2 and PostgreSQL.
 */
class IdSequencesMigrationTest {

    @Test
    void onH2() throws SQLException {
        String url = "jdbc:h2:mem:sequences;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
            check(url, "sa", "", "SELECT NEXT VALUE FOR framework_item_seq");
        }
    }

    @Test
    void onPostgreSql() throws SQLException {
        var postgres = EmbeddedPostgresInitializer.postgres();
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS sequences_upgrade");
            sql.execute("CREATE DATABASE sequences_upgrade");
        }
        check(postgres.getJdbcUrl("postgres", "sequences_upgrade"), "postgres", "", "SELECT nextval('framework_item_seq')");
    }

    private static void check(String url, String user, String password, String nextItemId) throws SQLException {
        Flyway.configure().dataSource(url, user, password).target("9").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            jdbc.update("INSERT INTO framework (id, code, version, kind, title, status, created_at)"
                    + " VALUES (7, 'ANCIEN', '1', 'CQP', 'Référentiel déjà là', 'PUBLISHED', ?)", java.sql.Timestamp.from(Instant.now()));
            for (long id = 1; id <= 130; id++) {
                jdbc.update("INSERT INTO framework_item (id, framework_id, code, type, text, position)"
                        + " VALUES (?, 7, ?, 'COMPETENCY', 'Compétence', 1)", id, "C" + id);
            }
            jdbc.update("INSERT INTO exam (id, framework_id, code, title, position) VALUES (12, 7, 'E1', 'Épreuve', 1)");

            Flyway.configure().dataSource(url, user, password).load().migrate();

            // Pooled optimiser: the value read is the top of a block of 50, so the first block is 131..180.
            assertThat(jdbc.queryForObject(nextItemId, Long.class)).isEqualTo(130 + 50);
            assertThat(jdbc.queryForObject(nextItemId.replace("framework_item_seq", "exam_seq"), Long.class))
                    .isEqualTo(12 + 50);
            assertThat(jdbc.queryForObject(nextItemId.replace("framework_item_seq", "item_association_seq"), Long.class))
                    .isEqualTo(50);
            assertThatThrownBy(() -> jdbc.update("INSERT INTO framework_item (framework_id, code, type, text, position)"
                    + " VALUES (7, 'SANS-ID', 'COMPETENCY', 'Compétence', 1)"))
                    .as("no IDENTITY default left to collide with the sequence's blocks")
                    .hasMessageContaining("id");
        }
    }
}
