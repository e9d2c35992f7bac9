package io.leasebridge.quickbooks;

import io.leasebridge.hub.RunCounts;

/** One run of the postings flow: counts, postings left for later, and the error that stopped it, if any. */
public record QuickBooksRunReport(RunCounts counts, long confirmed, long failed, long refused, long stillPending, String error) {
}
