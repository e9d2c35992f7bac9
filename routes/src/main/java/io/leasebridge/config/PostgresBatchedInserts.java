package io.leasebridge.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Has the PostgreSQL driver send a batch of inserts as multi-row inserts ({@code reWriteBatchedInserts}),
 * whatever the configured URL says: the intake writes its canonical rows, ledger events and dead letters
 * in batches, and row by row each insert costs the database a statement of its own.
 */
@Component
public class PostgresBatchedInserts implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            configure(pool);
        }
        return bean;
    }

    /** Sets the pool up as the application does; for pools made outside Spring (tests). */
    public static void configure(HikariDataSource pool) {
        if (pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
    }
}
