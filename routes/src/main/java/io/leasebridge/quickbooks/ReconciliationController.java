package io.leasebridge.quickbooks;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reconciliation}: the QuickBooks reconciliation, for anyone who may read the admin API. */
@RestController
@Conditional(QuickBooksConfigured.class)
class ReconciliationController {

    private final QuickBooksReconciliation reconciliation;

    ReconciliationController(QuickBooksReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/api/reconciliation")
    Reconciliation reconciliation() {
        return reconciliation.reconcile();
    }
}
