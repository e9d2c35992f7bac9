package io.leasebridge.page;

import io.leasebridge.flow.RunOnceParts;
import io.leasebridge.kpis.KpiProperties;
import org.springframework.stereotype.Component;

import java.util.List;

/** The charts page of the run, written last, where the KPI files are. */
@Component
class ChartsRunOnce implements RunOnceParts {

    private final ChartReport charts;
    private final KpiProperties reports;

    ChartsRunOnce(ChartReport charts, KpiProperties reports) {
        this.charts = charts;
        this.reports = reports;
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(1800, (out, once) -> {
            out.println("Charts: " + charts.write(reports.reportDir()).toAbsolutePath());
            out.println();
        }));
    }
}
