package io.leasebridge.agency;

import io.leasebridge.agency.PlacementStore.FileKind;
import io.leasebridge.agency.PlacementStore.QueuedFile;
import io.leasebridge.testing.HubDatabaseContract;
import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The placements and agency files on a real hub database: candidates, decisions, the file outbox and recalls. */
abstract class PlacementStoreContract extends HubDatabaseContract {

    private static final Instant NOW = Instant.parse("2026-12-02T14:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    JdbcTemplate jdbc;
    PlacementStore store;

    PlacementStoreContract(Supplier<TestDatabase> database) {
        super(database);
    }

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(freshSchema());
        store = new PlacementStore(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        jdbc.update("""
                insert into customer (customer_id, name, city, do_not_call, do_not_text, text_consent, email_consent, content_hash, updated_at)
                values ('C-1', 'Dana Whitfield', 'Wichita', false, false, false, false, 'h', current_timestamp)""");
        for (Object[] lease : List.of(new Object[]{"L-59", 59}, new Object[]{"L-60", 60}, new Object[]{"L-90", 90})) {
            jdbc.update("""
                    insert into lease_account (lease_id, customer_id, status, days_past_due, past_due_amount, late_fees, payments_made,
                        content_hash, updated_at) values (?, 'C-1', 'Active', ?, 1000.10, 50.05, 3, 'h', current_timestamp)""", lease);
        }
    }

    @Test
    void candidatesAreTheLeasesAtTheThresholdWithTheirCasesPromisesAndPlacements() {
        jdbc.update("""
                insert into repo_case (case_id, vin, status, lease_id, updated_at) values ('500A', '1HGCM82633A004352', 'ORDERED', 'L-90',
                current_timestamp)""");
        jdbc.update("""
                insert into promise (promise_id, lease_id, amount, promised_date, made_on, status, amount_applied, amended_count,
                    last_sequence) values ('P-1', 'L-60', 100.00, ?, ?, 'OPEN', 0, 0, 1)""", Date.valueOf(TODAY.plusDays(2)),
                Date.valueOf(TODAY));
        store.propose(placement("AP-L-60-1", "L-60"));
        store.decide("AP-L-60-1", PlacementStatus.REJECTED, null, NOW);

        List<PlacementStore.Candidate> candidates = store.candidates(60);

        assertThat(candidates).extracting(c -> c.facts().leaseId()).containsExactly("L-60", "L-90");
        PlacementStore.Candidate l60 = candidates.get(0);
        assertThat(l60.facts().openPromiseDates()).containsExactly(TODAY.plusDays(2));
        assertThat(l60.facts().placements()).containsExactly(PlacementStatus.REJECTED);
        assertThat(l60.placementsBefore()).isEqualTo(1);
        assertThat(l60.placedBalance()).isEqualByComparingTo("1050.15");
        assertThat(candidates.get(1).facts().openRepoCase()).isTrue();
    }

    @Test
    void aDecisionIsTakenOnceAndARejectedPlacementMayStillBeApproved() {
        store.propose(placement("AP-L-60-1", "L-60"));

        assertThat(store.decide("AP-L-60-1", PlacementStatus.REJECTED, null, NOW)).isTrue();
        assertThat(store.decide("AP-L-60-1", PlacementStatus.APPROVED, "Lone Star", NOW)).isTrue();
        assertThat(store.decide("AP-L-60-1", PlacementStatus.APPROVED, "Other", NOW)).as("approved already").isFalse();

        PlacementRecord stored = store.find("AP-L-60-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(PlacementStatus.APPROVED);
        assertThat(stored.agency()).isEqualTo("Lone Star");
        assertThat(stored.placedBalance()).isEqualByComparingTo("1050.15");
        assertThat(stored.proposedOn()).isEqualTo(TODAY);
    }

    @Test
    void aQueuedFileIsClaimedUntilSentAndThenItsPlacementsAreSentAndRecalledOnce() {
        store.propose(placement("AP-L-60-1", "L-60"));
        store.propose(placement("AP-L-90-1", "L-90"));
        store.decide("AP-L-60-1", PlacementStatus.APPROVED, "Lone Star", NOW);
        store.decide("AP-L-90-1", PlacementStatus.APPROVED, "Lone Star", NOW);
        assertThat(store.agenciesToWrite(FileKind.PLACEMENT)).containsExactly("Lone Star");
        List<Map<PlacementField, Object>> lines = store.unfiledLines("Lone Star", FileKind.PLACEMENT);
        assertThat(lines).extracting(l -> l.get(PlacementField.PLACEMENT_ID)).containsExactly("AP-L-60-1", "AP-L-90-1");
        assertThat(lines.get(0)).containsEntry(PlacementField.CUSTOMER_NAME, "Dana Whitfield").containsEntry(PlacementField.CITY, "Wichita");

        QueuedFile file = new QueuedFile("P_20261202_1.csv", "Lone Star", FileKind.PLACEMENT, TODAY, "a,b\r\n", 2, "PENDING");
        store.queueFile(file, List.of("AP-L-60-1", "AP-L-90-1"));
        assertThat(store.agenciesToWrite(FileKind.PLACEMENT)).isEmpty();
        assertThat(store.filesWritten("Lone Star", FileKind.PLACEMENT, TODAY)).isEqualTo(1);

        List<QueuedFile> claimed = store.claimFiles(10);
        assertThat(claimed).extracting(QueuedFile::fileName).containsExactly("P_20261202_1.csv");
        assertThat(store.claimFiles(10)).as("claimed already").isEmpty();
        store.markSending(file.fileName());
        store.releaseFiles(claimed);
        assertThat(store.claimFiles(10)).as("a file cut short while sending is claimed again")
                .extracting(QueuedFile::status).containsExactly("SENDING");

        List<PlacementRecord> sent = store.markSent(file, NOW);
        assertThat(sent).extracting(PlacementRecord::status).containsOnly(PlacementStatus.SENT);
        assertThat(sent).extracting(PlacementRecord::fileName).containsOnly("P_20261202_1.csv");
        assertThat(store.claimFiles(10)).isEmpty();

        // L-60 paid current, L-90 moved to repossession: each marked once, with its reason
        jdbc.update("update lease_account set days_past_due = 0 where lease_id = 'L-60'");
        jdbc.update("insert into repo_case (case_id, status, lease_id, updated_at) values ('500B', 'PENDING', 'L-90', ?)",
                Timestamp.from(NOW));
        assertThat(store.markRecallsDue(TODAY)).isEqualTo(2);
        assertThat(store.markRecallsDue(TODAY)).isZero();
        assertThat(store.unfiledLines("Lone Star", FileKind.RECALL)).extracting(l -> l.get(PlacementField.RECALL_REASON))
                .containsExactly("paid current", "moved to repossession");

        QueuedFile recall = new QueuedFile("R_20261202_1.csv", "Lone Star", FileKind.RECALL, TODAY, "a\r\n", 2, "PENDING");
        store.queueFile(recall, List.of("AP-L-60-1", "AP-L-90-1"));
        assertThat(store.markSent(recall, NOW)).extracting(PlacementRecord::status).containsOnly(PlacementStatus.RECALLED);
        assertThat(store.agenciesToWrite(FileKind.RECALL)).isEmpty();
    }

    @Test
    void placementKpisSumThePlacedBalanceAndCollectedAndTakeTheRecoveryRateByAgencyAndByPlacementMonth(@TempDir Path reports)
            throws Exception {
        sentPlacement("AP-1", "L-60", "Lone Star", "2026-10-14", "1000.00", "250.00", "SENT");
        sentPlacement("AP-2", "L-90", "Lone Star", "2026-11-02", "3000.00", "1500.00", "CLOSED");
        sentPlacement("AP-3", "L-59", "Acme Debt", "2026-11-20", "1200.00", null, "RECALLED");
        jdbc.update("""
                insert into agency_placement (placement_id, lease_id, status, agency, days_past_due, placed_balance, proposed_on,
                    updated_at) values ('AP-4', 'L-60', 'APPROVED', 'Acme Debt', 61, 900.00, ?, ?)""", Date.valueOf(TODAY),
                Timestamp.from(NOW));

        PlacementKpis kpis = new PlacementKpis(jdbc);
        PlacementKpis.Report report = kpis.compute();

        assertThat(report.byAgency()).extracting(r -> r.agency() + " " + r.placements() + " " + r.placedBalance() + " "
                + r.collected() + " " + r.recoveryRate())
                .containsExactly("Acme Debt 1 1200.00 0.00 0.0000", "Lone Star 2 4000.00 1750.00 0.4375");
        assertThat(report.byMonth()).extracting(r -> r.month() + " " + r.placements() + " " + r.placedBalance() + " "
                + r.collected() + " " + r.recoveryRate())
                .containsExactly("2026-10 1 1000.00 250.00 0.2500", "2026-11 2 4200.00 1500.00 0.3571");
        assertThat(report.total().placedBalance()).isEqualByComparingTo("5200.00");
        assertThat(report.total().recoveryRate()).isEqualByComparingTo("0.3365");

        kpis.writeCsv(report, reports);
        assertThat(Files.readAllLines(reports.resolve(PlacementKpis.CSV))).contains(
                "section,agency,month,measure,value",
                "by_agency,Lone Star,,recovery_rate,0.4375",
                "by_placement_month,,2026-11,placed_balance,4200.00",
                "total,,,collected,1750.00");
    }

    private void sentPlacement(String id, String lease, String agency, String sentOn, String balance, String collected, String status) {
        jdbc.update("""
                insert into agency_placement (placement_id, lease_id, status, agency, days_past_due, placed_balance, proposed_on,
                    sent_on, collected_amount, updated_at) values (?, ?, ?, ?, 60, ?, ?, ?, ?, ?)""", id, lease, status, agency,
                new BigDecimal(balance), Date.valueOf(sentOn), Date.valueOf(sentOn), collected == null ? null : new BigDecimal(collected),
                Timestamp.from(NOW));
    }

    private static PlacementRecord placement(String id, String lease) {
        return new PlacementRecord(id, lease, PlacementStatus.PROPOSED, 60, new BigDecimal("1050.15"), TODAY, null, null, null);
    }
}
