package io.leasebridge.architecture.violations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * Keeps the rule: a {@code @Configuration} class may wire the JdbcTemplate its stores take.
 * Abstract, so that the application's component scan, which sees the test classes, never makes it a bean.
 */
@Configuration
public abstract class FixtureConfiguration {

    @Bean
    JdbcTemplate fixtureJdbc(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }
}
