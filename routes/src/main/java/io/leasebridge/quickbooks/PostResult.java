package io.leasebridge.quickbooks;

import io.leasebridge.connectors.quickbooks.QuickBooksFault;

/** What became of one posting in one run. */
record PostResult(OutboxPosting posting, Outcome outcome, String detail, QuickBooksFault fault) {

    enum Outcome {
        /** QuickBooks has it (created now, found by DocNumber, or updated). */
        CONFIRMED,
        /** QuickBooks refused it: dead letter with code, element and message. */
        FAILED,
        /** QuickBooks could not be reached or kept failing: left for the next run. */
        PENDING
    }
}
