package io.leasebridge.kpis;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Rows of the three tables the KPIs read, kept as plain values so that a test can both insert them into a hub
 * and hand them to {@link KpiReference}.
 */
final class KpiDataset {

    record Lease(String leaseId, String collector) {
    }

    record DpdRow(String leaseId, LocalDate asOf, int daysPastDue) {
    }

    /**
     * @param judgedOn null unless the status is a verdict
     * @param takenBy  the collector who took the promise (made_by)
     */
    record PromiseRow(String promiseId, String leaseId, String status, LocalDate judgedOn, String takenBy) {
    }

    private static final List<String> STATUSES = List.of("OPEN", "CANCELLED", "KEPT", "PARTIALLY_KEPT", "BROKEN");
    private static final int[] EDGES = {-3, 0, 1, 29, 30, 31, 59, 60, 61, 89, 90, 91, 180};

    final List<Lease> leases = new ArrayList<>();
    final List<DpdRow> history = new ArrayList<>();
    final List<PromiseRow> promises = new ArrayList<>();

    KpiDataset lease(String leaseId, String collector) {
        leases.add(new Lease(leaseId, collector));
        return this;
    }

    KpiDataset dpd(String leaseId, String asOf, int daysPastDue) {
        history.add(new DpdRow(leaseId, LocalDate.parse(asOf), daysPastDue));
        return this;
    }

    /** A promise taken by the lease's collector (as lease rows given before it say). */
    KpiDataset promise(String promiseId, String leaseId, String status, String judgedOn) {
        return promise(promiseId, leaseId, status, judgedOn, collectorOf(leaseId));
    }

    KpiDataset promise(String promiseId, String leaseId, String status, String judgedOn, String takenBy) {
        promises.add(new PromiseRow(promiseId, leaseId, status, judgedOn == null ? null : LocalDate.parse(judgedOn), takenBy));
        return this;
    }

    private String collectorOf(String leaseId) {
        return leases.stream().filter(l -> l.leaseId().equals(leaseId)).findFirst().map(Lease::collector).orElse(null);
    }

    /**
     * A portfolio drawn from {@code seed}: leases start at different days, their days past due change every few
     * days to a few weeks (often to a bucket edge), some leases are missing from lease_account, some have no
     * collector, and promises take every status. No history row falls in {@code gapMonth} (null: none).
     */
    static KpiDataset random(long seed, int leaseCount, YearMonth gapMonth) {
        Random random = new Random(seed);
        String[] collectors = {"ann", "bob", "carla", "dev", null};
        LocalDate firstStart = LocalDate.of(2025, 9, 1);
        LocalDate end = LocalDate.of(2026, 5, 31);
        KpiDataset data = new KpiDataset();
        for (int i = 0; i < leaseCount; i++) {
            String leaseId = "L-%04d".formatted(i);
            if (random.nextInt(20) != 0) {
                data.lease(leaseId, collectors[random.nextInt(collectors.length)]);
            }
            for (LocalDate day = firstStart.plusDays(random.nextInt(200)); !day.isAfter(end); day = day.plusDays(1 + random.nextInt(45))) {
                if (!YearMonth.from(day).equals(gapMonth)) {
                    int dpd = random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : random.nextInt(200) - 5;
                    data.history.add(new DpdRow(leaseId, day, dpd));
                }
            }
        }
        for (int i = 0; i < leaseCount * 2; i++) {
            String status = STATUSES.get(random.nextInt(STATUSES.size()));
            boolean judged = !status.equals("OPEN") && !status.equals("CANCELLED");
            String leaseId = "L-%04d".formatted(random.nextInt(leaseCount + 5));
            // one promise in five was taken by someone other than the lease's collector now (escalated, reassigned)
            String takenBy = random.nextInt(5) == 0 ? collectors[random.nextInt(collectors.length)] : data.collectorOf(leaseId);
            data.promises.add(new PromiseRow("P-%05d".formatted(i), leaseId, status,
                    judged ? LocalDate.of(2025, 10, 1).plusDays(random.nextInt(240)) : null, takenBy));
        }
        return data;
    }

    void insertInto(JdbcTemplate jdbc) {
        Timestamp now = Timestamp.from(Instant.parse("2026-04-01T12:00:00Z"));
        Map<String, String> collectors = new HashMap<>();
        leases.forEach(l -> collectors.put(l.leaseId(), l.collector()));
        jdbc.batchUpdate("insert into lease_account (lease_id, customer_id, status, days_past_due, payments_made, collector,"
                        + " content_hash, updated_at) values (?, ?, 'ACTIVE', 0, 0, ?, 'x', ?)",
                leases.stream().map(l -> new Object[]{l.leaseId(), "C-" + l.leaseId(), l.collector(), now}).toList());
        jdbc.batchUpdate("insert into lease_dpd_history (lease_id, as_of, days_past_due, collector) values (?, ?, ?, ?)",
                history.stream().map(h -> new Object[]{h.leaseId(), h.asOf(), h.daysPastDue(), collectors.get(h.leaseId())}).toList());
        jdbc.batchUpdate("insert into promise (promise_id, lease_id, amount, promised_date, made_on, made_by, status, amount_applied,"
                        + " judged_on, amended_count, last_sequence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)",
                promises.stream().map(p -> {
                    LocalDate promised = p.judgedOn() != null ? p.judgedOn().minusDays(2) : LocalDate.of(2026, 6, 1);
                    return new Object[]{p.promiseId(), p.leaseId(), new BigDecimal("250.00"), promised, promised.minusDays(7),
                            p.takenBy(), p.status(), BigDecimal.ZERO, p.judgedOn()};
                }).toList());
    }
}
