package io.leasebridge.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.leasebridge.config.PostgresBatchedInserts;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The databases the hub runs on, for tests that need a real one: H2 in PostgreSQL mode, and PostgreSQL
 * where one answers. Without a PostgreSQL server a developer's build skips those tests; on CI
 * ({@code CI=true}) that is a failure, because {@code .ci/run} starts one.
 */
public final class TestDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    /** Why no test can run on it, or null when it answered. */
    private final String unusable;

    private TestDatabase(HikariDataSource dataSource, String unusable) {
        this.dataSource = dataSource;
        this.unusable = unusable;
    }

    public static TestDatabase h2() {
        return new TestDatabase(pool("jdbc:h2:mem:hub-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", ""), null);
    }

    public static TestDatabase postgres() {
        String url = postgresUrl();
        String user = postgresUser();
        String password = postgresPassword();
        String unusable = probe(url, user, password);
        if (unusable != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true, so PostgreSQL must be there, but " + unusable);
            }
            return new TestDatabase(null, unusable);
        }
        return new TestDatabase(pool(url, user, password), null);
    }

    /** The PostgreSQL of {@link #postgres()} as the hub of an application under test. */
    public static void postgresHub(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::postgresUrl);
        registry.add("spring.datasource.username", TestDatabase::postgresUser);
        registry.add("spring.datasource.password", TestDatabase::postgresPassword);
    }

    /** Where the PostgreSQL of {@link #postgres()} is, and who logs in, for tests that start nodes of their own. */
    public static Login postgresLogin() {
        return new Login(postgresUrl(), postgresUser(), postgresPassword());
    }

    public record Login(String url, String user, String password) {
    }

    private static String postgresUrl() {
        return env("LEASEBRIDGE_TEST_PG_URL", "jdbc:postgresql://localhost:5432/leasebridge_test");
    }

    private static String postgresUser() {
        return env("LEASEBRIDGE_TEST_PG_USER", "leasebridge");
    }

    private static String postgresPassword() {
        return env("LEASEBRIDGE_TEST_PG_PASSWORD", "leasebridge");
    }

    /** The data source; a test calling it on a database that is not there is reported skipped, with the reason. */
    public DataSource dataSource() {
        Assumptions.assumeTrue(unusable == null, () -> unusable);
        return dataSource;
    }

    /** Wipes the schema and migrates it again with the Flyway migrations of the hub. */
    public DataSource freshSchema() {
        DataSource ds = dataSource();
        Flyway flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return ds;
    }

    @Override
    public void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(user);
        ds.setPassword(password);
        ds.setMaximumPoolSize(2);
        PostgresBatchedInserts.configure(ds);
        return ds;
    }

    private static String probe(String url, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(url, properties)) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL at " + url + " as " + user + " is not usable: " + e.getMessage()
                    + " (set LEASEBRIDGE_TEST_PG_URL, LEASEBRIDGE_TEST_PG_USER, LEASEBRIDGE_TEST_PG_PASSWORD)";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
