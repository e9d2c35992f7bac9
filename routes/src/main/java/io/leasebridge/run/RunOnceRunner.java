package io.leasebridge.run;

import io.leasebridge.promises.LedgerProperties;
import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRegistry;
import io.leasebridge.flow.RunProperties;
import io.leasebridge.fleetrock.FleetRockPoll;
import io.leasebridge.workorders.WorkOrderApprovals;
import io.leasebridge.gps.GpsPollReport;
import io.leasebridge.model.PreferenceSource;
import io.leasebridge.gps.GpsPollRoute;
import io.leasebridge.hub.FlowRun;
import io.leasebridge.hub.ExportFiles;
import io.leasebridge.hub.HeldRecords;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.ingest.ExportPolls;
import io.leasebridge.kpis.CollectionsKpis;
import io.leasebridge.agency.AgencyRunOnceStep;
import io.leasebridge.kpis.KpiFiles;
import io.leasebridge.kpis.KpiProperties;
import io.leasebridge.calls.CallActivityRoutes;
import io.leasebridge.calls.ContactStandings;
import io.leasebridge.promises.CollectorTasks;
import io.leasebridge.repocases.RepoCaseRoutes;
import io.leasebridge.risk.RecoveryRiskReview;
import io.leasebridge.risk.RiskReviewReport;
import io.leasebridge.repocases.FinalReviews;
import io.leasebridge.repocases.RepoCaseSync;
import io.leasebridge.repocases.RepoOrderMail;
import io.leasebridge.vehicles.VehicleRoutes;
import io.leasebridge.promises.PromiseJudgement;
import io.leasebridge.quickbooks.QuickBooksRunOnceStep;
import io.leasebridge.page.ChartReport;
import io.leasebridge.reconcile.SystemsReconciliation;
import io.leasebridge.salesforce.DrainReport;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code leasebridge.run-once=true}: runs every enabled flow once in dependency order (LeaseWorks exports
 * into the hub, promise judgement, the GPS poll, recovery risk, then the Salesforce outbox), prints a summary, and makes the exit code say whether
 * anything failed.
 */
