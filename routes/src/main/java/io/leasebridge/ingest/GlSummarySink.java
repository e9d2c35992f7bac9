package io.leasebridge.ingest;

import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.model.GlSummaryLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * LeaseWorks' daily GL summary into {@code gl_summary_line} (one row per day, GL account and memo; a line
 * read again replaces the one before). The QuickBooks postings flow turns each day into a JournalEntry.
 */
@Repository
class GlSummarySink implements RecordSink<GlSummaryLine> {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    GlSummarySink(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String recordName() {
        return "glLine";
    }

    @Override
    public Class<GlSummaryLine> type() {
        return GlSummaryLine.class;
    }

    @Override
    public long write(List<GlSummaryLine> lines, Map<Record, String> contentHashes, ExportFile file,
                      List<SObjectRecord> toSalesforce) {
        long changed = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (GlSummaryLine line : lines) {
            String memo = line.memo() == null ? "" : line.memo();
            BigDecimal debit = Objects.requireNonNullElse(line.debit(), BigDecimal.ZERO);
            BigDecimal credit = Objects.requireNonNullElse(line.credit(), BigDecimal.ZERO);
            int updated = jdbc.update("""
                    update gl_summary_line set debit = ?, credit = ?, source_file = ?, updated_at = ?
                    where gl_date = ? and gl_account = ? and memo = ? and (debit <> ? or credit <> ?)""",
                    debit, credit, file.name(), now, Date.valueOf(line.glDate()), line.glAccount(), memo, debit, credit);
            if (updated == 0 && jdbc.queryForObject("select count(*) from gl_summary_line where gl_date = ? and gl_account = ? and memo = ?",
                    Long.class, Date.valueOf(line.glDate()), line.glAccount(), memo) == 0) {
                jdbc.update("insert into gl_summary_line (gl_date, gl_account, memo, debit, credit, source_file, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
                        Date.valueOf(line.glDate()), line.glAccount(), memo, debit, credit, file.name(), now);
                updated = 1;
            }
            changed += updated;
        }
        return changed;
    }
}
