package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of LeaseWorks' daily GL summary export: what a GL account was debited and credited on a day. */
public record GlSummaryLine(
        LocalDate glDate,
        String glAccount,
        BigDecimal debit,
        BigDecimal credit,
        String memo) {
}
