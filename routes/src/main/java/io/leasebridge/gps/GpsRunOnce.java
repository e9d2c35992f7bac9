package io.leasebridge.gps;

import io.leasebridge.flow.RouteCalls;
import io.leasebridge.flow.RunOnceParts;
import org.springframework.stereotype.Component;

import java.util.List;

/** The GPS poll in run-once, before the recovery risk that reads its alerts; afterwards its report. */
@Component
class GpsRunOnce implements RunOnceParts {

    private final RouteCalls routes;
    private volatile GpsPollReport report;

    GpsRunOnce(RouteCalls routes) {
        this.routes = routes;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of(800, GpsPoll.FLOW, once -> report = routes.request(GpsPollRoute.POLL, null, GpsPollReport.class)));
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(1100, (out, once) -> {
            if (report != null) {
                report.print(out);
            }
        }));
    }
}
