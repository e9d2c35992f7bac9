package io.leasebridge.kpis;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;
import java.util.UUID;

/** The KPI queries on the embedded hub: H2 in PostgreSQL mode, as the default profile runs it. */
class CollectionsKpisH2Test extends CollectionsKpisContract {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void startDatabase() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:kpis-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(2);
    }

    @AfterAll
    static void stopDatabase() {
        dataSource.close();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
