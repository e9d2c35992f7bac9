package io.leasebridge.salesforce;

import io.leasebridge.connectors.salesforce.QueryPage;
import io.leasebridge.connectors.salesforce.SalesforceGateway;
import io.leasebridge.hub.Watermarks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Reads the records of one object changed in Salesforce since its watermark (less an overlap), page by
 * page through {@code nextRecordsUrl}. Each page is handed over and the watermark moved in one
 * transaction, so a crash re-reads at most the page it was on; the overlap makes records seen twice,
 * which the handler recognises (content hashes, history ids).
 */
@Service
public class SalesforceChangeReader {

    /** Takes one page of changed records inside the page's transaction; returns how many it changed. */
    @FunctionalInterface
    public interface PageHandler {
        long apply(List<Map<String, Object>> records);
    }

    /** What one read did. */
    public record ReadReport(long read, long changed, int pages) {
    }

    private static final DateTimeFormatter SOQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter SALESFORCE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX");

    private final SalesforceGateway salesforce;
    private final Watermarks watermarks;
    private final TransactionTemplate transaction;
    private final SalesforceReadProperties properties;

    public SalesforceChangeReader(SalesforceGateway salesforce, Watermarks watermarks, TransactionTemplate transaction,
                                  SalesforceReadProperties properties) {
        this.salesforce = salesforce;
        this.watermarks = watermarks;
        this.transaction = transaction;
        this.properties = properties;
    }

    public ReadReport read(ChangeQuery query, PageHandler handler) {
        Instant since = watermarks.get(query.reader()).map(w -> w.minus(properties.overlap())).orElse(properties.firstRead());
        QueryPage page = salesforce.query(query.soql(SOQL_DATETIME.format(since.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))));
        long read = 0;
        long changed = 0;
        int pages = 0;
        while (true) {
            List<Map<String, Object>> records = page.records();
            pages++;
            read += records.size();
            Long pageChanged = transaction.execute(status -> {
                long n = handler.apply(records);
                latestModstamp(records).ifPresent(latest -> watermarks.advance(query.reader(), latest));
                return n;
            });
            changed += pageChanged == null ? 0 : pageChanged;
            if (!page.hasMore()) {
                return new ReadReport(read, changed, pages);
            }
            page = salesforce.next(page.nextRecordsUrl());
        }
    }

    private static java.util.Optional<Instant> latestModstamp(List<Map<String, Object>> records) {
        return records.stream().map(r -> r.get("SystemModstamp")).filter(java.util.Objects::nonNull)
                .map(v -> instant(v.toString())).max(Instant::compareTo);
    }

    /** A dateTime as Salesforce writes it: {@code 2026-11-27T16:58:01.000+0000}. */
    public static Instant instant(String value) {
        if (value.endsWith("Z")) {
            return Instant.parse(value);
        }
        return OffsetDateTime.parse(value, SALESFORCE_DATETIME).toInstant();
    }
}
