package io.leasebridge.workorders;

import io.leasebridge.hub.Hashes;
import io.leasebridge.hub.InLists;
import io.leasebridge.model.WorkOrder;
import io.leasebridge.model.WorkOrderLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's work orders ({@code work_order}, {@code work_order_line}). A repair order read again unchanged (same
 * content hash, lines included) writes nothing; a changed one replaces its lines. FleetRock never touches the
 * approval columns, which only Salesforce's approval sets. Callers run it inside the batch's transaction.
 */
@Repository
public class WorkOrderStore {

    public static final String APPROVED = "Approved";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public WorkOrderStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts new work orders, updates changed ones, skips unchanged ones; returns the new and changed. */
    public List<WorkOrder> upsert(List<WorkOrder> workOrders) {
        Map<String, WorkOrder> latest = new LinkedHashMap<>();
        workOrders.forEach(w -> latest.put(w.roId(), w));
        Map<String, String> stored = storedHashes(new ArrayList<>(latest.keySet()));
        Timestamp now = Timestamp.from(clock.instant());
        List<WorkOrder> changed = new ArrayList<>();
        for (WorkOrder w : latest.values()) {
            String hash = Hashes.sha256(w.toString());
            String before = stored.get(w.roId());
            if (before == null) {
                jdbc.update("""
                        insert into work_order (ro_id, ro_number, vin, unit_number, vendor_name, status, date_created,
                            date_finished, date_invoiced, labor_total, part_total, tax_total, grand_total, content_hash, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        w.roId(), w.roNumber(), w.vin(), w.unitNumber(), w.vendorName(), w.status(), ts(w.dateCreated()),
                        ts(w.dateFinished()), ts(w.dateInvoiced()), w.laborTotal(), w.partTotal(), w.taxTotal(), w.grandTotal(),
                        hash, now);
            } else if (!before.equals(hash)) {
                jdbc.update("""
                        update work_order set ro_number = ?, vin = ?, unit_number = ?, vendor_name = ?, status = ?, date_created = ?,
                            date_finished = ?, date_invoiced = ?, labor_total = ?, part_total = ?, tax_total = ?, grand_total = ?,
                            content_hash = ?, updated_at = ? where ro_id = ?""",
                        w.roNumber(), w.vin(), w.unitNumber(), w.vendorName(), w.status(), ts(w.dateCreated()),
                        ts(w.dateFinished()), ts(w.dateInvoiced()), w.laborTotal(), w.partTotal(), w.taxTotal(), w.grandTotal(),
                        hash, now, w.roId());
                jdbc.update("delete from work_order_line where ro_id = ?", w.roId());
            } else {
                continue;
            }
            List<Object[]> lines = new ArrayList<>();
            for (WorkOrderLine line : w.lines()) {
                lines.add(new Object[]{w.roId(), line.lineNo(), line.kind(), line.description(), line.quantity(), line.amount()});
            }
            if (!lines.isEmpty()) {
                jdbc.batchUpdate("insert into work_order_line (ro_id, line_no, kind, description, quantity, amount) values (?, ?, ?, ?, ?, ?)",
                        lines);
            }
            changed.add(w);
        }
        return changed;
    }

    /**
     * Marks a work order approved as Salesforce says, once: an approval read again (the overlap of the next read)
     * changes nothing, and {@code approved_at} keeps the first sighting. Returns whether it was newly approved.
     */
    public boolean approve(String roId, String salesforceId, Instant modstamp) {
        return jdbc.update("""
                update work_order set approval_status = ?, approved_at = ?, approval_modstamp = ?, salesforce_id = ?, updated_at = ?
                where ro_id = ? and (approval_status is null or approval_status <> ?)""",
                APPROVED, ts(modstamp), ts(modstamp), salesforceId, Timestamp.from(clock.instant()), roId, APPROVED) > 0;
    }

    /** The repair orders on the vehicle not finished yet, by RO number (the RO id where it has none). */
    public List<String> unfinished(String vin) {
        return jdbc.query("""
                select coalesce(ro_number, ro_id) from work_order where vin = ? and date_finished is null
                order by coalesce(ro_number, ro_id)""", (rs, n) -> rs.getString(1), vin);
    }

    /** A repair order with a cost, as a repossession case bills it: on the day it was invoiced, else finished, else created. */
    public record Repair(String roId, String roNumber, String vendorName, BigDecimal grandTotal, Instant billedAt) {
    }

    /** The vehicle's repair orders with a cost created from {@code from} (to {@code until} when given), oldest first. */
    public List<Repair> repairs(String vin, Instant from, Instant until) {
        List<Object> args = new ArrayList<>(List.of(vin, Timestamp.from(from)));
        if (until != null) {
            args.add(Timestamp.from(until));
        }
        return jdbc.query("""
                select ro_id, ro_number, vendor_name, grand_total, date_created, date_finished, date_invoiced from work_order
                where vin = ? and grand_total > 0 and date_created >= ?""" + (until == null ? "" : " and date_created <= ?")
                + " order by date_created, ro_id", (rs, n) -> {
            Timestamp day = rs.getTimestamp("date_invoiced") != null ? rs.getTimestamp("date_invoiced")
                    : rs.getTimestamp("date_finished") != null ? rs.getTimestamp("date_finished") : rs.getTimestamp("date_created");
            return new Repair(rs.getString("ro_id"), rs.getString("ro_number"), rs.getString("vendor_name"),
                    rs.getBigDecimal("grand_total"), day.toInstant());
        }, args.toArray());
    }

    public boolean exists(String roId) {
        Long n = jdbc.queryForObject("select count(*) from work_order where ro_id = ?", Long.class, roId);
        return n != null && n > 0;
    }

    public Optional<Instant> polledUntil(String event) {
        return jdbc.query("select polled_until from fleetrock_watermark where event = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), event).stream().findFirst();
    }

    public void advancePolledUntil(String event, Instant until) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update fleetrock_watermark set polled_until = ?, updated_at = ? where event = ? and polled_until < ?",
                ts(until), now, event, ts(until)) == 0 && polledUntil(event).isEmpty()) {
            jdbc.update("insert into fleetrock_watermark (event, polled_until, updated_at) values (?, ?, ?)", event, ts(until), now);
        }
    }

    /** Records a webhook delivery; false when the same delivery was applied before. */
    public boolean firstDelivery(String deliveryKey, String event, String roIds) {
        if (delivered(deliveryKey)) {
            return false;
        }
        jdbc.update("insert into fleetrock_delivery (delivery_key, event, ro_ids, received_at) values (?, ?, ?, ?)",
                deliveryKey, event, roIds, Timestamp.from(clock.instant()));
        return true;
    }

    /** Whether the push of this key was applied (and committed). */
    public boolean delivered(String deliveryKey) {
        Long seen = jdbc.queryForObject("select count(*) from fleetrock_delivery where delivery_key = ?", Long.class, deliveryKey);
        return seen != null && seen > 0;
    }

    private Map<String, String> storedHashes(List<String> keys) {
        Map<String, String> hashes = new HashMap<>();
        InLists.inChunks(keys, chunk -> jdbc.query("select ro_id, content_hash from work_order where ro_id in ("
                        + InLists.placeholders(chunk.size()) + ")",
                (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)), chunk.toArray()))
                .forEach(e -> hashes.put(e.getKey(), e.getValue()));
        return hashes;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
