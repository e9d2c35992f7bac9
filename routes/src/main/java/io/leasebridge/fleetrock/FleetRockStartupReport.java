package io.leasebridge.fleetrock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One line at start-up saying what of FleetRock runs, and what is skipped for want of configuration. */
@Component
class FleetRockStartupReport {

    private static final Logger log = LoggerFactory.getLogger(FleetRockStartupReport.class);

    private final FleetRockProperties properties;

    FleetRockStartupReport(FleetRockProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    void report() {
        String webhook = properties.webhook().enabled()
                ? "webhook on POST " + properties.webhook().path()
                : "webhook not served (leasebridge.fleetrock.webhook.secret is empty)";
        if (properties.configured()) {
            log.info("FleetRock: polling {} for events {}; {}", properties.baseUrl(), properties.events(), webhook);
        } else {
            log.info("FleetRock not configured (leasebridge.fleetrock.base-url is empty): repair orders are not polled; {}", webhook);
        }
    }
}
