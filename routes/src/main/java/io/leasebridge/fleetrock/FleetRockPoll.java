package io.leasebridge.fleetrock;

import io.leasebridge.connectors.fleetrock.FleetRockClient;
import io.leasebridge.connectors.fleetrock.PollWindows;
import io.leasebridge.connectors.fleetrock.RepairOrder;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.workorders.WorkOrderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Polls FleetRock's repair orders, event by event, window by window, from where the last committed window
 * ended (less the overlap) up to now. Each window's work orders, dead letters, outbox rows and the event's
 * watermark commit together, so a crash re-reads at most one window and duplicates nothing.
 */
public class FleetRockPoll {

    public static final String FLOW = "fleetrock-repair-orders";
    private static final Logger log = LoggerFactory.getLogger(FleetRockPoll.class);

    private final FleetRockClient client;
    private final FleetRockProperties properties;
    private final WorkOrderIntake intake;
    private final WorkOrderStore store;
    private final FlowRuns runs;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public FleetRockPoll(FleetRockClient client, FleetRockProperties properties, WorkOrderIntake intake, WorkOrderStore store,
                         FlowRuns runs, TransactionTemplate transaction, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.intake = intake;
        this.store = store;
        this.runs = runs;
        this.transaction = transaction;
        this.clock = clock;
    }

    public RunCounts poll() {
        Instant now = clock.instant();
        return runs.run(FLOW, properties.baseUrl().getHost(), RuntimeException::getMessage, run -> {
            WorkOrderIntake.Outcome total = new WorkOrderIntake.Outcome(0, 0, 0);
            int calls = 0;
            try {
                for (String event : properties.events()) {
                    Instant watermark = store.polledUntil(event).orElse(now.minus(properties.initialLookback()));
                    for (PollWindows.Window window : PollWindows.plan(watermark, now, properties.window(), properties.overlap())) {
                        List<RepairOrder> orders = client.repairOrders(event, window.start(), window.end());
                        calls++;
                        run.count(counts(total, calls));
                        String source = "GetRO event=" + event + " " + window.start() + ".." + window.end();
                        WorkOrderIntake.Outcome outcome = transaction.execute(status -> {
                            WorkOrderIntake.Outcome o = intake.accept(orders, FLOW, source, run.id());
                            store.advancePolledUntil(event, window.until());
                            return o;
                        });
                        total = total.plus(outcome);
                        run.count(counts(total, calls));
                    }
                }
            } catch (RuntimeException e) {
                log.error("{}: stopped, the next poll starts again after the last committed window: {}", FLOW, e.getMessage());
                throw e;
            }
            log.info("{}: {} repair orders read, {} work orders new or changed, {} quarantined, {} GetRO calls",
                    FLOW, total.read(), total.changed(), total.quarantined(), calls);
            return counts(total, calls);
        });
    }

    private static RunCounts counts(WorkOrderIntake.Outcome o, int calls) {
        return new RunCounts(o.read(), o.changed(), 0, 0, o.quarantined(), calls);
    }
}
