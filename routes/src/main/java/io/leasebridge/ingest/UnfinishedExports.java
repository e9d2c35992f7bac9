package io.leasebridge.ingest;

import io.leasebridge.hub.ExportFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, names the export files an earlier process took and never finished (killed, stopped, lost
 * its database): they are still in the inbox and are read again from their first row on the next poll.
 */
@Component
class UnfinishedExports {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedExports.class);

    private final ExportFiles files;

    UnfinishedExports(ExportFiles files) {
        this.files = files;
    }

    @EventListener(ApplicationStartedEvent.class)
    void report() {
        files.unfinished().forEach(file -> log.warn(
                "leaseworks-{}: {} was being read by run {} (started {}) and did not finish; it is read again when its export is next polled",
                file.export(), file.fileName(), file.runId(), file.startedAt()));
    }
}
