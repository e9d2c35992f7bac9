package io.leasebridge.agency;

import io.leasebridge.flow.RouteCalls;
import io.leasebridge.flow.RunOnceParts;
import io.leasebridge.kpis.KpiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collection agency flows in a run-once: the agencies' return files first (what they collected and closed), then
 * proposals, the managers' decisions and the files to send and recall; afterwards what stands, for the run summary.
 */
@Component
public class AgencyRunOnceStep implements RunOnceParts {

    private static final Logger log = LoggerFactory.getLogger(AgencyRunOnceStep.class);

    private final RouteCalls routes;
    private final PlacementFiles files;
    private final AgencyReturnPickup returns;
    private final PlacementKpis kpis;
    private final PlacementStore placements;
    private final KpiProperties reports;

    AgencyRunOnceStep(RouteCalls routes, PlacementFiles files, AgencyReturnPickup returns, PlacementKpis kpis,
                      PlacementStore placements, KpiProperties reports) {
        this.routes = routes;
        this.files = files;
        this.returns = returns;
        this.kpis = kpis;
        this.placements = placements;
        this.reports = reports;
    }

    /** After the recovery risk, before the Salesforce drain that sends the placements' records. */
    @Override
    public List<Step> steps() {
        return List.of(Step.of(1000, AgencyPlacementRoutes.FLOW, once -> run()));
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(1300, (out, once) -> print(out, reports.reportDir())));
    }

    /** A failed step is in the run history and the exit code, and the run goes on. */
    public void run() {
        try {
            routes.run(AgencyReturnRoutes.RETURNS);
        } catch (RuntimeException e) {
            log.error("{}: {}", AgencyReturnIngest.FLOW, e.getMessage());
        }
        try {
            routes.run(AgencyPlacementRoutes.PLACEMENTS);
        } catch (RuntimeException e) {
            log.error("{}: {}", AgencyPlacementRoutes.FLOW, e.getMessage());
        }
    }

    /** Placements by status, the files of this run, and the recovery by agency; writes {@value PlacementKpis#CSV} too. */
    public void print(PrintStream out, Path reportDir) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (PlacementStatus status : PlacementStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        byStatus.putAll(placements.countsByStatus());
        out.println("Agency placements: " + byStatus.entrySet().stream().map(e -> e.getKey().toLowerCase(java.util.Locale.ROOT)
                + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
        files.lastSent().forEach(line -> out.println("  sent " + line));
        returns.lastRead().forEach(line -> out.println("  read " + line));
        PlacementKpis.Report report = kpis.compute();
        for (PlacementKpis.Recovery agency : report.byAgency()) {
            out.printf("  %-32s placed %s in %d placements, collected %s, recovery rate %s%n", agency.agency(),
                    agency.placedBalance().toPlainString(), agency.placements(), agency.collected().toPlainString(),
                    agency.recoveryRate() == null ? "-" : agency.recoveryRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        }
        try {
            kpis.writeCsv(report, reportDir);
        } catch (IOException e) {
            log.warn("{} not written: {}", PlacementKpis.CSV, e.getMessage());
        }
        out.println();
    }
}
