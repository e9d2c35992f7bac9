package io.leasebridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * LeaseBridge: serves (schedules, admin API) by default; with {@code leasebridge.run-once=true} runs
 * every enabled flow once, prints a summary and exits non-zero when anything failed.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeaseBridgeApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(LeaseBridgeApplication.class, args);
        if (context.getEnvironment().getProperty("leasebridge.run-once", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
