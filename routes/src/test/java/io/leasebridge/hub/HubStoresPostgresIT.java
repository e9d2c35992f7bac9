package io.leasebridge.hub;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The hub stores on PostgreSQL, the production hub. Where no server answers, a developer's build skips
 * this class; on CI ({@code CI=true}) that is a failure, because {@code .ci/run} starts one.
 */
class HubStoresPostgresIT extends HubStoresContract {

    private static HikariDataSource dataSource;
    /** Why no test can run here, or null when PostgreSQL answered. */
    private static String unusable;

    @BeforeAll
    static void connect() {
        String url = env("LEASEBRIDGE_TEST_PG_URL", "jdbc:postgresql://localhost:5432/leasebridge_test");
        String user = env("LEASEBRIDGE_TEST_PG_USER", "leasebridge");
        String password = env("LEASEBRIDGE_TEST_PG_PASSWORD", "leasebridge");
        unusable = probe(url, user, password);
        if (unusable != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true, so PostgreSQL must be there, but " + unusable);
            }
            return;
        }
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(2);
    }

    @AfterAll
    static void disconnect() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    /** Called before every test: without a server each test is reported skipped, with the reason. */
    @Override
    DataSource dataSource() {
        Assumptions.assumeTrue(unusable == null, () -> unusable);
        return dataSource;
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
