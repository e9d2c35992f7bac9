package io.leasebridge.cluster;

import io.leasebridge.hub.ClusterNode;
import io.leasebridge.hub.ClusterNodes;
import io.leasebridge.hub.RunHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This node joins the hub's members, heartbeats for itself and its runs, and aborts the runs of nodes that stopped
 * heartbeating (a process killed mid-run), whichever node notices first. Started before the flows, stopped after them.
 */
@Component
class NodeHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final ClusterNodes nodes;
    private final RunHistory runs;
    private final ClusterNode node;
    private final ClusterProperties properties;
    private final Clock clock;
    private ScheduledExecutorService timer;

    NodeHeartbeat(ClusterNodes nodes, RunHistory runs, ClusterNode node, ClusterProperties properties, Clock clock) {
        this.nodes = nodes;
        this.runs = runs;
        this.node = node;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        nodes.join(node);
        log.info("cluster: node {} joined the hub", node.id());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeatInterval().toMillis();
        timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    void beat() {
        try {
            nodes.heartbeat(node);
            int aborted = runs.abortRunsOfSilentNodes(clock.instant().minus(properties.nodeSilentAfter()));
            if (aborted > 0) {
                log.warn("cluster: {} run(s) of a node silent for {} are marked ABORTED", aborted, properties.nodeSilentAfter());
            }
        } catch (RuntimeException e) {
            // the hub may be briefly unreachable; the next beat tries again
            log.warn("cluster: heartbeat of node {} failed: {}", node.id(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            nodes.leave(node);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Before Camel's routes (which start later and stop earlier), so that every run is covered by heartbeats. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
