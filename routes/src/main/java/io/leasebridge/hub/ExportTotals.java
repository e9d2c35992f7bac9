package io.leasebridge.hub;

import io.leasebridge.mapping.FileTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The control totals of each export file as it was read (rows, the configured sums, per day), kept with the
 * file's run: what LeaseWorks sent, to be set against what the hub and the targets hold.
 */
@Repository
public class ExportTotals {

    private static final Logger log = LoggerFactory.getLogger(ExportTotals.class);

    private final JdbcTemplate jdbc;

    public ExportTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Call inside the transaction of the file's last batch; a file read again replaces its totals. A sum too large to
     * be kept is kept without its amount, and logged.
     */
    public void record(String fileKey, String export, long runId, FileTotals totals) {
        jdbc.update("delete from export_file_total where file_key = ?", fileKey);
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{fileKey, export, runId, null, null, totals.rows(), null});
        totals.sums().forEach((measure, amount) ->
                rows.add(new Object[]{fileKey, export, runId, null, measure, totals.rows(), kept(export, measure, null, amount)}));
        totals.byDay().forEach((day, dayTotals) -> {
            rows.add(new Object[]{fileKey, export, runId, Date.valueOf(day), null, dayTotals.rows(), null});
            dayTotals.sums().forEach((measure, amount) -> rows.add(new Object[]{fileKey, export, runId, Date.valueOf(day), measure,
                    dayTotals.rows(), kept(export, measure, day, amount)}));
        });
        jdbc.batchUpdate("""
                insert into export_file_total (file_key, export, run_id, total_day, measure, row_count, amount)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private static BigDecimal kept(String export, String measure, LocalDate day, BigDecimal sum) {
        if (FileTotals.canBeKept(sum)) {
            return sum;
        }
        log.warn("{}: the {} sum{} is {}, more than a control total can keep; it is kept as unknown", export, measure,
                day == null ? "" : " of " + day, sum.toPlainString());
        return null;
    }

    /** The totals of one run's file, whole-file rows first, then by day. */
    public List<Total> ofRun(long runId) {
        return jdbc.query("""
                select export, total_day, measure, row_count, amount from export_file_total where run_id = ?
                order by total_day nulls first, measure nulls first""",
                (rs, n) -> new Total(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4),
                        rs.getBigDecimal(5)), runId);
    }

    /**
     * One total: the row count when {@code measure} is null, else the sum of that measure (null when it was beyond
     * {@link FileTotals#LARGEST_KEPT}); for the whole file when {@code day} is null.
     */
    public record Total(String export, LocalDate day, String measure, long rows, BigDecimal amount) {
    }
}
