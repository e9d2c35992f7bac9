package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * On the embedded hub (H2), the days-past-due history loses its index on the day alone. H2 looked each row of the
 * history's {@code MERGE} up through that index rather than the primary key (lease, day), although its plan named
 * the primary key: every row of an accounts file has the same day, so each lease scanned the whole day written so
 * far, and a file of 20,000 leases took seconds more per thousand. The readers of the history read all of it in
 * lease order, which the primary key gives.
 * <p>PostgreSQL keeps the index: it finds each row by the primary key.
 */
public class V63__h2_dpd_history_without_day_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!EmbeddedHub.isMigrating(context)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("drop index lease_dpd_history_as_of");
        }
    }
}
