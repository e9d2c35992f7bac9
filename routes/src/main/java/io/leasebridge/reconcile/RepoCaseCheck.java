package io.leasebridge.reconcile;

import java.math.BigDecimal;
import java.util.List;

/**
 * One repossession case's money as the hub sent it on: its recovery costs and the state of their Bills in QuickBooks,
 * and, once the case is sold, its final account review with the resale JournalEntry and the lease adjustment for
 * LeaseWorks. Whatever is not delivered yet is a difference with its reason.
 *
 * @param costs              the case's recovery costs, counted and summed
 * @param deficiency         what the customer still owes after the sale; null until the review is recorded
 * @param surplus            what the customer is owed after the sale; null until the review is recorded
 * @param resaleJournalEntry the JournalEntry settling the lease in QuickBooks; null until the review is recorded
 * @param adjustment         the lease adjustment row of a LeaseWorks import file; null until the review is recorded
 */
public record RepoCaseCheck(String caseId, String caseNumber, Tally costs, long billsPosted, long billsPending, long billsRefused,
                            BigDecimal deficiency, BigDecimal surplus, Delivery resaleJournalEntry, Delivery adjustment,
                            List<Difference> differences) {

    /** Where a document stands on its way to its target. */
    public enum Delivery { DELIVERED, PENDING, REFUSED }

    /** The case number where the case is known, else its Salesforce id. */
    public String name() {
        return caseNumber != null ? caseNumber : caseId;
    }

    public boolean reviewed() {
        return adjustment != null;
    }

    public boolean delivered() {
        return differences.isEmpty();
    }
}
