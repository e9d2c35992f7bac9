package io.leasebridge.run;

import io.leasebridge.cluster.ClusterProperties;
import io.leasebridge.hub.ClusterNode;
import io.leasebridge.hub.ClusterNodes;
import io.leasebridge.hub.HubSharing;
import io.leasebridge.hub.sql.OutboxClaims;
import io.leasebridge.hub.RunHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What dead processes left is cleared at start-up: their RUNNING runs are marked ABORTED and their outbox claims end.
 * On a shared (PostgreSQL) hub those of nodes that stopped heartbeating only, the other live nodes go on (a node killed
 * moments ago is noticed by the heartbeat a little later); on the embedded H2 hub, which one process opens at a time,
 * those of every other node.
 */
@Component
class StartupHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(StartupHousekeeping.class);

    private final RunHistory runs;
    private final ClusterNodes nodes;
    private final OutboxClaims claims;
    private final ClusterNode node;
    private final ClusterProperties cluster;
    private final DataSource dataSource;
    private final Clock clock;

    StartupHousekeeping(RunHistory runs, ClusterNodes nodes, OutboxClaims claims, ClusterNode node, ClusterProperties cluster,
                        DataSource dataSource, Clock clock) {
        this.runs = runs;
        this.nodes = nodes;
        this.claims = claims;
        this.node = node;
        this.cluster = cluster;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void clearWhatDeadProcessesLeft() {
        boolean shared = HubSharing.of(dataSource) == HubSharing.SHARED;
        Instant silentSince = shared ? clock.instant().minus(cluster.nodeSilentAfter()) : clock.instant().plus(Duration.ofDays(1));
        int aborted = shared ? runs.abortRunsOfSilentNodes(silentSince) : runs.abortRunsOfOtherNodes();
        List<String> gone = nodes.goneBesides(node, silentSince);
        int released = claims.releaseClaimsOf(gone);
        if (aborted > 0 || released > 0) {
            log.warn("{} run(s) of a stopped process did not finish and are marked ABORTED; {} outbox row(s) it held are free again",
                    aborted, released);
        }
    }
}
