package db.migration;

import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.util.Locale;

/** Whether a migration runs on the embedded hub (H2), for the changes only H2 needs. */
final class EmbeddedHub {

    private EmbeddedHub() {
    }

    static boolean isMigrating(Context context) throws SQLException {
        return context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    }
}
