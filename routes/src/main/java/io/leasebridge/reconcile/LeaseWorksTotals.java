package io.leasebridge.reconcile;

import io.leasebridge.reconcile.ReconciliationProperties.SalesforceObject;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * LeaseWorks' side of the reconciliation: the control totals the export files carried (kept as each was read) and
 * the rows of an export that are quarantined. A day counted by several files takes the latest file's figures, as
 * a later export that covers a day again is the fuller one.
 */
@Repository
class LeaseWorksTotals {

    private final JdbcTemplate jdbc;

    LeaseWorksTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty figures where no export is named for the object. */
    LeaseWorksFigures of(SalesforceObject object, LocalDate since) {
        if (object.export() == null || object.export().isBlank()) {
            return new LeaseWorksFigures(null, Map.of(), 0);
        }
        long quarantined = quarantined(object.export());
        String measure = object.exportTotal();
        if (measure == null || measure.isBlank()) {
            return new LeaseWorksFigures(null, Map.of(), quarantined);
        }
        if (object.dayField() != null && !object.dayField().isBlank()) {
            Map<LocalDate, Tally> byDay = new TreeMap<>();
            jdbc.query("""
                    select total_day, row_count, amount from export_file_total
                    where export = ? and measure = ? and total_day >= ? order by total_day, run_id""",
                    rs -> {
                        byDay.put(rs.getObject(1, LocalDate.class), new Tally(rs.getLong(2), money(rs.getBigDecimal(3))));
                    }, object.export(), measure, since);
            return new LeaseWorksFigures(null, byDay, quarantined);
        }
        List<Tally> latest = jdbc.query("""
                select row_count, amount from export_file_total where export = ? and measure = ? and total_day is null
                order by run_id desc fetch first 1 rows only""",
                (rs, n) -> new Tally(rs.getLong(1), money(rs.getBigDecimal(2))), object.export(), measure);
        return new LeaseWorksFigures(latest.isEmpty() ? null : latest.get(0), Map.of(), quarantined);
    }

    private long quarantined(String export) {
        Long open = jdbc.queryForObject("select count(*) from dead_letter where flow = ? and record_type = ? and status = 'OPEN'",
                Long.class, LeaseWorksExportIngest.flowName(export), export + " row");
        return open == null ? 0 : open;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount;
    }
}