@Component
@ConditionalOnProperty(name = "leasebridge.run-once", havingValue = "true")
public class RunOnceRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(RunOnceRunner.class);

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ExportPolls polls;
    private final FlowRegistry flows;
    private final RunProperties run;
    private final RunHistory runs;
    private final Clock clock;
    private final PromiseJudgement judgement;
    private final LedgerProperties ledger;
    private final CollectorTasks tasks;
    private final CollectionsKpis kpis;
    private final KpiFiles kpiFiles;
    private final KpiProperties kpiProperties;
    private final JdbcTemplate jdbc;
    private final RepoCaseSync repoCases;
    private final RepoOrderMail repoOrders;
    private final PrintStream out;
    private final HeldRecords heldRecords;
    private final ExportFiles exportFiles;
    private final ObjectProvider<FleetRockPoll> fleetRock;
    private final ObjectProvider<WorkOrderApprovals> approvals;
    private final ObjectProvider<QuickBooksRunOnceStep> quickBooks;
    private final RecoveryRiskReview riskReview;
    private final ContactStandings contactStandings;
    private final SystemsReconciliation reconciliation;
    private final ChartReport chartReport;
    private final FinalReviews finalReviews;
    private final AgencyRunOnceStep agencies;
    private volatile int exitCode;

    public RunOnceRunner(CamelContext camel, ProducerTemplate producer, ExportPolls polls, FlowRegistry flows,
                         RunProperties run, RunHistory runs, Clock clock, PromiseJudgement judgement, LedgerProperties ledger, CollectorTasks tasks, JdbcTemplate jdbc,
                         CollectionsKpis kpis, KpiFiles kpiFiles, KpiProperties kpiProperties, RepoCaseSync repoCases,
                         RepoOrderMail repoOrders, ObjectProvider<QuickBooksRunOnceStep> quickBooks,
                         ObjectProvider<FleetRockPoll> fleetRock, ObjectProvider<WorkOrderApprovals> approvals, HeldRecords heldRecords,
                         ExportFiles exportFiles, RecoveryRiskReview riskReview, ContactStandings contactStandings,
                         SystemsReconciliation reconciliation, ChartReport chartReport, FinalReviews finalReviews,
                         AgencyRunOnceStep agencies) {
        this.finalReviews = finalReviews;
        this.agencies = agencies;
        this.riskReview = riskReview;
        this.contactStandings = contactStandings;
        this.repoCases = repoCases;
        this.repoOrders = repoOrders;
        this.camel = camel;
        this.producer = producer;
        this.polls = polls;
        this.flows = flows;
        this.run = run;
        this.runs = runs;
        this.clock = clock;
        this.judgement = judgement;
        this.ledger = ledger;
        this.tasks = tasks;
        this.kpis = kpis;
        this.kpiFiles = kpiFiles;
        this.kpiProperties = kpiProperties;
        this.jdbc = jdbc;
        this.out = System.out;
        this.heldRecords = heldRecords;
        this.exportFiles = exportFiles;
        this.fleetRock = fleetRock;
        this.approvals = approvals;
        this.quickBooks = quickBooks;
        this.reconciliation = reconciliation;
        this.chartReport = chartReport;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Instant started = clock.instant();
        boolean timedOut = false;
        for (Flow flow : flows.all()) {
            if (flow.trigger() instanceof Flow.Polled polled) {
                timedOut |= !ingestEverythingWaiting(polled.routeId());
            }
        }
        producer.requestBody(VehicleRoutes.READ, (Object) null);
        producer.requestBody(RepoCaseRoutes.READ, (Object) null);
        judgement.judge(judgeAsOf());
        producer.requestBody(CallActivityRoutes.READ, (Object) null);
        kpiFiles.write(kpis.compute(judgeAsOf()), kpiProperties.reportDir());
        pollFleetRock();
        GpsPollReport gps = producer.requestBody(GpsPollRoute.POLL, null, GpsPollReport.class);
        RiskReviewReport risk = reviewRecoveryRisk();
        agencies.run();
        DrainReport drain = producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);
        String vehicleImport = producer.requestBody(VehicleRoutes.IMPORT, null, String.class);
        approvals.ifAvailable(WorkOrderApprovals::read);
        quickBooks.ifAvailable(QuickBooksRunOnceStep::post);
        List<FlowRun> flowRuns = runs.since(started);
        new RunSummary(flowRuns, drain, promisesByStatus(), tasks.unmappedCollectors()).print(out);
        printHeldForParent();
        printContactPreferencesNotAllowed();
        printRevisedVerdicts(started);
        printJudgedWithoutPayments();
        printContactLimits();
        printNotedExportFiles(started);
        gps.print(out);
        if (risk != null) {
            risk.print(out);
        }
        agencies.print(out, kpiProperties.reportDir());
        printRepossessions(vehicleImport);
        quickBooks.ifAvailable(step -> step.printReconciliation(out));
        printSystemsReconciliation();
        out.println("Charts: " + chartReport.write(kpiProperties.reportDir()).toAbsolutePath());
        out.println();
        boolean failed = timedOut || flowRuns.stream().anyMatch(r -> !RunHistory.SUCCEEDED.equals(r.status()));
        exitCode = failed ? 1 : 0;
    }

    /** What Salesforce holds now against what the hub delivered; a reconciliation that cannot ask says why and fails nothing. */
    private void printSystemsReconciliation() {
        try {
            reconciliation.reconcile().print(out);
        } catch (RuntimeException e) {
            log.warn("reconciliation: Salesforce could not be asked: {}", e.getMessage());
            out.println("Salesforce reconciliation: not done (" + e.getMessage() + ")");
            out.println();
        }
    }

    /** FleetRock's repair orders, when FleetRock is configured; a failed poll is in the run history and the exit code. */
    private void pollFleetRock() {
        FleetRockPoll poll = fleetRock.getIfAvailable();
        if (poll == null) {
            return;
        }
        try {
            poll.poll();
        } catch (RuntimeException e) {
            log.error("{}: {}", FleetRockPoll.FLOW, e.getMessage());
        }
    }

    /** The recovery risk of every lease; a failed review is in the run history and the exit code, and the run goes on. */
    private RiskReviewReport reviewRecoveryRisk() {
        try {
            return riskReview.review(judgeAsOf());
        } catch (RuntimeException e) {
            log.error("{}: {}", RecoveryRiskReview.FLOW, e.getMessage());
            return null;
        }
    }

    /** Records not sent because the hub lacks their lease or customer: they go by themselves when it arrives. */
    private void printHeldForParent() {
        Map<String, Long> held = heldRecords.countsByObject();
        out.println("Held for parent (WAITING_FOR_PARENT, sent when their lease or customer arrives): "
                + (held.isEmpty() ? "none" : held.values().stream().mapToLong(Long::longValue).sum()));
        held.forEach((object, count) -> out.printf("  %-28s %d%n", object, count));
        out.println();
    }

    /** Every verdict a late payment or reversal revised in this run: from what, to what, and what was applied. */
    private void printRevisedVerdicts(Instant started) {
        List<String> lines = new java.util.ArrayList<>();
        Map<String, String> lastVerdict = new java.util.HashMap<>();
        Map<String, Boolean> revising = new java.util.HashMap<>();
        jdbc.query("""
                select promise_id, lease_id, type, amount, recorded_at from promise_event
                where type in ('KEPT', 'PARTIALLY_KEPT', 'BROKEN', 'REVISED')
                  and promise_id in (select promise_id from promise_event where type = 'REVISED' and recorded_at >= ?)
                order by sequence""", rs -> {
            String promise = rs.getString(1);
            String type = rs.getString(3);
            if ("REVISED".equals(type)) {
                revising.put(promise, !rs.getTimestamp(5).toInstant().isBefore(started));
            } else {
                if (Boolean.TRUE.equals(revising.remove(promise))) {
                    lines.add(String.format("  %-40s lease %-12s %s -> %s (%s applied by the deadline; a payment or reversal"
                            + " arrived after judgement)", promise, rs.getString(2), lastVerdict.get(promise), type,
                            rs.getBigDecimal(4).toPlainString()));
                }
                lastVerdict.put(promise, type);
            }
        }, java.sql.Timestamp.from(started));
        out.println("Promise verdicts revised: " + (lines.isEmpty() ? "none" : lines.size()));
        lines.forEach(out::println);
        out.println();
    }

    /** Leases no call is allowed for, by the rule that blocks them, as the contact limits last stood. */
    private void printContactLimits() {
        Map<String, Long> blocked = contactStandings.blockedByRule();
        out.println("Contact limits, leases where no call is allowed now: " + (blocked.isEmpty() ? "none"
                : blocked.values().stream().mapToLong(Long::longValue).sum()));
        blocked.forEach((rule, count) -> out.printf("  %-28s %d%n", rule, count));
        out.println();
    }

    /** Promises judged because leasebridge.ledger.judge-after had passed, before any payments export showed their deadline day. */
    private void printJudgedWithoutPayments() {
        java.util.Set<String> judged = judgement.judgedWithoutPayments();
        out.println("Promises judged at judge-after, no payments export covering their deadline day: "
                + (judged.isEmpty() ? "none" : judged.size()));
        judged.stream().limit(20).forEach(p -> out.println("  " + p));
        if (judged.size() > 20) {
            out.println("  ... and " + (judged.size() - 20) + " more");
        }
        out.println();
    }

    /** Customers whose contact preferences LeaseWorks left blank or unreadable: each taken as "not allowed". */
    private void printContactPreferencesNotAllowed() {
        Map<String, Long> bySource = new java.util.TreeMap<>();
        jdbc.query("select preference_source, count(*) from customer where preference_source like ? group by preference_source",
                rs -> {
                    bySource.put(rs.getString(1).substring(PreferenceSource.NOT_ALLOWED.length()), rs.getLong(2));
                }, PreferenceSource.NOT_ALLOWED + "%");
        out.println("Contact preferences taken as not allowed (no usable value in LeaseWorks): "
                + (bySource.isEmpty() ? "none" : bySource.values().stream().mapToLong(Long::longValue).sum() + " customers"));
        bySource.forEach((preferences, count) -> out.printf("  %-60s %d%n", preferences, count));
        out.println();
    }

    /** Empty exports, snapshots read without inferences, files refused whole: each with why. */
    private void printNotedExportFiles(Instant started) {
        List<ExportFiles.Noted> noted = exportFiles.notedSince(started);
        if (noted.isEmpty()) {
            return;
        }
        out.println("Export files to look at:");
        noted.forEach(file -> out.printf("  %-40s %-8s %s%n", file.fileName(), file.status(), file.note()));
        out.println();
    }

    private void printRepossessions(String vehicleImport) {
        out.println("LeaseWorks vehicle import: " + (vehicleImport == null ? "no vehicle changed, no file" : vehicleImport));
        List<String> cases = repoCases.lastReport();
        out.println("Repossession cases advanced: " + (cases.isEmpty() ? "none" : cases.size()));
        cases.forEach(line -> out.println("  " + line));
        List<String> orders = repoOrders.lastSent();
        out.println("Repo orders sent: " + (orders.isEmpty() ? "none" : orders.size()));
        orders.forEach(line -> out.println("  " + line));
        List<String> costs = finalReviews.costs();
        out.println("Recovery costs: " + (costs.isEmpty() ? "none" : costs.size() + " cases"));
        costs.forEach(line -> out.println("  " + line));
        List<String> reviews = finalReviews.reviews();
        out.println("Final account reviews: " + (reviews.isEmpty() ? "none" : reviews.size()));
        reviews.forEach(line -> out.println("  " + line));
        out.println();
    }

    private boolean ingestEverythingWaiting(String routeId) throws Exception {
        polls.reset(routeId);
        camel.getRouteController().startRoute(routeId);
        try {
            boolean idle = polls.awaitEmptyPoll(routeId, run.runOnceTimeout());
            if (!idle) {
                log.error("{}: still busy after {}; stopped", routeId, run.runOnceTimeout());
            }
            return idle;
        } finally {
            camel.getRouteController().stopRoute(routeId);
        }
    }

    private Map<String, Long> promisesByStatus() {
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        jdbc.query("select status, count(*) from promise group by status", rs -> {
            byStatus.put(rs.getString(1), rs.getLong(2));
        });
        return byStatus;
    }

    /** Today in the lessor's zone, unless {@code leasebridge.ledger.judge-as-of} names another day. */
    private LocalDate judgeAsOf() {
        return run.judgeAsOf() != null ? run.judgeAsOf() : LocalDate.now(clock.withZone(ledger.zone()));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
