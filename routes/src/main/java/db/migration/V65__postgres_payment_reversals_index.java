package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * On PostgreSQL, the reversals among a lease's payments get an index of their own, partial so that no other payment
 * pays for it. The promise ledger reads a lease's payments from the day its earliest live promise was made through
 * the lease's index on its dates, and its reversals of any date through this one, instead of every payment the lease
 * ever had, each on a page of its own.
 * <p>H2 has no partial index, and one on every payment would cost each insert more than the reads it saves; there the
 * ledger reads all of a lease's payments and keeps those it needs.
 */
public class V65__postgres_payment_reversals_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (EmbeddedHub.isMigrating(context)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("create index payment_reversals on payment (lease_id) where reversal_of is not null");
        }
    }
}
