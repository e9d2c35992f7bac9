package io.leasebridge.quickbooks;

import java.io.PrintStream;

/** What run-once does for QuickBooks: post, then print the reconciliation. Absent when QuickBooks is not configured. */
public class QuickBooksRunOnceStep {

    private final QuickBooksPostingRun postings;
    private final QuickBooksReconciliation reconciliation;

    QuickBooksRunOnceStep(QuickBooksPostingRun postings, QuickBooksReconciliation reconciliation) {
        this.postings = postings;
        this.reconciliation = reconciliation;
    }

    public QuickBooksRunReport post() {
        return postings.run();
    }

    public Reconciliation printReconciliation(PrintStream out) {
        Reconciliation result = reconciliation.reconcile();
        result.print(out);
        return result;
    }
}
