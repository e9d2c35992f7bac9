package io.leasebridge.reconcile;

import io.leasebridge.connectors.salesforce.QueryPage;
import io.leasebridge.connectors.salesforce.SalesforceGateway;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce's holdings through SOQL: {@code COUNT(Id)} and {@code SUM(amount)} over an external-id range (an
 * aggregate result's unnamed fields come back as {@code expr0}, {@code expr1}), the same grouped by day, and the
 * records of a small range, page by page.
 */
@Component
class SoqlSalesforceHoldings implements SalesforceHoldings {

    private final SalesforceGateway queries;
    private final AtomicLong calls = new AtomicLong();

    SoqlSalesforceHoldings(SalesforceGateway queries) {
        this.queries = queries;
    }

    @Override
    public Tally tally(ReconciledObject object, KeyRange range) {
        String select = "SELECT COUNT(Id)" + object.amountField().map(f -> ", SUM(" + f + ")").orElse("");
        List<Map<String, Object>> rows = query(select + " FROM " + object.apiName() + " WHERE " + within(object, range)).records();
        return rows.isEmpty() ? Tally.NONE : new Tally(number(rows.get(0).get("expr0")).longValue(), number(rows.get(0).get("expr1")));
    }

    @Override
    public SortedMap<LocalDate, Tally> byDay(ReconciledObject object, LocalDate since) {
        String day = object.dayField().orElseThrow();
        String select = "SELECT " + day + ", COUNT(Id)" + object.amountField().map(f -> ", SUM(" + f + ")").orElse("");
        SortedMap<LocalDate, Tally> days = new TreeMap<>();
        query(select + " FROM " + object.apiName() + " WHERE " + within(object, KeyRange.ALL) + " AND " + day + " >= " + since
                + " GROUP BY " + day).records().forEach(row -> {
            if (row.get(day) != null) {
                days.put(LocalDate.parse(row.get(day).toString()),
                        new Tally(number(row.get("expr0")).longValue(), number(row.get("expr1"))));
            }
        });
        return days;
    }

    @Override
    public Map<String, BigDecimal> records(ReconciledObject object, KeyRange range) {
        String select = "SELECT " + object.externalIdField() + object.amountField().map(f -> ", " + f).orElse("");
        Map<String, BigDecimal> records = new LinkedHashMap<>();
        QueryPage page = query(select + " FROM " + object.apiName() + " WHERE " + within(object, range));
        while (true) {
            for (Map<String, Object> row : page.records()) {
                if (row.get(object.externalIdField()) == null) {
                    continue;
                }
                Object amount = object.amountField().map(row::get).orElse(null);
                records.put(row.get(object.externalIdField()).toString(), object.amountField().isPresent() ? number(amount) : null);
            }
            if (!page.hasMore()) {
                return records;
            }
            calls.incrementAndGet();
            page = queries.next(page.nextRecordsUrl());
        }
    }

    @Override
    public long calls() {
        return calls.get();
    }

    private QueryPage query(String soql) {
        calls.incrementAndGet();
        return queries.query(soql);
    }

    private static String within(ReconciledObject object, KeyRange range) {
        String field = object.externalIdField();
        List<String> conditions = new ArrayList<>(List.of(field + " != null"));
        if (range.from() != null) {
            conditions.add(field + " >= " + literal(range.from()));
        }
        if (range.to() != null) {
            conditions.add(field + " < " + literal(range.to()));
        }
        return String.join(" AND ", conditions);
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** An aggregate's number; Salesforce answers a SUM over no records with null. */
    private static BigDecimal number(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
