package io.leasebridge.reconcile;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;

/**
 * {@code GET /api/reconciliation/systems} (the last report), {@code POST /api/reconciliation/systems/run} (reconcile
 * now) and {@code POST /api/reconciliation/systems/resend?object=&key=} (send a record Salesforce lost or changed again).
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SystemsReconciliationController {

    private final SystemsReconciliation reconciliation;

    SystemsReconciliationController(SystemsReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/api/reconciliation/systems")
    SystemsReport last() {
        return reconciliation.last().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no reconciliation has run yet"));
    }

    @PostMapping("/api/reconciliation/systems/run")
    SystemsReport run() {
        return reconciliation.reconcile();
    }

    @PostMapping("/api/reconciliation/systems/resend")
    Map<String, Object> resend(@RequestParam String object, @RequestParam String key,
                               @RequestParam(defaultValue = "Salesforce") String system) {
        if (!reconciliation.resend(system, object, key)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, object + " " + key + " is not a delivered record: it is on its way, or refused");
        }
        return Map.of("object", object, "key", key, "status", "PENDING");
    }
}
