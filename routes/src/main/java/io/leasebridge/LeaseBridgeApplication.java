package io.leasebridge;

import io.leasebridge.promises.LedgerCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;
import java.util.Map;

/**
 * LeaseBridge: serves (schedules, admin API) by default; with {@code leasebridge.run-once=true} runs
 * every enabled flow once, prints a summary and exits non-zero when anything failed; with a ledger
 * command ({@code judge --as-of=...}, {@code rebuild-ledger}) does that and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeaseBridgeApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(LeaseBridgeApplication.class);
        boolean command = LedgerCommands.isCommand(args);
        if (command) {
            // a command does its one job: no flow starts polling or draining meanwhile
            app.setDefaultProperties(Map.of("camel.springboot.auto-startup", "false"));
        }
        if (command || runOnceAsked(args)) {
            app.setWebApplicationType(WebApplicationType.NONE);
        }
        ConfigurableApplicationContext context = app.run(args);
        if (command || context.getEnvironment().getProperty("leasebridge.run-once", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /** Run-once asked on the command line or in the environment: such a run serves no HTTP. */
    private static boolean runOnceAsked(String... args) {
        return Arrays.asList(args).contains("--leasebridge.run-once=true") || Boolean.getBoolean("leasebridge.run-once")
                || "true".equalsIgnoreCase(System.getenv("LEASEBRIDGE_RUN_ONCE"));
    }
}
