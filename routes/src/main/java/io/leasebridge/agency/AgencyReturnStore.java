package io.leasebridge.agency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** What agencies reported of their placements, and the placements brought up to date with it. */
@Repository
public class AgencyReturnStore {

    /** One reported row, as the account view shows it. */
    public record Reported(String placementId, String agency, LocalDate reportedOn, String status, BigDecimal amountCollected,
                           LocalDate contactedOn, String contactResult) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AgencyReturnStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a row under its file and line: the same row read again replaces itself. */
    void record(String agency, String fileName, long line, AgencyReturnRow row) {
        jdbc.update("delete from agency_return where file_name = ? and line = ?", fileName, line);
        jdbc.update("""
                insert into agency_return (file_name, line, placement_id, agency, reported_on, status, amount_collected,
                                           contacted_on, contact_result, read_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", fileName, line, row.placementId(), agency, Date.valueOf(row.reportedOn()),
                row.status(), row.amountCollected(), row.contactedOn() == null ? null : Date.valueOf(row.contactedOn()),
                row.contactResult(), Timestamp.from(clock.instant()));
    }

    /** Everything reported of a placement: the latest status, the day last reported, all collected, the latest contact. */
    record Summary(String latestStatus, LocalDate reportedOn, BigDecimal collected, LocalDate contactedOn, String contactResult) {
    }

    Summary summarize(String placementId) {
        String order = " order by reported_on desc, file_name desc, line desc";
        String latestStatus = jdbc.queryForObject("select status from agency_return where placement_id = ?" + order
                + " fetch first 1 rows only", String.class, placementId);
        List<Object[]> contact = jdbc.query("""
                select contacted_on, contact_result from agency_return where placement_id = ? and contacted_on is not null
                order by contacted_on desc, file_name desc, line desc fetch first 1 rows only""",
                (rs, n) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getString(2)}, placementId);
        return jdbc.queryForObject("select max(reported_on), sum(amount_collected) from agency_return where placement_id = ?",
                (rs, n) -> new Summary(latestStatus, rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(), rs.getBigDecimal(2),
                        contact.isEmpty() ? null : (LocalDate) contact.get(0)[0], contact.isEmpty() ? null : (String) contact.get(0)[1]),
                placementId);
    }

    /** What the agencies reported of a lease's placements, latest first. */
    public List<Reported> forLease(String leaseId) {
        return jdbc.query("""
                select r.placement_id, r.agency, r.reported_on, r.status, r.amount_collected, r.contacted_on, r.contact_result
                from agency_return r join agency_placement a on a.placement_id = r.placement_id
                where a.lease_id = ? order by r.reported_on desc, r.file_name desc, r.line desc""",
                (rs, n) -> new Reported(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                        rs.getBigDecimal(5), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7)), leaseId);
    }
}
