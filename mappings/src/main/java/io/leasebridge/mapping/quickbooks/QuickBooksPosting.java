package io.leasebridge.mapping.quickbooks;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One document for QuickBooks, derived from one source record.
 *
 * @param requestId  QuickBooks {@code requestid}: deterministic, at most 50 characters, from the source record
 * @param sourceKey  the source record (work order, case, GL day)
 * @param docNumber  {@code DocNumber}: how the posting is found again in QuickBooks
 * @param vendorName the vendor a Bill is payable to (its {@code VendorRef} is resolved when posting), else null
 * @param body       the entity's JSON, without {@code VendorRef}
 */
public record QuickBooksPosting(
        PostingType type,
        String requestId,
        String sourceKey,
        String docNumber,
        LocalDate txnDate,
        BigDecimal amount,
        String vendorName,
        ObjectNode body) {

    public static final int MAX_REQUEST_ID = 50;

    public QuickBooksPosting {
        if (requestId.length() > MAX_REQUEST_ID) {
            throw new IllegalArgumentException("requestid longer than " + MAX_REQUEST_ID + ": " + requestId);
        }
    }
}
