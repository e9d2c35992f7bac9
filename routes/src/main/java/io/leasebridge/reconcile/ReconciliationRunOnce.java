package io.leasebridge.reconcile;

import io.leasebridge.flow.RunOnceParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/** What Salesforce holds now against what the hub delivered; a reconciliation that cannot ask says why and fails nothing. */
@Component
class ReconciliationRunOnce implements RunOnceParts {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRunOnce.class);

    private final SystemsReconciliation reconciliation;

    ReconciliationRunOnce(SystemsReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(1700, (out, once) -> print(out)));
    }

    private void print(PrintStream out) {
        try {
            reconciliation.reconcile().print(out);
        } catch (RuntimeException e) {
            log.warn("reconciliation: Salesforce could not be asked: {}", e.getMessage());
            out.println("Salesforce reconciliation: not done (" + e.getMessage() + ")");
            out.println();
        }
    }
}
