package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Pooled sequences for the rows written in bulk by an import (items, exams, associations): with
 * IDENTITY ids Hibernate must insert one row at a time to learn each id, so JDBC batching never
 * happens. A Java migration because each sequence has to start above the ids already there, which
 * plain SQL cannot say the same way on H2 and PostgreSQL.
 *
 * <p>The increment is the entities' {@code allocationSize} (50): Hibernate's pooled optimizer takes
 * the value it reads as the top of its block, hence the start at max(id) + 50. The columns lose
 * their IDENTITY default so that a row inserted without an id fails instead of colliding with a
 * block already handed out.
 */
public class V11_1__id_sequences extends BaseJavaMigration {

    static final int ALLOCATION_SIZE = 50;

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            for (String table : new String[] {"framework_item", "exam", "item_association"}) {
                long max;
                try (ResultSet rows = sql.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                    rows.next();
                    max = rows.getLong(1);
                }
                sql.execute("CREATE SEQUENCE " + table + "_seq START WITH " + (max + ALLOCATION_SIZE)
                        + " INCREMENT BY " + ALLOCATION_SIZE);
                sql.execute("ALTER TABLE " + table + " ALTER COLUMN id DROP IDENTITY");
            }
        }
    }
}
