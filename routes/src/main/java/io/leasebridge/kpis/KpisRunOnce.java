package io.leasebridge.kpis;

import io.leasebridge.flow.RunOnceParts;
import org.springframework.stereotype.Component;

import java.util.List;

/** The collections KPIs of the day run-once judges as of, written after the promises and the call activity. */
@Component
class KpisRunOnce implements RunOnceParts {

    private final CollectionsKpis kpis;
    private final KpiFiles files;
    private final KpiProperties properties;

    KpisRunOnce(CollectionsKpis kpis, KpiFiles files, KpiProperties properties) {
        this.kpis = kpis;
        this.files = files;
        this.properties = properties;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of(600, "collections-kpis", once -> files.write(kpis.compute(once.asOf()), properties.reportDir())));
    }
}
