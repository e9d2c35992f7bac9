package io.leasebridge.repocases;

import io.leasebridge.repo.RepoAdjustment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The {@code repo_adjustment} table: the lease adjustments queued for LeaseWorks, each named for the import file that
 * carries it before the file is written, and marked written after.
 */
@Repository
class RepoAdjustmentStore {

    private final JdbcTemplate jdbc;

    RepoAdjustmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a case's adjustment unless one is queued already. */
    void queue(RepoAdjustment adjustment, Instant queuedAt) {
        Integer queued = jdbc.queryForObject("select count(*) from repo_adjustment where case_id = ?", Integer.class,
                adjustment.adjustmentId());
        if (queued != null && queued > 0) {
            return;
        }
        jdbc.update("""
                insert into repo_adjustment (case_id, lease_id, case_number, kind, amount, payoff_at_recovery, recovery_costs,
                       net_proceeds, sale_date, queued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                adjustment.adjustmentId(), adjustment.leaseId(), adjustment.caseNumber(), adjustment.kind(), adjustment.amount(),
                adjustment.payoffAtRecovery(), adjustment.recoveryCosts(), adjustment.netProceeds(), adjustment.saleDate(),
                Timestamp.from(queuedAt));
    }

    /** Names the file for every adjustment no file carries yet; returns how many it carries. */
    int nameUnfiled(String fileName) {
        return jdbc.update("update repo_adjustment set file_name = ? where file_name is null", fileName);
    }

    List<RepoAdjustment> inFile(String fileName) {
        return jdbc.query("""
                select case_id, lease_id, case_number, kind, amount, payoff_at_recovery, recovery_costs, net_proceeds, sale_date
                from repo_adjustment where file_name = ? order by case_id""", (rs, n) -> new RepoAdjustment(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                rs.getBigDecimal(8), rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate()), fileName);
    }

    void markWritten(String fileName, Instant writtenAt) {
        jdbc.update("update repo_adjustment set written_at = ? where file_name = ?", Timestamp.from(writtenAt), fileName);
    }

    /** A file named for some adjustments but not recorded written (a crash came between), or null. */
    String unfinishedFile() {
        return jdbc.queryForList("select min(file_name) from repo_adjustment where file_name is not null and written_at is null",
                String.class).stream().filter(Objects::nonNull).findFirst().orElse(null);
    }
}
