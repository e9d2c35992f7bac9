package io.leasebridge.observability;

import io.leasebridge.status.SystemStatus;
import io.leasebridge.ingest.LeaseWorksProperties;
import io.leasebridge.ingest.LeaseWorksExportRoutes;
import io.leasebridge.status.SystemStatus.ExportStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.remote.RemoteFileEndpoint;
import org.apache.camel.support.ScheduledPollConsumer;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The LeaseWorks drop, one entry per export: where it is read from, whether a local inbox is there and
 * readable, whether the last polls of a remote one failed, the last file read and the last file that could
 * not be. DOWN when an inbox cannot be read or the last poll failed. Never shows an endpoint URI: its
 * query may hold a password.
 */
@Component
class LeaseWorksDropHealthIndicator implements HealthIndicator {

    private final CamelContext camel;
    private final LeaseWorksProperties leaseWorks;
    private final SystemStatus status;

    LeaseWorksDropHealthIndicator(CamelContext camel, LeaseWorksProperties leaseWorks, SystemStatus status) {
        this.camel = camel;
        this.leaseWorks = leaseWorks;
        this.status = status;
    }

    @Override
    public Health health() {
        Map<String, ExportStatus> seen = status.exports();
        boolean down = false;
        Map<String, Object> exports = new LinkedHashMap<>();
        for (String export : leaseWorks.exports().keySet()) {
            Map<String, Object> details = new LinkedHashMap<>();
            Route route = camel.getRoute(LeaseWorksExportRoutes.routeId(export));
            Endpoint endpoint = route == null ? null : route.getEndpoint();
            if (endpoint instanceof FileEndpoint file) {
                File inbox = file.getFile();
                boolean reachable = inbox.isDirectory() && inbox.canRead();
                details.put("transport", "file");
                details.put("inbox", inbox.getPath());
                details.put("inboxReachable", reachable);
                down |= !reachable;
            } else if (endpoint instanceof RemoteFileEndpoint<?> remote) {
                details.put("transport", remote.getConfiguration().getProtocol());
                details.put("host", remote.getConfiguration().getHost());
            } else if (endpoint != null) {
                details.put("transport", endpoint.getEndpointKey().split(":", 2)[0]);
            }
            if (route != null && route.getConsumer() instanceof ScheduledPollConsumer poller && poller.isFirstPollDone()) {
                details.put("failedPollsInARow", poller.getErrorCounter());
                down |= poller.getErrorCounter() > 0;
            }
            ExportStatus last = seen.get(export);
            if (last != null) {
                put(details, "lastFile", last.lastFile());
                put(details, "lastFileAt", last.lastFileAt());
                put(details, "lastErrorFile", last.lastErrorFile());
                put(details, "lastErrorAt", last.lastErrorAt());
                put(details, "lastError", last.lastError());
            }
            exports.put(export, details);
        }
        return (down ? Health.down() : Health.up()).withDetails(exports).build();
    }

    private static void put(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value.toString());
        }
    }
}
