package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of LeaseWorks' daily GL summary export: what a GL account was debited and credited on a day. */
public record GlSummaryLine(
        LocalDate glDate,
        @MaxLength(20) String glAccount,
        @Numeric(precision = 14, scale = 2) BigDecimal debit,
        @Numeric(precision = 14, scale = 2) BigDecimal credit,
        @MaxLength(255) String memo) {
}
