package io.leasebridge.fleetrock;

import io.leasebridge.connectors.fleetrock.FleetRockClient;
import io.leasebridge.connectors.fleetrock.PollWindows;
import io.leasebridge.connectors.fleetrock.RepairOrder;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.hub.WorkOrderStore;
import io.leasebridge.observability.FlowLogContext;
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
    private final RunHistory runs;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public FleetRockPoll(FleetRockClient client, FleetRockProperties properties, WorkOrderIntake intake, WorkOrderStore store,
                         RunHistory runs, TransactionTemplate transaction, Clock clock) {
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
        long runId = runs.start(FLOW, properties.baseUrl().getHost());
        WorkOrderIntake.Outcome total = new WorkOrderIntake.Outcome(0, 0, 0);
        int calls = 0;
        try (FlowLogContext ignored = FlowLogContext.enter(FLOW, runId)) {
            try {
                for (String event : properties.events()) {
                    Instant watermark = store.polledUntil(event).orElse(now.minus(properties.initialLookback()));
                    for (PollWindows.Window window : PollWindows.plan(watermark, now, properties.window(), properties.overlap())) {
                        List<RepairOrder> orders = client.repairOrders(event, window.start(), window.end());
                        calls++;
                        String source = "GetRO event=" + event + " " + window.start() + ".." + window.end();
                        WorkOrderIntake.Outcome outcome = transaction.execute(status -> {
                            WorkOrderIntake.Outcome o = intake.accept(orders, FLOW, source, runId);
                            store.advancePolledUntil(event, window.until());
                            return o;
                        });
                        total = total.plus(outcome);
                    }
                }
                RunCounts counts = counts(total, calls);
                runs.finish(runId, counts, null);
                log.info("{}: {} repair orders read, {} work orders new or changed, {} quarantined, {} GetRO calls",
                        FLOW, total.read(), total.changed(), total.quarantined(), calls);
                return counts;
            } catch (RuntimeException e) {
                runs.finish(runId, counts(total, calls), e.getMessage());
                log.error("{}: stopped, the next poll starts again after the last committed window: {}", FLOW, e.getMessage());
                throw e;
            }
        }
    }

    private static RunCounts counts(WorkOrderIntake.Outcome o, int calls) {
        return new RunCounts(o.read(), o.changed(), 0, 0, o.quarantined(), calls);
    }
}
