package io.leasebridge.vehicles;

import io.leasebridge.connectors.files.FileSink;
import io.leasebridge.connectors.files.FileSink.OutgoingFile;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.flow.FlowRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Hub -> LeaseWorks: writes the vehicles changed since the last import into one import file. The file
 * goes to the configured endpoint under a temporary name and is renamed when complete; no change, no
 * file. A vehicle is marked imported only after the file is written, so a crash in between writes it
 * again next time (LeaseWorks imports vehicles by VIN, so a repeated row changes nothing).
 */
@Service
public class LeaseWorksVehicleImport {

    public static final String FLOW = "leaseworks-vehicle-import";
    /** The most vehicles one file carries; the rest follow in the next run's file. */
    static final int MAX_ROWS_PER_FILE = 100_000;
    private static final Logger log = LoggerFactory.getLogger(LeaseWorksVehicleImport.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final VehicleStore vehicles;
    private final VehicleImportFile file;
    private final VehicleImportProperties properties;
    private final FileSink files;
    private final FlowRuns runs;
    private final Clock clock;

    public LeaseWorksVehicleImport(VehicleStore vehicles, VehicleImportFile file, VehicleImportProperties properties,
                                   FileSink files, FlowRuns runs, Clock clock) {
        this.vehicles = vehicles;
        this.file = file;
        this.properties = properties;
        this.files = files;
        this.runs = runs;
        this.clock = clock;
    }

    /** Writes the file; returns its name, or null when no vehicle changed. */
    public String write() {
        return runs.run(FLOW, properties.filePrefix(), run -> {
            try {
                return write(run);
            } catch (RuntimeException e) {
                log.error("{}: the import file was not written, its vehicles stay pending: {}", FLOW, e.getMessage());
                run.fail(e.getMessage());
                return null;
            }
        });
    }

    private String write(FlowRuns.Run run) {
        List<VehicleStore.PendingImport> pending = vehicles.pendingImport(MAX_ROWS_PER_FILE);
        if (pending.isEmpty()) {
            return null;
        }
        String name = properties.filePrefix() + "-" + STAMP.format(clock.instant().atOffset(ZoneOffset.UTC)) + ".csv";
        String body = file.render(pending.stream().map(VehicleStore.PendingImport::vehicle).toList());
        files.write(VehicleRoutes.IMPORT_FILE, OutgoingFile.named(name, body));
        vehicles.markImported(pending);
        log.info("{}: wrote {} with {} vehicles", FLOW, name, pending.size());
        run.count(new RunCounts(pending.size(), 0, pending.size(), 0, 0, 0));
        return name;
    }
}
