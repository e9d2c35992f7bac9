package io.leasebridge.admin;

import io.leasebridge.hub.FlowRun;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/runs?flow=&status=&page=0&size=50}: the run history, newest first. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RunController {

    private final RunSearch runs;

    RunController(RunSearch runs) {
        this.runs = runs;
    }

    @GetMapping("/api/runs")
    Paged<FlowRun> runs(@RequestParam(required = false) String flow, @RequestParam(required = false) String status,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return runs.find(flow, status, Paging.of(page, size));
    }
}
