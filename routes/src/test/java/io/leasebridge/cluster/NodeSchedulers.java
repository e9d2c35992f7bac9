package io.leasebridge.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.leasebridge.testing.TestDatabase;
import org.quartz.Scheduler;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quartz schedulers as LeaseBridge nodes build theirs on the PostgreSQL hub of the tests: each with a connection pool of
 * its own, the shipped Quartz properties and the job store customizer, not started (camel-quartz starts it). Closing
 * shuts them down and closes their pools.
 */
final class NodeSchedulers implements AutoCloseable {

    private static final String PREFIX = "spring.quartz.properties.";

    private final List<AutoCloseable> resources = new ArrayList<>();

    Scheduler next() throws Exception {
        HikariDataSource pool = new HikariDataSource();
        TestDatabase.Login login = TestDatabase.postgresLogin();
        pool.setJdbcUrl(login.url());
        pool.setUsername(login.user());
        pool.setPassword(login.password());
        pool.setMaximumPoolSize(4);
        resources.add(pool);
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(pool);
        factory.setSchedulerName("leasebridge");
        factory.setAutoStartup(false);
        new QuartzJobStoreCustomizer(shippedQuartzProperties(), pool).customize(factory);
        factory.afterPropertiesSet();
        resources.add(factory::destroy);
        assertThat(factory.getObject().getMetaData().isJobStoreClustered()).isTrue();
        return factory.getObject();
    }

    @Override
    public void close() throws Exception {
        List<AutoCloseable> lastFirst = new ArrayList<>(resources);
        Collections.reverse(lastFirst);
        for (AutoCloseable resource : lastFirst) {
            resource.close();
        }
    }

    private static QuartzProperties shippedQuartzProperties() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties shipped = yaml.getObject();
        QuartzProperties quartz = new QuartzProperties();
        // values stay typed (true, 5000) in the parsed YAML
        shipped.forEach((key, value) -> {
            if (key.toString().startsWith(PREFIX)) {
                quartz.getProperties().put(key.toString().substring(PREFIX.length()), String.valueOf(value));
            }
        });
        assertThat(quartz.getProperties()).containsKey("org.quartz.jobStore.isClustered");
        return quartz;
    }
}
