package io.leasebridge.page;

import io.leasebridge.kpis.CollectionsKpis;
import io.leasebridge.kpis.DpdBucket;
import io.leasebridge.kpis.KpiReport;
import io.leasebridge.kpis.PortfolioWeeks;
import io.leasebridge.repocases.RepoCaseStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The charts of the page's portfolio view, from the hub's data: leases and balance by days-past-due bucket over the
 * last 12 weeks, roll rates between buckets month over month, promise kept rate by the collector who took the promise,
 * promises judged per week, and repossession cases by status with their costs and proceeds; then the delivery view.
 * Each chart comes with the rows of numbers it draws, for the table beside it.
 */
@Component
class PortfolioCharts {

    static final int WEEKS = 12;
    private static final int ROLL_MONTHS = 6;
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final CollectionsKpis kpis;
    private final PortfolioWeeks weeks;
    private final DeliveryCharts delivery;
    private final RepoCaseStore repoCases;
    private final Clock clock;

    PortfolioCharts(CollectionsKpis kpis, PortfolioWeeks weeks, DeliveryCharts delivery, RepoCaseStore repoCases, Clock clock) {
        this.kpis = kpis;
        this.weeks = weeks;
        this.delivery = delivery;
        this.repoCases = repoCases;
        this.clock = clock;
    }

    List<Chart> portfolio() {
        LocalDate today = LocalDate.now(clock);
        KpiReport report = kpis.compute(today);
        List<PortfolioWeeks.BucketWeek> buckets = weeks.dpdBuckets(today, WEEKS);
        List<Chart> charts = new ArrayList<>();
        charts.add(bucketChart("chart-dpd-buckets", "Leases by days past due, week by week", buckets,
                w -> w.leases().stream().map(String::valueOf).toList(), w -> w.leases().stream().map(Long::doubleValue).toList()));
        charts.add(bucketChart("chart-dpd-balance", "Payoff balance by days past due, week by week", buckets,
                w -> w.balance().stream().map(BigDecimal::toPlainString).toList(),
                w -> w.balance().stream().map(BigDecimal::doubleValue).toList()));
        charts.add(rollRates(report.rollRates()));
        charts.add(keptRate(report.promiseKeptRate().byCollector()));
        charts.add(promisesPerWeek(weeks.judgedPromises(today, WEEKS)));
        charts.addAll(recovery());
        return List.copyOf(charts);
    }

    List<Chart> delivery() {
        return delivery.charts();
    }

    private static Chart bucketChart(String id, String title, List<PortfolioWeeks.BucketWeek> buckets,
                                     Function<PortfolioWeeks.BucketWeek, List<String>> cells,
                                     Function<PortfolioWeeks.BucketWeek, List<Double>> values) {
        List<BarChart.Series> series = new ArrayList<>();
        for (DpdBucket bucket : DpdBucket.values()) {
            series.add(new BarChart.Series(bucket.label(), buckets.stream().map(w -> values.apply(w).get(bucket.ordinal())).toList()));
        }
        List<String> header = new ArrayList<>(List.of("Week ending"));
        Arrays.stream(DpdBucket.values()).forEach(b -> header.add(b.label()));
        List<List<String>> rows = buckets.stream().map(w -> {
            List<String> row = new ArrayList<>(List.of(w.weekEnding().toString()));
            row.addAll(cells.apply(w));
            return (List<String>) row;
        }).toList();
        return new Chart(id, new BarChart(title, buckets.stream().map(w -> w.weekEnding().format(SHORT_DAY)).toList(), series),
                header, rows);
    }

