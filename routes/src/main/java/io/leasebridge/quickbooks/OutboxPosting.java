package io.leasebridge.quickbooks;

import io.leasebridge.mapping.quickbooks.PostingType;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of the QuickBooks outbox. */
record OutboxPosting(String requestId, PostingType type, String entity, String sourceKey, String docNumber, LocalDate txnDate,
                     BigDecimal amount, String vendorName, String payload, String payloadHash, String status, int attempts,
                     String qbId, String syncToken, BigDecimal qbAmount, String error, int reposts) {

    /** A confirmed posting whose source changed since: QuickBooks gets a sparse update instead of a second document. */
    boolean isUpdate() {
        return qbId != null;
    }

    /** The requestid of its create call: a document posted again gets one of its own. */
    String createRequestId() {
        return reposts == 0 ? requestId : QuickBooksRequestIds.repost(requestId, reposts);
    }
}
