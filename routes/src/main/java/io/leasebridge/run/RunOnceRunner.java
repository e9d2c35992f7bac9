package io.leasebridge.run;

import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRegistry;
import io.leasebridge.flow.RunOnce;
import io.leasebridge.flow.RunOnceParts;
import io.leasebridge.flow.RunProperties;
import io.leasebridge.hub.FlowRun;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.ingest.ExportPolls;
import io.leasebridge.promises.LedgerProperties;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * {@code leasebridge.run-once=true}: takes in every export waiting in the drop (each polled flow of the registry), runs
 * every feature's run-once steps in their order (Salesforce's changes, promise judgement, the GPS poll, recovery risk,
 * then the Salesforce outbox, ...), prints the features' reports, and makes the exit code say whether anything failed.
 */
@Component
@ConditionalOnProperty(name = "leasebridge.run-once", havingValue = "true")
public class RunOnceRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(RunOnceRunner.class);

    private final CamelContext camel;
    private final ExportPolls polls;
    private final FlowRegistry flows;
    private final List<RunOnceParts> parts;
    private final RunProperties run;
    private final RunHistory runs;
    private final LedgerProperties ledger;
    private final Clock clock;
    private final PrintStream out;
    private volatile int exitCode;

    public RunOnceRunner(CamelContext camel, ExportPolls polls, FlowRegistry flows, List<RunOnceParts> parts,
                         RunProperties run, RunHistory runs, LedgerProperties ledger, Clock clock) {
        this.camel = camel;
        this.polls = polls;
        this.flows = flows;
        this.parts = List.copyOf(parts);
        this.run = run;
        this.runs = runs;
        this.ledger = ledger;
        this.clock = clock;
        this.out = System.out;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        RunOnce once = new RunOnce(clock.instant(), judgeAsOf(), run.runOnceTimeout());
        boolean timedOut = false;
        for (Flow flow : flows.all()) {
            if (flow.trigger() instanceof Flow.Polled polled) {
                timedOut |= !ingestEverythingWaiting(polled.routeId());
            }
        }
        for (RunOnceParts.Step step : parts.stream().flatMap(p -> p.steps().stream())
                .sorted(Comparator.comparingInt(RunOnceParts.Step::order)).toList()) {
            log.debug("run-once: {}", step.name());
            timedOut |= !step.action().run(once);
        }
        List<FlowRun> flowRuns = runs.since(once.started());
        parts.stream().flatMap(p -> p.reports().stream()).sorted(Comparator.comparingInt(RunOnceParts.Report::order))
                .forEach(report -> report.printer().print(out, once));
        boolean failed = timedOut || flowRuns.stream().anyMatch(r -> !RunHistory.SUCCEEDED.equals(r.status()));
        exitCode = failed ? 1 : 0;
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

    /** Today in the lessor's zone, unless {@code leasebridge.judge-as-of} names another day. */
    private LocalDate judgeAsOf() {
        return run.judgeAsOf() != null ? run.judgeAsOf() : LocalDate.now(clock.withZone(ledger.zone()));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
