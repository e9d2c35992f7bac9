package io.leasebridge.repocases;

import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.imports.ImportFile;
import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.flow.FlowLogContext;
import io.leasebridge.repo.RepoAdjustment;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Hub -> LeaseWorks: the lease adjustments of recorded final account reviews, queued with each review and written into
 * one import file laid out by {@code imports.repo-adjustments}. Rows are given the file's name before it is written and
 * marked written after, so a crash in between writes the same file again with the same rows, never a second one.
 */
@Service
public class RepoAdjustmentImport {

    public static final String FLOW = "leaseworks-repo-adjustment-import";
    static final String IMPORT = "repo-adjustments";
    private static final Logger log = LoggerFactory.getLogger(RepoAdjustmentImport.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final JdbcTemplate jdbc;
    private final ImportFile<RepoAdjustment> file;
    private final AdjustmentImportProperties properties;
    private final ProducerTemplate producer;
    private final RunHistory runs;
    private final Clock clock;

    RepoAdjustmentImport(JdbcTemplate jdbc, LeaseWorksMapping mapping, AdjustmentImportProperties properties,
                         ProducerTemplate producer, RunHistory runs, Clock clock) {
        this.jdbc = jdbc;
        this.file = new ImportFile<>(mapping, IMPORT, RepoAdjustment.class);
        this.properties = properties;
        this.producer = producer;
        this.runs = runs;
        this.clock = clock;
    }

    /** Queues a review's adjustment, once per case; in the caller's transaction, with the review. */
    void queue(RepoAdjustment adjustment) {
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
                Timestamp.from(clock.instant()));
    }

    /** Writes the file of the adjustments not written yet; returns its name, or null when there were none. */
    public String write() {
        long runId = runs.start(FLOW, properties.filePrefix());
        try (FlowLogContext logContext = FlowLogContext.enter(FLOW, runId)) {
            String name = unfinishedFile();
            if (name == null) {
                name = properties.filePrefix() + "-" + STAMP.format(clock.instant().atOffset(ZoneOffset.UTC)) + ".csv";
                if (jdbc.update("update repo_adjustment set file_name = ? where file_name is null", name) == 0) {
                    runs.finish(runId, RunCounts.NONE, null);
                    return null;
                }
            }
            List<RepoAdjustment> rows = jdbc.query("""
                    select case_id, lease_id, case_number, kind, amount, payoff_at_recovery, recovery_costs, net_proceeds, sale_date
                    from repo_adjustment where file_name = ? order by case_id""", (rs, n) -> new RepoAdjustment(rs.getString(1),
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                    rs.getBigDecimal(8), rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate()), name);
            producer.sendBodyAndHeader(RepoCaseRoutes.ADJUSTMENT_FILE, file.render(rows), Exchange.FILE_NAME, name);
            jdbc.update("update repo_adjustment set written_at = ? where file_name = ?", Timestamp.from(clock.instant()), name);
            log.info("{}: wrote {} with {} lease adjustments", FLOW, name, rows.size());
            runs.finish(runId, new RunCounts(rows.size(), 0, rows.size(), 0, 0, 0), null);
            return name;
        } catch (RuntimeException e) {
            log.error("{}: the adjustment file was not written, its adjustments stay pending: {}", FLOW, e.getMessage());
            runs.finish(runId, RunCounts.NONE, e.getMessage());
            return null;
        }
    }

    /** A file named for some adjustments but not recorded written: a crash came between. */
    private String unfinishedFile() {
        return jdbc.queryForList("select min(file_name) from repo_adjustment where file_name is not null and written_at is null",
                String.class).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