    /** Roll-forward rate of each bucket that can get worse, for the latest months. */
    private static Chart rollRates(List<KpiReport.RollRate> rollRates) {
        List<String> months = rollRates.stream().map(r -> r.toMonth().toString()).distinct().toList();
        months = months.subList(Math.max(0, months.size() - ROLL_MONTHS), months.size());
        List<String> shown = months;
        List<KpiReport.RollRate> latest = rollRates.stream().filter(r -> shown.contains(r.toMonth().toString())).toList();
        List<BarChart.Series> series = new ArrayList<>();
        for (DpdBucket bucket : Arrays.copyOf(DpdBucket.values(), DpdBucket.values().length - 1)) {
            series.add(new BarChart.Series(bucket.label() + " rolled forward %", shown.stream().map(month -> latest.stream()
                    .filter(r -> r.fromBucket() == bucket && r.toMonth().toString().equals(month)).findFirst()
                    .map(r -> percent(r.rollForwardRate())).orElse(0.0)).toList()));
        }
        List<List<String>> rows = latest.stream().filter(r -> r.leases() > 0).map(r -> List.of(r.toMonth().toString(),
                r.fromBucket().label(), String.valueOf(r.leases()), String.valueOf(r.rolledForward()), String.valueOf(r.stayed()),
                String.valueOf(r.cured()), rate(r.rollForwardRate()), rate(r.cureRate()))).toList();
        return new Chart("chart-roll-rates", new BarChart("Roll rates between buckets, month over month (%)", shown, series),
                List.of("Month", "From bucket", "Leases", "Rolled forward", "Stayed", "Cured", "Roll rate", "Cure rate"), rows);
    }

    private static Chart keptRate(List<KpiReport.CollectorOutcomes> collectors) {
        List<String> names = collectors.stream().map(c -> c.collector() == null ? "(none)" : c.collector()).toList();
        return new Chart("chart-kept-rate",
                new BarChart("Promise kept rate by collector (%)", names, List.of(new BarChart.Series("kept %",
                        collectors.stream().map(c -> percent(c.outcomes().fullyKeptRate())).toList()))),
                List.of("Collector", "Judged", "Kept", "Partially kept", "Broken", "Kept rate"),
                collectors.stream().map(c -> List.of(c.collector() == null ? "(none)" : c.collector(),
                        String.valueOf(c.outcomes().judged()), String.valueOf(c.outcomes().fullyKept()),
                        String.valueOf(c.outcomes().partiallyKept()), String.valueOf(c.outcomes().broken()),
                        rate(c.outcomes().fullyKeptRate()))).toList());
    }

    private static Chart promisesPerWeek(List<PortfolioWeeks.PromiseWeek> judged) {
        return new Chart("chart-broken-promises",
                new BarChart("Promises judged, week by week", judged.stream().map(w -> w.weekEnding().format(SHORT_DAY)).toList(),
                        List.of(new BarChart.Series("broken", judged.stream().map(w -> (double) w.outcomes().broken()).toList()),
                                new BarChart.Series("partially kept", judged.stream().map(w -> (double) w.outcomes().partiallyKept()).toList()),
                                new BarChart.Series("kept", judged.stream().map(w -> (double) w.outcomes().fullyKept()).toList()))),
                List.of("Week ending", "Broken", "Partially kept", "Kept"),
                judged.stream().map(w -> List.of(w.weekEnding().toString(), String.valueOf(w.outcomes().broken()),
                        String.valueOf(w.outcomes().partiallyKept()), String.valueOf(w.outcomes().fullyKept()))).toList());
    }

    /** Repossession cases by status, and what they cost (agent fees) and brought back (sale prices). */
    private List<Chart> recovery() {
        List<String> statuses = new ArrayList<>();
        List<Double> cases = new ArrayList<>();
        List<Double> fees = new ArrayList<>();
        List<Double> proceeds = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (RepoCaseStore.StatusTotals status : repoCases.byStatus()) {
            BigDecimal fee = status.agentFees().setScale(2);
            BigDecimal sale = status.salePrices().setScale(2);
            statuses.add(status.status());
            cases.add((double) status.cases());
            fees.add(fee.doubleValue());
            proceeds.add(sale.doubleValue());
            rows.add(List.of(status.status(), String.valueOf(status.cases()), fee.toPlainString(), sale.toPlainString()));
        }
        List<String> header = List.of("Status", "Cases", "Agent fees", "Sale proceeds");
        return List.of(
                new Chart("chart-recovery-outcomes", new BarChart("Repossession cases by status", statuses,
                        List.of(new BarChart.Series("cases", cases))), header, rows),
                new Chart("chart-recovery-costs", new BarChart("Recovery costs and proceeds by case status", statuses,
                        List.of(new BarChart.Series("agent fees", fees), new BarChart.Series("sale proceeds", proceeds))), header, rows));
    }

    private static double percent(BigDecimal rate) {
        return rate == null ? 0 : rate.doubleValue() * 100;
    }

    private static String rate(BigDecimal rate) {
        return rate == null ? "" : rate.toPlainString();
    }
}
