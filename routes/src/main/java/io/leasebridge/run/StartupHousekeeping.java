package io.leasebridge.run;

import io.leasebridge.hub.RunHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Runs a previous process left unfinished are marked ABORTED before any flow starts. */
@Component
class StartupHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(StartupHousekeeping.class);

    private final RunHistory runs;

    StartupHousekeeping(RunHistory runs) {
        this.runs = runs;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void abortUnfinishedRuns() {
        int aborted = runs.abortUnfinished();
        if (aborted > 0) {
            log.warn("{} run(s) of a previous process did not finish and are marked ABORTED", aborted);
        }
    }
}
