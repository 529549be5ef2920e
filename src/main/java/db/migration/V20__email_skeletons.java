package db.migration;

import fr.referentia.shared.text.Confusables;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Each account's address skeleton (UTS #39 confusables, {@link Confusables}), so that a new address
 * that looks like an existing one can be found by an index. A Java migration because the skeleton
 * is computed by ICU, which SQL cannot call. Not unique: accounts made before may already look alike.
 */
public class V20__email_skeletons extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE app_user ADD COLUMN email_skeleton VARCHAR(64)");
            try (ResultSet rows = sql.executeQuery("SELECT id, email FROM app_user");
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE app_user SET email_skeleton = ? WHERE id = ?")) {
                while (rows.next()) {
                    update.setString(1, Confusables.skeletonDigest(rows.getString("email")));
                    update.setObject(2, rows.getObject("id"));
                    update.addBatch();
                }
                update.executeBatch();
            }
            sql.execute("ALTER TABLE app_user ALTER COLUMN email_skeleton SET NOT NULL");
            sql.execute("CREATE INDEX ix_app_user_email_skeleton ON app_user (email_skeleton)");
        }
    }
}
