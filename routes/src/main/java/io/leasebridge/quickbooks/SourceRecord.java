package io.leasebridge.quickbooks;

import io.leasebridge.mapping.quickbooks.PostingRefusedException;
import io.leasebridge.mapping.quickbooks.PostingType;
import io.leasebridge.mapping.quickbooks.QuickBooksPosting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A source record that should be in QuickBooks (an approved work order, a case fee, a sale, a GL day), with
 * its day and amount as the source says, and either its posting or why it cannot be posted.
 */
record SourceRecord(PostingType type, String sourceKey, LocalDate day, BigDecimal amount, QuickBooksPosting posting,
                    PostingRefusedException refusal, String payload) {
}
