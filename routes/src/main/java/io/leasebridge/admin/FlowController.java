package io.leasebridge.admin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The flows: {@code GET /api/flows}; {@code POST /api/flows/{flow}/trigger} (202: the run goes on in the background),
 * {@code /pause} and {@code /resume}.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class FlowController {

    private final Flows flows;

    FlowController(Flows flows) {
        this.flows = flows;
    }

    @GetMapping("/api/flows")
    List<FlowView> flows() {
        return flows.all();
    }

    @PostMapping("/api/flows/{flow}/trigger")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TriggerReceipt trigger(@PathVariable String flow) {
        return flows.trigger(flow);
    }

    @PostMapping("/api/flows/{flow}/pause")
    FlowView pause(@PathVariable String flow) {
        return flows.pause(flow);
    }

    @PostMapping("/api/flows/{flow}/resume")
    FlowView resume(@PathVariable String flow) {
        return flows.resume(flow);
    }
}
