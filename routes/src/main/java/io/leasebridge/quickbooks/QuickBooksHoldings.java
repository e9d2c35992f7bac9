package io.leasebridge.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.leasebridge.connectors.quickbooks.QuickBooksApi;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What LeaseBridge posted to QuickBooks since a day (its outbox), and what QuickBooks holds of those entities now:
 * one query per entity and page of {@value #PAGE} documents ({@code select * from Bill where TxnDate >= '...'}),
 * not one per document.
 */
@Repository
@Conditional(QuickBooksConfigured.class)
public class QuickBooksHoldings {

    static final int PAGE = 1000;

    private final QuickBooksApi api;
    private final JdbcTemplate jdbc;

    QuickBooksHoldings(QuickBooksApi api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A document LeaseBridge queued: its entity, document number, day, amount, outbox status and QuickBooks' answer. */
    public record Posted(String entity, String docNumber, String qbId, LocalDate txnDate, BigDecimal amount, BigDecimal qbAmount,
                         String status, String error) {

        public boolean confirmed() {
            return QuickBooksOutbox.CONFIRMED.equals(status);
        }

        public boolean refused() {
            return QuickBooksOutbox.FAILED.equals(status);
        }

        /** The amount QuickBooks confirmed, else the amount queued. */
        public BigDecimal expected() {
            return qbAmount != null ? qbAmount : amount;
        }
    }

    /** A document as QuickBooks holds it now. */
    public record Held(String id, String docNumber, LocalDate txnDate, BigDecimal totalAmt, String privateNote) {

        /** QuickBooks keeps a voided transaction with its amounts zeroed and "Voided" in its private note. */
        public boolean voided() {
            return privateNote != null && privateNote.startsWith("Voided");
        }
    }

    public List<Posted> posted(LocalDate since) {
        return jdbc.query("""
                select entity, doc_number, qb_id, txn_date, amount, qb_amount, status, error from qb_outbox where txn_date >= ?
                order by entity, txn_date, doc_number""",
                (rs, n) -> new Posted(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8)), Date.valueOf(since));
    }

    /** The entity's documents dated on or after the day, page by page. */
    public List<Held> held(String entity, LocalDate since) {
        List<Held> held = new ArrayList<>();
        for (int start = 1; ; start += PAGE) {
            List<JsonNode> page = api.query(entity, "TxnDate >= '" + since + "'", start, PAGE);
            page.forEach(doc -> held.add(new Held(doc.path("Id").asText(null), doc.path("DocNumber").asText(null),
                    doc.hasNonNull("TxnDate") ? LocalDate.parse(doc.get("TxnDate").asText()) : null,
                    doc.hasNonNull("TotalAmt") ? doc.get("TotalAmt").decimalValue() : BigDecimal.ZERO,
                    doc.path("PrivateNote").asText(null))));
            if (page.size() < PAGE) {
                return held;
            }
        }
    }

    /** Calls made to QuickBooks' accounting API so far, by anyone. */
    public long calls() {
        return api.calls();
    }
}
