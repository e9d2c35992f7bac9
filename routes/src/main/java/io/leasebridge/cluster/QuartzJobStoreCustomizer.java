package io.leasebridge.cluster;

import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Quartz's JDBC job store on the hub's database. On PostgreSQL the nodes form a cluster (one fire of a
 * trigger runs on one node, a dead node's fires are recovered by the others) with PostgreSQL's delegate;
 * the embedded H2 hub cannot be shared by two processes, so it stays a single node on the same job store. Either
 * way the store locks and commits each operation itself ({@link LockingDataSourceJobStore}).
 */
@Component
class QuartzJobStoreCustomizer implements SchedulerFactoryBeanCustomizer {

    static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";
    static final String CLUSTERED = "org.quartz.jobStore.isClustered";
    static final String STORE = "org.quartz.jobStore.class";

    private final QuartzProperties quartz;
    private final DataSource dataSource;

    QuartzJobStoreCustomizer(QuartzProperties quartz, DataSource dataSource) {
        this.quartz = quartz;
        this.dataSource = dataSource;
    }

    @Override
    public void customize(SchedulerFactoryBean scheduler) {
        scheduler.setQuartzProperties(properties(databaseProduct()));
    }

    Properties properties(String databaseProduct) {
        Properties properties = new Properties();
        properties.putAll(quartz.getProperties());
        properties.setProperty(STORE, LockingDataSourceJobStore.class.getName());
        boolean postgres = databaseProduct.toLowerCase(Locale.ROOT).contains("postgres");
        properties.setProperty(DELEGATE, postgres ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        if (!postgres) {
            properties.setProperty(CLUSTERED, "false");
        }
        return properties;
    }

    private String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the hub is on, for Quartz's job store", e);
        }
    }
}
