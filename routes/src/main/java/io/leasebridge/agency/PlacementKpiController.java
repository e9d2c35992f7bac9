package io.leasebridge.agency;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/kpis/agencies}: placed balance, collected and recovery rate by agency and by placement month. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PlacementKpiController {

    private final PlacementKpis kpis;

    PlacementKpiController(PlacementKpis kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/api/kpis/agencies")
    PlacementKpis.Report agencies() {
        return kpis.compute();
    }
}
