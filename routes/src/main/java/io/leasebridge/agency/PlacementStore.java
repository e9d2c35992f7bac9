package io.leasebridge.agency;

import io.leasebridge.hub.InLists;
import io.leasebridge.hub.sql.OutboxClaims;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Agency placements and the files that carry them, in the hub. */
@Repository
public class PlacementStore {

    /** A lease far enough past due to be looked at, with what decides whether it is proposed. */
    record Candidate(PlacementCandidate facts, BigDecimal placedBalance, int placementsBefore) {
    }

    /** A file written for an agency, to deliver; SENDING when an earlier try may have reached the agency. */
    record QueuedFile(String fileName, String agency, FileKind kind, LocalDate writtenOn, String body, int rows, String status) {
    }

    enum FileKind { PLACEMENT, RECALL }

    private static final OutboxClaims.Outbox<String> FILES = new OutboxClaims.Outbox<>("agency_file", "file_name", String.class);
    static final String PLACEMENT_COLUMNS = """
            placement_id, lease_id, status, days_past_due, placed_balance, proposed_on, agency, sent_on, placement_file,
            agency_status, agency_reported_on, collected_amount, last_contact_on, last_contact_result""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OutboxClaims claims;

    public PlacementStore(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, OutboxClaims.local(jdbc, clock));
    }

    @Autowired
    public PlacementStore(JdbcTemplate jdbc, Clock clock, OutboxClaims claims) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.claims = claims;
    }

    /** The leases at least {@code minDaysPastDue} days past due, with their open cases, promises and placements. */
    List<Candidate> candidates(int minDaysPastDue) {
        Set<String> openCases = new HashSet<>(jdbc.queryForList("""
                select distinct r.lease_id from repo_case r join lease_account l on l.lease_id = r.lease_id
                where l.days_past_due >= ? and (r.status is null or r.status not in ('CLOSED', 'CANCELLED', 'UNRECOVERABLE', 'REINSTATED'))""",
                String.class, minDaysPastDue));
        Map<String, List<LocalDate>> promises = byLease("""
                select p.lease_id, p.promised_date from promise p join lease_account l on l.lease_id = p.lease_id
                where l.days_past_due >= ? and p.status in ('OPEN', 'UNCONFIRMED')""",
                (rs, n) -> rs.getDate(2).toLocalDate(), minDaysPastDue);
        Map<String, List<PlacementStatus>> placements = byLease("""
                select a.lease_id, a.status from agency_placement a join lease_account l on l.lease_id = a.lease_id
                where l.days_past_due >= ?""",
                (rs, n) -> PlacementStatus.valueOf(rs.getString(2)), minDaysPastDue);
        return jdbc.query("""
                select lease_id, days_past_due, coalesce(past_due_amount, 0) + coalesce(late_fees, 0) from lease_account
                where days_past_due >= ? order by lease_id""",
                (rs, n) -> {
                    String lease = rs.getString(1);
                    List<PlacementStatus> earlier = placements.getOrDefault(lease, List.of());
                    return new Candidate(new PlacementCandidate(lease, rs.getInt(2), openCases.contains(lease),
                            promises.getOrDefault(lease, List.of()), earlier), rs.getBigDecimal(3), earlier.size());
                }, minDaysPastDue);
    }

    /** The rows of {@code sql}, whose first column is the lease, grouped by lease. */
    private <V> Map<String, List<V>> byLease(String sql, RowMapper<V> value, Object... args) {
        Map<String, List<V>> byLease = new HashMap<>();
        jdbc.query(sql, rs -> {
            byLease.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(value.mapRow(rs, 0));
        }, args);
        return byLease;
    }

    void propose(PlacementRecord p) {
        jdbc.update("""
                insert into agency_placement (placement_id, lease_id, status, days_past_due, placed_balance, proposed_on, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""", p.placementId(), p.leaseId(), p.status().name(), p.daysPastDue(),
                p.placedBalance(), Date.valueOf(p.proposedOn()), Timestamp.from(clock.instant()));
    }

    public Optional<PlacementRecord> find(String placementId) {
        return jdbc.query("select " + PLACEMENT_COLUMNS + " from agency_placement where placement_id = ?",
                (rs, n) -> placement(rs), placementId).stream().findFirst();
    }

    /** The lease's placements, oldest first. */
    public List<PlacementRecord> ofLease(String leaseId) {
        return jdbc.query("select " + PLACEMENT_COLUMNS + " from agency_placement where lease_id = ? order by proposed_on, placement_id",
                (rs, n) -> placement(rs), leaseId);
    }

    /** Records a manager's decision on a proposed (or rejected) placement; false when it was neither. */
    boolean decide(String placementId, PlacementStatus decision, String agency, Instant decidedAt) {
        return jdbc.update("""
                update agency_placement set status = ?, agency = ?, decided_at = ?, updated_at = ?
                where placement_id = ? and status in ('PROPOSED', 'REJECTED')""", decision.name(), agency, Timestamp.from(decidedAt),
                Timestamp.from(clock.instant()), placementId) > 0;
    }

    /**
     * Marks the sent placements whose lease no longer belongs with the agency for recall, saying why: moved to
     * repossession (a case open on the lease), reinstated (its case reinstated since the placement was approved), or
     * paid current. Each is marked once; its recall file follows.
     */
    int markRecallsDue(LocalDate today) {
        String due = "update agency_placement set recall_reason = ?, recalled_on = ?, updated_at = ?"
                + " where status = 'SENT' and recall_reason is null and ";
        Date day = Date.valueOf(today);
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update(due + """
                exists (select 1 from repo_case r where r.lease_id = agency_placement.lease_id
                        and (r.status is null or r.status not in ('CLOSED', 'CANCELLED', 'UNRECOVERABLE', 'REINSTATED')))""",
                "moved to repossession", day, now)
                + jdbc.update(due + """
                exists (select 1 from repo_case r where r.lease_id = agency_placement.lease_id and r.status = 'REINSTATED'
                        and r.updated_at > agency_placement.decided_at)""", "reinstated", day, now)
                + jdbc.update(due + """
                exists (select 1 from lease_account l where l.lease_id = agency_placement.lease_id and l.days_past_due = 0)""",
                "paid current", day, now);
    }

    /** The agency a placement went to; empty when no placement of that id was ever sent. */
    Optional<String> agencyHolding(String placementId) {
        return jdbc.queryForList("""
                select agency from agency_placement where placement_id = ? and status in ('SENT', 'RECALLED', 'CLOSED')""",
                String.class, placementId).stream().findFirst();
    }

    /** Records what the agency reported of a placement; a sent one is CLOSED when {@code closes}. Returns it as it now stands. */
    PlacementRecord recordAgencyResults(String placementId, AgencyReturnStore.Summary reported, boolean closes) {
        jdbc.update("""
                update agency_placement set agency_status = ?, agency_reported_on = ?, collected_amount = ?, last_contact_on = ?,
                    last_contact_result = ?, status = case when status = 'SENT' and ? then 'CLOSED' else status end, updated_at = ?
                where placement_id = ?""", reported.latestStatus(), date(reported.reportedOn()), reported.collected(),
                date(reported.contactedOn()), reported.contactResult(), closes, Timestamp.from(clock.instant()), placementId);
        return find(placementId).orElseThrow();
    }

    /** The agencies with placements a file of this kind has yet to carry. */
    List<String> agenciesToWrite(FileKind kind) {
        return jdbc.queryForList("select distinct agency from agency_placement where " + unfiled(kind, "") + " order by agency",
                String.class);
    }

    /** An agency's placements a file of this kind has yet to carry, with what the file may say of each. */
    List<Map<PlacementField, Object>> unfiledLines(String agency, FileKind kind) {
        return jdbc.query("""
                select a.placement_id, a.lease_id, a.proposed_on, a.days_past_due, a.placed_balance, c.name, c.street, c.city,
                       c.state, c.postal_code, c.primary_phone, c.mobile_phone, c.email, l.past_due_amount, l.late_fees,
                       l.payoff_balance, l.last_payment_date, l.last_payment_amount, l.vin, a.recalled_on, a.recall_reason
                from agency_placement a left join lease_account l on l.lease_id = a.lease_id
                     left join customer c on c.customer_id = l.customer_id
                where a.agency = ?""" + " and " + unfiled(kind, "a.") + " order by a.placement_id",
                (rs, n) -> {
                    Map<PlacementField, Object> line = new EnumMap<>(PlacementField.class);
                    line.put(PlacementField.PLACEMENT_ID, rs.getString(1));
                    line.put(PlacementField.LEASE_ID, rs.getString(2));
                    line.put(PlacementField.PLACED_ON, rs.getDate(3).toLocalDate());
                    line.put(PlacementField.DAYS_PAST_DUE, rs.getInt(4));
                    line.put(PlacementField.PLACED_BALANCE, rs.getBigDecimal(5));
                    line.put(PlacementField.CUSTOMER_NAME, rs.getString(6));
                    line.put(PlacementField.STREET, rs.getString(7));
                    line.put(PlacementField.CITY, rs.getString(8));
                    line.put(PlacementField.STATE, rs.getString(9));
                    line.put(PlacementField.POSTAL_CODE, rs.getString(10));
                    line.put(PlacementField.PRIMARY_PHONE, rs.getString(11));
                    line.put(PlacementField.MOBILE_PHONE, rs.getString(12));
                    line.put(PlacementField.EMAIL, rs.getString(13));
                    line.put(PlacementField.PAST_DUE_AMOUNT, rs.getBigDecimal(14));
                    line.put(PlacementField.LATE_FEES, rs.getBigDecimal(15));
                    line.put(PlacementField.PAYOFF_BALANCE, rs.getBigDecimal(16));
                    line.put(PlacementField.LAST_PAYMENT_DATE, rs.getDate(17) == null ? null : rs.getDate(17).toLocalDate());
                    line.put(PlacementField.LAST_PAYMENT_AMOUNT, rs.getBigDecimal(18));
                    line.put(PlacementField.VIN, rs.getString(19));
                    line.put(PlacementField.RECALLED_ON, rs.getDate(20) == null ? null : rs.getDate(20).toLocalDate());
                    line.put(PlacementField.RECALL_REASON, rs.getString(21));
                    return line;
                }, agency);
    }

    /** @param alias the placement table's alias in the query, with its dot, or "" */
    private static String unfiled(FileKind kind, String alias) {
        return kind == FileKind.PLACEMENT ? alias + "status = 'APPROVED' and " + alias + "placement_file is null"
                : alias + "status = 'SENT' and " + alias + "recall_reason is not null and " + alias + "recall_file is null";
    }

    /** How many files of this kind the agency was written on {@code day}: the next one's number follows. */
    int filesWritten(String agency, FileKind kind, LocalDate day) {
        Integer n = jdbc.queryForObject("select count(*) from agency_file where agency = ? and kind = ? and written_on = ?",
                Integer.class, agency, kind.name(), Date.valueOf(day));
        return n == null ? 0 : n;
    }

    /** Queues a written file and points its placements at it, in the caller's transaction. */
    void queueFile(QueuedFile file, List<String> placementIds) {
        jdbc.update("""
                insert into agency_file (file_name, agency, kind, written_on, body, row_count, status, created_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?)""", file.fileName(), file.agency(), file.kind().name(),
                Date.valueOf(file.writtenOn()), file.body(), file.rows(), Timestamp.from(clock.instant()));
        String column = file.kind() == FileKind.PLACEMENT ? "placement_file" : "recall_file";
        InLists.inChunks(placementIds, chunk -> {
            List<Object> args = new ArrayList<>(List.of(file.fileName()));
            args.addAll(chunk);
            return List.of(jdbc.update("update agency_placement set " + column + " = ? where placement_id in ("
                    + InLists.placeholders(chunk.size()) + ")", args.toArray()));
        });
    }

    /** Claims the files to deliver (queued, or SENDING when a try was cut short) for this worker; others skip them. */
    List<QueuedFile> claimFiles(int limit) {
        return claims.claimRows(FILES, "status in ('PENDING', 'SENDING')", "created_at, file_name", limit,
                "select file_name, agency, kind, written_on, body, row_count, status from agency_file",
                (rs, n) -> new QueuedFile(rs.getString(1), rs.getString(2), FileKind.valueOf(rs.getString(3)),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getInt(6), rs.getString(7)));
    }

    /** Committed before the agency's endpoint is called. */
    void markSending(String fileName) {
        jdbc.update("update agency_file set status = 'SENDING' where file_name = ? and status in ('PENDING', 'SENDING')", fileName);
    }

    /**
     * Marks the file sent and its placements with it (SENT, or RECALLED for a recall file); returns those placements as
     * they now stand, for Salesforce.
     */
    List<PlacementRecord> markSent(QueuedFile file, Instant sentAt) {
        jdbc.update("""
                update agency_file set status = 'SENT', sent_at = ?, claimed_by = null, claimed_until = null
                where file_name = ?""", Timestamp.from(sentAt), file.fileName());
        if (file.kind() == FileKind.PLACEMENT) {
            jdbc.update("""
                    update agency_placement set status = 'SENT', sent_on = ?, updated_at = ?
                    where placement_file = ? and status = 'APPROVED'""", Date.valueOf(file.writtenOn()),
                    Timestamp.from(clock.instant()), file.fileName());
        } else {
            jdbc.update("update agency_placement set status = 'RECALLED', updated_at = ? where recall_file = ? and status = 'SENT'",
                    Timestamp.from(clock.instant()), file.fileName());
        }
        String column = file.kind() == FileKind.PLACEMENT ? "placement_file" : "recall_file";
        return jdbc.query("select " + PLACEMENT_COLUMNS + " from agency_placement where " + column + " = ? order by placement_id",
                (rs, n) -> placement(rs), file.fileName());
    }

    void releaseFiles(List<QueuedFile> files) {
        claims.release(FILES, files.stream().map(QueuedFile::fileName).toList());
    }

    /** A placement read with {@link #PLACEMENT_COLUMNS}. */
    static PlacementRecord placement(ResultSet rs) throws SQLException {
        PlacementRecord.AgencyResults results = rs.getString(10) == null ? null : new PlacementRecord.AgencyResults(
                rs.getString(10), localDate(rs.getDate(11)), rs.getBigDecimal(12), localDate(rs.getDate(13)), rs.getString(14));
        return new PlacementRecord(rs.getString(1), rs.getString(2), PlacementStatus.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getBigDecimal(5), rs.getDate(6).toLocalDate(), rs.getString(7), localDate(rs.getDate(8)), rs.getString(9), results);
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** How many placements stand at each status. */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select status, count(*) from agency_placement group by status", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

}
