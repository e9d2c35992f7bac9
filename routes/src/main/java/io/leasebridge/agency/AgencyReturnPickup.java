package io.leasebridge.agency;

import io.leasebridge.mapping.AgencyLayouts;
import io.leasebridge.hub.ExportFiles;
import io.leasebridge.hub.RunCounts;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the return files waiting at each agency's return endpoint and reads them. A file read (or refused) is moved to
 * the folder's {@code .done/} once the hub committed it (a refused file too: its dead letter says why); one a crash or a
 * hub failure interrupted stays where it is and is taken on the next run.
 */
@Service
public class AgencyReturnPickup {

    private static final long WAIT_MILLIS = 3_000;
    private static final Logger log = LoggerFactory.getLogger(AgencyReturnPickup.class);

    private final AgencyLayouts layouts;
    private final AgencyReturnIngest ingest;
    private final ConsumerTemplate consumer;
    private final List<String> read = new ArrayList<>();

    AgencyReturnPickup(AgencyLayouts layouts, AgencyReturnIngest ingest, ConsumerTemplate consumer) {
        this.layouts = layouts;
        this.ingest = ingest;
        this.consumer = consumer;
    }

    /** The files the last run read, one line each, for the run summary. */
    public synchronized List<String> lastRead() {
        return List.copyOf(read);
    }

    public synchronized RunCounts collect() {
        read.clear();
        RunCounts total = RunCounts.NONE;
        for (var agency : layouts.agencies().entrySet()) {
            AgencyLayouts.ReturnLayout returns = agency.getValue().returnFile();
            if (returns == null) {
                continue;
            }
            String uri = endpoint(returns);
            boolean failed = false;
            // a file that failed is left for the next run: taken again now, it would be taken forever
            while (!failed) {
                Exchange file = consumer.receive(uri, WAIT_MILLIS);
                if (file == null) {
                    break;
                }
                try {
                    String name = file.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
                    RunCounts counts = ingest.ingest(agency.getKey(), name, ExportFiles.key(name,
                            file.getIn().getHeader(Exchange.FILE_LENGTH, -1L, Long.class),
                            file.getIn().getHeader(Exchange.FILE_LAST_MODIFIED, 0L, Long.class)), file.getIn().getBody(byte[].class));
                    total = total.plus(counts);
                    read.add(name + " (" + counts.read() + " rows, " + counts.quarantined() + " quarantined) <- " + agency.getKey());
                } catch (RuntimeException e) {
                    failed = true;
                    log.error("{}: {} from {} stays for the next run: {}", AgencyReturnIngest.FLOW,
                            file.getIn().getHeader(Exchange.FILE_NAME_ONLY), agency.getKey(), e.getMessage());
                    file.setException(e);
                } finally {
                    consumer.doneUoW(file);
                }
            }
        }
        return total;
    }

    /** The agency's endpoint, taking only its return files and moving each aside once read, unless it says otherwise. */
    private static String endpoint(AgencyLayouts.ReturnLayout returns) {
        String uri = returns.endpoint();
        if (!uri.contains("include=") && !uri.contains("antInclude=")) {
            uri = withOption(uri, "include=RAW(" + returns.include() + ")");
        }
        if (!uri.contains("move=") && !uri.contains("noop=") && !uri.contains("delete=")) {
            uri = withOption(uri, "move=.done");
        }
        return withOption(uri, "initialDelay=0&delay=500");
    }

    private static String withOption(String uri, String option) {
        return uri + (uri.contains("?") ? "&" : "?") + option;
    }
}
