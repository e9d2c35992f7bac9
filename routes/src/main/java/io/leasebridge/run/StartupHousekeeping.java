package io.leasebridge.run;

import io.leasebridge.config.ClusterProperties;
import io.leasebridge.hub.RunHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Runs a dead process left unfinished are marked ABORTED at start-up: those whose node stopped heartbeating. Runs of
 * the other live nodes of a cluster go on; a node killed moments ago is noticed by the heartbeat a little later.
 */
@Component
class StartupHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(StartupHousekeeping.class);

    private final RunHistory runs;
    private final ClusterProperties cluster;
    private final Clock clock;

    StartupHousekeeping(RunHistory runs, ClusterProperties cluster, Clock clock) {
        this.runs = runs;
        this.cluster = cluster;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void abortUnfinishedRuns() {
        int aborted = runs.abortRunsOfSilentNodes(clock.instant().minus(cluster.nodeSilentAfter()));
        if (aborted > 0) {
            log.warn("{} run(s) of a stopped process did not finish and are marked ABORTED", aborted);
        }
    }
}
