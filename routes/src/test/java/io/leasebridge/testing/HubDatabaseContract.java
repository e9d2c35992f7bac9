package io.leasebridge.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInfo;

import javax.sql.DataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A contract that runs on every database the hub runs on: each subclass names its database
 * ({@code super(TestDatabase::h2)}), which opens at the class's first test and closes after its last; each test
 * starts on a freshly migrated schema.
 */
public abstract class HubDatabaseContract {

    private static final Map<Class<?>, TestDatabase> OPEN = new ConcurrentHashMap<>();

    private final Supplier<TestDatabase> database;

    protected HubDatabaseContract(Supplier<TestDatabase> database) {
        this.database = database;
    }

    /** The database of this class, wiped and migrated again; a PostgreSQL test without a server is skipped here. */
    protected DataSource freshSchema() {
        return OPEN.computeIfAbsent(getClass(), c -> database.get()).freshSchema();
    }

    @AfterAll
    static void closeDatabase(TestInfo test) {
        TestDatabase open = OPEN.remove(test.getTestClass().orElseThrow());
        if (open != null) {
            open.close();
        }
    }
}
