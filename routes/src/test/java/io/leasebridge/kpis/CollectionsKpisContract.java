package io.leasebridge.kpis;

import io.leasebridge.kpis.KpiReport.BucketCount;
import io.leasebridge.kpis.KpiReport.CollectorMonthOutcomes;
import io.leasebridge.kpis.KpiReport.CollectorOutcomes;
import io.leasebridge.kpis.KpiReport.DpdMonth;
import io.leasebridge.kpis.KpiReport.MonthOutcomes;
import io.leasebridge.kpis.KpiReport.PromiseOutcomes;
import io.leasebridge.kpis.KpiReport.RollRate;
import io.leasebridge.testing.HubDatabaseContract;
import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;

import static io.leasebridge.kpis.DpdBucket.CURRENT;
import static io.leasebridge.kpis.DpdBucket.DAYS_1_30;
import static io.leasebridge.kpis.DpdBucket.DAYS_31_60;
import static io.leasebridge.kpis.DpdBucket.DAYS_61_90;
import static io.leasebridge.kpis.DpdBucket.OVER_90;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI queries against a real database, schema from the Flyway migrations: exact figures for a small
 * hand-made portfolio, and agreement with {@link KpiReference} for random ones. Each database the hub runs on
 * gets a subclass.
 */
abstract class CollectionsKpisContract extends HubDatabaseContract {

