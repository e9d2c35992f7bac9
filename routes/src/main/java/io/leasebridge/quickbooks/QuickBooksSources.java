package io.leasebridge.quickbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.connectors.quickbooks.QuickBooksProperties;
import io.leasebridge.mapping.quickbooks.PostingRefusedException;
import io.leasebridge.mapping.quickbooks.PostingType;
import io.leasebridge.mapping.quickbooks.QuickBooksDocuments.ApprovedWorkOrder;
import io.leasebridge.mapping.quickbooks.QuickBooksDocuments.WorkOrderLine;
import io.leasebridge.mapping.quickbooks.QuickBooksDocuments;
import io.leasebridge.mapping.quickbooks.QuickBooksPosting;
import io.leasebridge.model.GlSummaryLine;
import io.leasebridge.promises.LedgerProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the hub says QuickBooks should have: approved work orders (Bill to the repair vendor), repo agent
 * fees on cases (Bill to the agent), sold vehicles (a JournalEntry settling the lease) and LeaseWorks GL days (JournalEntry).
 * Every document is dated by the calendar of the clock's zone (the lessor's), never by the UTC day.
 */
@Repository
@Conditional(QuickBooksConfigured.class)
class QuickBooksSources {

    private final JdbcTemplate jdbc;
    private final QuickBooksDocuments documents;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    /** Dated in {@code leasebridge.quickbooks.zone}, or the lessor's zone when that is unset. */
    QuickBooksSources(JdbcTemplate jdbc, QuickBooksDocuments documents, Clock clock, QuickBooksProperties properties,
                      LedgerProperties ledger) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.clock = clock.withZone(properties.zone() != null ? properties.zone() : ledger.zone());
    }

    List<SourceRecord> all() {
        List<SourceRecord> records = new ArrayList<>();
        records.addAll(workOrders());
        records.addAll(agentFees());
        records.addAll(sales());
        records.addAll(glDays());
        records.addAll(recoveryCosts());
        return records;
    }

    List<SourceRecord> workOrders() {
        Map<String, List<WorkOrderLine>> lines = new HashMap<>();
        jdbc.query("""
                select l.ro_id, l.line_no, l.kind, l.description, l.amount from work_order_line l
                join work_order w on w.ro_id = l.ro_id where w.approval_status = 'Approved' order by l.ro_id, l.line_no""",
                rs -> {
                    lines.computeIfAbsent(rs.getString("ro_id"), k -> new ArrayList<>()).add(new WorkOrderLine(rs.getInt("line_no"),
                            rs.getString("kind"), rs.getString("description"), rs.getBigDecimal("amount")));
                });
        return jdbc.query("select * from work_order where approval_status = 'Approved' order by ro_id", (rs, i) -> {
            LocalDate approvedOn = day(clock.getZone(), rs.getTimestamp("approved_at"), rs.getTimestamp("date_invoiced"), rs.getTimestamp("date_finished"),
                    rs.getTimestamp("updated_at"));
            ApprovedWorkOrder wo = new ApprovedWorkOrder(rs.getString("ro_id"), rs.getString("ro_number"), rs.getString("vin"),
                    rs.getString("vendor_name"), rs.getBigDecimal("labor_total"), rs.getBigDecimal("part_total"), rs.getBigDecimal("tax_total"),
                    rs.getBigDecimal("grand_total"), rs.getString("salesforce_id"), approvedOn,
                    lines.getOrDefault(rs.getString("ro_id"), List.of()));
            return build(PostingType.WORK_ORDER_BILL, wo.roId(), approvedOn, wo.grandTotal(), wo, () -> documents.workOrderBill(wo));
        });
    }

    List<SourceRecord> agentFees() {
        Map<String, LocalDate> firstSeen = new HashMap<>();
        jdbc.query("select source_key, txn_date from qb_outbox where posting_type = ?",
                rs -> {
                    firstSeen.put(rs.getString(1), rs.getDate(2).toLocalDate());
                }, PostingType.AGENT_FEE_BILL.name());
        LocalDate today = LocalDate.now(clock);
        return jdbc.query("select case_id, case_number, agent_name, agent_fee from repo_case where agent_fee is not null and agent_fee > 0 order by case_id",
                (rs, i) -> {
                    String caseId = rs.getString("case_id");
                    // a case has no fee date: the Bill is dated the day LeaseBridge first saw the fee
                    LocalDate day = firstSeen.getOrDefault(caseId, today);
                    Map<String, Object> source = new LinkedHashMap<>();
                    source.put("case_id", caseId);
                    source.put("case_number", rs.getString("case_number"));
                    source.put("agent_name", rs.getString("agent_name"));
                    source.put("agent_fee", rs.getBigDecimal("agent_fee"));
                    return build(PostingType.AGENT_FEE_BILL, caseId, day, rs.getBigDecimal("agent_fee"), source,
                            () -> documents.agentFeeBill(caseId, (String) source.get("case_number"), (String) source.get("agent_name"),
                                    (BigDecimal) source.get("agent_fee"), day));
                });
    }

    /**
     * Sold vehicles, each settling its lease with the amounts of its case's final account review. A sale posted as a
     * SalesReceipt before resales settled the lease is not posted again.
     */
    List<SourceRecord> sales() {
        return jdbc.query("""
                select s.case_id, s.case_number, coalesce(r.lease_id, s.lease_id) as lease_id, s.vin, s.sale_date, s.buyer,
                       s.carrying_value, r.payoff_at_recovery, r.total_costs, r.net_proceeds, r.deficiency, r.surplus
                from repo_sale s left join repo_review r on r.case_id = s.case_id
                where not exists (select 1 from qb_outbox o where o.posting_type = 'SALES_RECEIPT' and o.source_key = s.case_id)
                order by s.case_id""", (rs, i) -> {
            LocalDate saleDate = rs.getDate("sale_date") == null ? null : rs.getDate("sale_date").toLocalDate();
            QuickBooksDocuments.Resale sale = new QuickBooksDocuments.Resale(rs.getString("case_id"), rs.getString("case_number"),
                    rs.getString("lease_id"), rs.getString("vin"), saleDate, rs.getString("buyer"), rs.getBigDecimal("payoff_at_recovery"),
                    rs.getBigDecimal("total_costs"), rs.getBigDecimal("net_proceeds"), rs.getBigDecimal("deficiency"),
                    rs.getBigDecimal("surplus"), rs.getBigDecimal("carrying_value"));
            // a JournalEntry's total is its debits: the proceeds, the deficiency and the carrying value
            BigDecimal debits = Stream.of(sale.netProceeds(), sale.deficiency(), sale.carryingValue()).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return build(PostingType.RESALE_JOURNAL_ENTRY, sale.caseId(), saleDate, debits, sale,
                    () -> documents.resaleJournalEntry(sale));
        });
    }

    /** The recovery costs reps entered on cases (derived repairs and agent fees are billed as work orders and fees). */
    List<SourceRecord> recoveryCosts() {
        return jdbc.query("""
                select c.cost_key, c.case_id, r.case_number, c.cost_type, c.vendor, c.amount, c.cost_date, c.invoice
                from recovery_cost c left join repo_case r on r.case_id = c.case_id where c.source = 'SALESFORCE' order by c.cost_key""",
                (rs, i) -> {
                    String key = rs.getString("cost_key");
                    LocalDate day = rs.getDate("cost_date") == null ? null : rs.getDate("cost_date").toLocalDate();
                    Map<String, Object> source = new LinkedHashMap<>();
                    source.put("recovery_cost_id", key);
                    source.put("case_id", rs.getString("case_id"));
                    source.put("case_number", rs.getString("case_number"));
                    source.put("type", rs.getString("cost_type"));
                    source.put("vendor", rs.getString("vendor"));
                    source.put("amount", rs.getBigDecimal("amount"));
                    source.put("cost_date", String.valueOf(day));
                    source.put("invoice", rs.getString("invoice"));
                    return build(PostingType.RECOVERY_COST_BILL, key, day, rs.getBigDecimal("amount"), source,
                            () -> documents.recoveryCostBill(key, (String) source.get("case_id"), (String) source.get("case_number"),
                                    (String) source.get("type"), (String) source.get("vendor"), (BigDecimal) source.get("amount"), day,
                                    (String) source.get("invoice")));
                });
    }

    List<SourceRecord> glDays() {
        Map<LocalDate, List<GlSummaryLine>> byDay = new LinkedHashMap<>();
        jdbc.query("select gl_date, gl_account, debit, credit, memo from gl_summary_line order by gl_date, gl_account, memo", rs -> {
            LocalDate day = rs.getDate("gl_date").toLocalDate();
            String memo = rs.getString("memo");
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(new GlSummaryLine(day, rs.getString("gl_account"),
                    rs.getBigDecimal("debit"), rs.getBigDecimal("credit"), memo == null || memo.isEmpty() ? null : memo));
        });
        List<SourceRecord> days = new ArrayList<>();
        byDay.forEach((day, lines) -> {
            BigDecimal debits = lines.stream().map(GlSummaryLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
            days.add(build(PostingType.JOURNAL_ENTRY, "gl-" + day, day, debits, lines, () -> documents.journalEntry(day, lines)));
        });
        return days;
    }

    private SourceRecord build(PostingType type, String key, LocalDate day, BigDecimal amount, Object source,
                               Supplier<QuickBooksPosting> posting) {
        String payload = payload(source);
        try {
            return new SourceRecord(type, key, day, amount, posting.get(), null, payload);
        } catch (PostingRefusedException refused) {
            return new SourceRecord(type, key, day, amount, null, refused, payload);
        }
    }

    private String payload(Object source) {
        try {
            return json.writeValueAsString(source);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static LocalDate day(ZoneId zone, Timestamp... candidates) {
        for (Timestamp t : candidates) {
            if (t != null) {
                return t.toInstant().atZone(zone).toLocalDate();
            }
        }
        return null;
    }
}
