package io.leasebridge.gps;

import io.leasebridge.flow.RunOnceParts;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The GPS poll in run-once, before the recovery risk that reads its alerts; afterwards its report. */
@Component
class GpsRunOnce implements RunOnceParts {

    private final ProducerTemplate producer;
    private volatile GpsPollReport report;

    GpsRunOnce(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of(800, GpsPoll.FLOW, once -> report = producer.requestBody(GpsPollRoute.POLL, null, GpsPollReport.class)));
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
