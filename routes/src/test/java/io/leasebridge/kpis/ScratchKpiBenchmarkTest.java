package io.leasebridge.kpis;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.YearMonth;

class ScratchKpiBenchmarkTest {
    @Test
    void bench() {
        int n = Integer.getInteger("leases", 20000);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(System.getProperty("url", "jdbc:h2:mem:bench;MODE=PostgreSQL;DB_CLOSE_DELAY=-1"));
        ds.setUsername(System.getProperty("user", "sa"));
        ds.setPassword(System.getProperty("pw", ""));
        Flyway f = Flyway.configure().dataSource(ds).locations("classpath:db/migration").cleanDisabled(false).load();
        f.clean(); f.migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        long t0 = System.nanoTime();
        KpiDataset.random(5, n, null).insertInto(jdbc);
        long t1 = System.nanoTime();
        System.out.println("BENCH rows " + jdbc.queryForObject("select count(*) from lease_dpd_history", Long.class) + " insert " + (t1 - t0) / 1_000_000 + " ms");
        KpiReport r = new CollectionsKpis(jdbc).compute(LocalDate.of(2026, 5, 31));
        long t2 = System.nanoTime();
        System.out.println("BENCH compute " + (t2 - t1) / 1_000_000 + " ms, months " + r.dpdBuckets().size());
        ds.close();
    }
}