    static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);
    static final YearMonth JAN = YearMonth.of(2026, 1);
    static final YearMonth FEB = YearMonth.of(2026, 2);
    static final YearMonth MAR = YearMonth.of(2026, 3);

    JdbcTemplate jdbc;
    CollectionsKpis kpis;

    CollectionsKpisContract(Supplier<TestDatabase> database) {
        super(database);
    }

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(freshSchema());
        kpis = new CollectionsKpis(jdbc);
    }

    /**
     * ann has L1 and L2, bob L3, L4 and L5 have nobody, L9 is in no export of accounts. Promises not counted as of
     * March 31: P7 (open), P8 (cancelled), P9 (judged in April).
     */
    static KpiDataset handMade() {
        return new KpiDataset()
                .lease("L1", "ann").lease("L2", "ann").lease("L3", "bob").lease("L4", null).lease("L5", null)
                .promise("P1", "L1", "KEPT", "2026-01-05")
                .promise("P2", "L1", "BROKEN", "2026-01-20")
                .promise("P3", "L2", "PARTIALLY_KEPT", "2026-01-31")
                .promise("P4", "L2", "KEPT", "2026-02-01")
                .promise("P5", "L3", "KEPT", "2026-02-10")
                .promise("P6", "L3", "BROKEN", "2026-02-28")
                .promise("P7", "L3", "OPEN", null)
                .promise("P8", "L1", "CANCELLED", null)
                .promise("P9", "L1", "KEPT", "2026-04-02")
                .promise("P10", "L9", "BROKEN", "2026-03-15")
                // L1 worsens every month; L2 cures in March, after a February without change
                .dpd("L1", "2026-01-10", 0).dpd("L1", "2026-02-15", 35).dpd("L1", "2026-03-05", 65)
                .dpd("L2", "2026-01-10", 15).dpd("L2", "2026-03-20", 0).dpd("L2", "2026-04-05", 50)
                // rows on month ends count for that month
                .dpd("L3", "2026-01-31", 95).dpd("L3", "2026-02-28", 100).dpd("L3", "2026-03-31", 20)
                // L4 arrives in February: in February's buckets, in no roll from January
                .dpd("L4", "2026-02-01", 30)
                // 61 and 90 are 61-90, 91 is 90+
                .dpd("L5", "2026-01-05", 61).dpd("L5", "2026-02-20", 90).dpd("L5", "2026-03-10", 91)
                // L6 starts after March: not counted as of March 31
                .dpd("L6", "2026-04-01", 10);
    }

    @Test
    void promiseOutcomesCountVerdictsUpToAsOfByTheCollectorWhoTookThemAndTheMonthJudged() {
        handMade().insertInto(jdbc);

        KpiReport.KeptRates rates = kpis.compute(MARCH_31).promiseKeptRate();

        assertThat(rates.byCollectorAndMonth()).containsExactly(
                new CollectorMonthOutcomes("ann", JAN, outcomes(3, 1, 1, 1, "0.3333")),
                new CollectorMonthOutcomes("ann", FEB, outcomes(1, 1, 0, 0, "1.0000")),
                new CollectorMonthOutcomes("bob", FEB, outcomes(2, 1, 0, 1, "0.5000")),
                new CollectorMonthOutcomes(null, MAR, outcomes(1, 0, 0, 1, "0.0000")));
        assertThat(rates.byCollector()).containsExactly(
                new CollectorOutcomes("ann", outcomes(4, 2, 1, 1, "0.5000")),
                new CollectorOutcomes("bob", outcomes(2, 1, 0, 1, "0.5000")),
                new CollectorOutcomes(null, outcomes(1, 0, 0, 1, "0.0000")));
        assertThat(rates.byMonth()).containsExactly(
                new MonthOutcomes(JAN, outcomes(3, 1, 1, 1, "0.3333")),
                new MonthOutcomes(FEB, outcomes(3, 2, 0, 1, "0.6667")),
                new MonthOutcomes(MAR, outcomes(1, 0, 0, 1, "0.0000")));
        assertThat(rates.total()).isEqualTo(outcomes(7, 3, 1, 3, "0.4286"));
    }

    @Test
    void aPromiseTakenBeforeTheLeaseWasEscalatedToASpecialistIsCreditedToTheCollectorWhoTookIt() {
        // L1 was ann's when she took P1 (kept) and P2 (broken); then it went to the specialist, who took P3 (kept)
        new KpiDataset().lease("L1", "specialist")
                .promise("P1", "L1", "KEPT", "2026-01-05", "ann")
                .promise("P2", "L1", "BROKEN", "2026-01-20", "ann")
                .promise("P3", "L1", "KEPT", "2026-02-10", "specialist")
                .insertInto(jdbc);

        KpiReport.KeptRates rates = kpis.compute(MARCH_31).promiseKeptRate();

        assertThat(rates.byCollector()).containsExactly(
                new CollectorOutcomes("ann", outcomes(2, 1, 0, 1, "0.5000")),
                new CollectorOutcomes("specialist", outcomes(1, 1, 0, 0, "1.0000")));
        assertThat(rates.handedOver()).containsExactly(
                new KpiReport.HandedOverOutcomes("ann", "specialist", outcomes(2, 1, 0, 1, "0.5000")));
    }

    @Test
    void dpdBucketsAtEachMonthEndTakeEachLeasesLatestRowOnOrBeforeIt() {
        handMade().insertInto(jdbc);

        List<DpdMonth> months = kpis.compute(MARCH_31).dpdBuckets();

        assertThat(months).containsExactly(
                new DpdMonth(JAN, LocalDate.of(2026, 1, 31), 4, buckets(1, 1, 0, 1, 1)),
                new DpdMonth(FEB, LocalDate.of(2026, 2, 28), 5, buckets(0, 2, 1, 1, 1)),
                new DpdMonth(MAR, MARCH_31, 5, buckets(1, 2, 0, 1, 1)));
    }

    @Test
    void rollRatesSplitEachBucketOfTheMonthBeforeIntoRolledForwardStayedAndCured() {
        handMade().insertInto(jdbc);

        List<RollRate> rolls = kpis.compute(MARCH_31).rollRates();

        assertThat(rolls).containsExactly(
                roll(JAN, FEB, CURRENT, 1, 1, 0, 0, "1.0000", "0.0000", "0.0000"),
                roll(JAN, FEB, DAYS_1_30, 1, 0, 1, 0, "0.0000", "1.0000", "0.0000"),
                roll(JAN, FEB, DAYS_31_60, 0, 0, 0, 0, null, null, null),
                roll(JAN, FEB, DAYS_61_90, 1, 0, 1, 0, "0.0000", "1.0000", "0.0000"),
                roll(JAN, FEB, OVER_90, 1, 0, 1, 0, "0.0000", "1.0000", "0.0000"),
                roll(FEB, MAR, CURRENT, 0, 0, 0, 0, null, null, null),
                roll(FEB, MAR, DAYS_1_30, 2, 0, 1, 1, "0.0000", "0.5000", "0.5000"),
                roll(FEB, MAR, DAYS_31_60, 1, 1, 0, 0, "1.0000", "0.0000", "0.0000"),
                roll(FEB, MAR, DAYS_61_90, 1, 1, 0, 0, "1.0000", "0.0000", "0.0000"),
                roll(FEB, MAR, OVER_90, 1, 0, 0, 1, "0.0000", "0.0000", "1.0000"));
    }

    @Test
    void aMonthNotOverOnAsOfIsMeasuredOnAsOf() {
        handMade().insertInto(jdbc);
        LocalDate march14 = LocalDate.of(2026, 3, 14);

        KpiReport report = kpis.compute(march14);

        // March 14: L1 65 (Mar 5), L2 still 15, L3 still 100, L4 30, L5 91 (Mar 10)
        assertThat(report.dpdBuckets()).last().isEqualTo(new DpdMonth(MAR, march14, 5, buckets(0, 2, 0, 1, 2)));
        assertThat(report.rollRates()).filteredOn(r -> r.toMonth().equals(MAR)).containsExactly(
                roll(FEB, MAR, CURRENT, 0, 0, 0, 0, null, null, null),
                roll(FEB, MAR, DAYS_1_30, 2, 0, 2, 0, "0.0000", "1.0000", "0.0000"),
                roll(FEB, MAR, DAYS_31_60, 1, 1, 0, 0, "1.0000", "0.0000", "0.0000"),
                roll(FEB, MAR, DAYS_61_90, 1, 1, 0, 0, "1.0000", "0.0000", "0.0000"),
                roll(FEB, MAR, OVER_90, 1, 0, 1, 0, "0.0000", "1.0000", "0.0000"));
        // P10, judged on March 15, is not in yet
        assertThat(report.promiseKeptRate().total()).isEqualTo(outcomes(6, 3, 1, 2, "0.5000"));
    }

    @Test
    void aMonthWithoutHistoryRowsBetweenTwoWithRowsCarriesEveryLeaseForward() {
        new KpiDataset().lease("L1", "ann").lease("L2", "ann")
                .dpd("L1", "2026-01-15", 10).dpd("L2", "2026-01-20", 45)
                .dpd("L1", "2026-03-02", 0)
                .insertInto(jdbc);

        KpiReport report = kpis.compute(MARCH_31);

        assertThat(report.dpdBuckets()).containsExactly(
                new DpdMonth(JAN, LocalDate.of(2026, 1, 31), 2, buckets(0, 1, 1, 0, 0)),
                new DpdMonth(FEB, LocalDate.of(2026, 2, 28), 2, buckets(0, 1, 1, 0, 0)),
                new DpdMonth(MAR, MARCH_31, 2, buckets(1, 0, 1, 0, 0)));
        assertThat(report.rollRates()).filteredOn(r -> r.leases() > 0).containsExactly(
                roll(JAN, FEB, DAYS_1_30, 1, 0, 1, 0, "0.0000", "1.0000", "0.0000"),
                roll(JAN, FEB, DAYS_31_60, 1, 0, 1, 0, "0.0000", "1.0000", "0.0000"),
                roll(FEB, MAR, DAYS_1_30, 1, 0, 0, 1, "0.0000", "0.0000", "1.0000"),
                roll(FEB, MAR, DAYS_31_60, 1, 0, 1, 0, "0.0000", "1.0000", "0.0000"));
    }

    @Test
    void anEmptyHubGivesAReportWithNothingInIt() {
        KpiReport report = kpis.compute(MARCH_31);

        assertThat(report.promiseKeptRate().byCollectorAndMonth()).isEmpty();
        assertThat(report.promiseKeptRate().total()).isEqualTo(new PromiseOutcomes(0, 0, 0, 0, null));
        assertThat(report.dpdBuckets()).isEmpty();
        assertThat(report.rollRates()).isEmpty();
    }

    @Test
    void theHandMadePortfolioAgreesWithTheReferenceCalculationToo() {
        KpiDataset data = handMade();
        data.insertInto(jdbc);

        assertThat(kpis.compute(MARCH_31)).isEqualTo(KpiReference.compute(data, MARCH_31));
    }

    @ParameterizedTest(name = "seed {0}, as of {1}, no history in {2}")
    @CsvSource(nullValues = "none", value = {
            "1, 2026-03-31, none",
            "7, 2026-03-17, 2025-12",
            "42, 2026-01-31, none",
            "2026, 2026-06-30, 2026-02",
            "99, 2025-08-31, none"})
    void randomPortfoliosAgreeWithTheReferenceCalculation(long seed, LocalDate asOf, YearMonth gapMonth) {
        KpiDataset data = KpiDataset.random(seed, 300, gapMonth);
        data.insertInto(jdbc);

        KpiReport computed = kpis.compute(asOf);

        assertThat(computed).isEqualTo(KpiReference.compute(data, asOf));
        if (!asOf.isBefore(LocalDate.of(2026, 1, 1))) {
            // a comparison of two empty reports would prove nothing
            assertThat(computed.rollRates()).isNotEmpty();
            assertThat(computed.promiseKeptRate().byCollectorAndMonth()).isNotEmpty();
        }
        if (gapMonth != null && !gapMonth.atDay(1).isAfter(asOf)) {
            assertThat(computed.dpdBuckets()).anyMatch(m -> m.month().equals(gapMonth));
        }
    }

    static PromiseOutcomes outcomes(long judged, long kept, long partiallyKept, long broken, String rate) {
        return new PromiseOutcomes(judged, kept, partiallyKept, broken, new BigDecimal(rate));
    }

    static List<BucketCount> buckets(long current, long d1to30, long d31to60, long d61to90, long over90) {
        return List.of(new BucketCount(CURRENT, current), new BucketCount(DAYS_1_30, d1to30), new BucketCount(DAYS_31_60, d31to60),
                new BucketCount(DAYS_61_90, d61to90), new BucketCount(OVER_90, over90));
    }

    static RollRate roll(YearMonth from, YearMonth to, DpdBucket bucket, long leases, long forward, long stayed, long cured,
                         String forwardRate, String stayRate, String cureRate) {
        return new RollRate(from, to, bucket, leases, forward, stayed, cured, decimal(forwardRate), decimal(stayRate), decimal(cureRate));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
