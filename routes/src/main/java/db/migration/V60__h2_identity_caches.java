package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;
import java.util.List;

/**
 * On the embedded hub (H2), the ids of the tables an export fills row by row are handed out from a cache of
 * {@value #CACHE} instead of H2's 32. H2 writes an identity's next value to its own catalogue each time the
 * cache runs out, in a system transaction of its own that it commits at once, which with {@code WRITE_DELAY=0}
 * is a write to disk: 32 outbox rows each cost one. A crash only leaves a gap in the ids; their order stays
 * the order of the inserts, since H2's cache is one for the whole database.
 * <p>PostgreSQL is left alone: its cache is per connection, so ids would no longer follow the order of the
 * commits across connections, and its sequences do not commit anything of their own.
 */
public class V60__h2_identity_caches extends BaseJavaMigration {

    static final int CACHE = 10_000;

    /** Table and identity column. */
    static final List<List<String>> IDENTITIES = List.of(
            List.of("sf_outbox", "id"), List.of("promise_event", "sequence"), List.of("dead_letter", "id"));

    @Override
    public void migrate(Context context) throws Exception {
        if (!EmbeddedHub.isMigrating(context)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (List<String> identity : IDENTITIES) {
                statement.execute("alter table " + identity.get(0) + " alter column " + identity.get(1) + " set cache " + CACHE);
            }
        }
    }
}
