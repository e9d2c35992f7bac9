package io.leasebridge.fleetrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.connectors.fleetrock.RepairOrder;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.flow.ReplayHandler;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.mapping.fleetrock.WorkOrderProblem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

/**
 * Replays a quarantined FleetRock repair order from the RO stored in its dead letter: mapped again (a changed
 * zone or mapper takes effect) and, when it maps, written to the hub and queued for Salesforce like a fresh one.
 * One that still cannot be mapped stays open with the reason.
 */
@Service
@Order(200)
public class RepairOrderReplay implements ReplayHandler {

    public static final String FLOW = "fleetrock-replay";

    private final WorkOrderIntake intake;
    private final DeadLetters deadLetters;
    private final FlowRuns runs;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public RepairOrderReplay(WorkOrderIntake intake, DeadLetters deadLetters, FlowRuns runs, TransactionTemplate transaction,
                             ObjectMapper json) {
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.runs = runs;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    public Optional<ReplayOutcome> replay(long id, DeadLetter letter) {
        if (!WorkOrderIntake.RECORD_TYPE.equals(letter.recordType()) || letter.payload() == null) {
            return Optional.empty();
        }
        RepairOrder ro;
        try {
            ro = RepairOrder.read(json.readTree(letter.payload()));
        } catch (JsonProcessingException e) {
            return Optional.of(new ReplayOutcome(id, false, "the stored payload is not a FleetRock repair order"));
        }
        return Optional.of(runs.run(FLOW, "dead letter " + id, run -> {
            List<WorkOrderProblem> problems = intake.problems(List.of(ro));
            if (!problems.isEmpty()) {
                String reason = problems.get(0).toString();
                run.count(new RunCounts(1, 0, 0, 0, 1, 0));
                deadLetters.replayFailed(id, reason);
                return new ReplayOutcome(id, false, reason);
            }
            WorkOrderIntake.Outcome outcome = transaction.execute(status -> {
                WorkOrderIntake.Outcome o = intake.accept(List.of(ro), FLOW, "replay of dead letter " + id, run.id());
                deadLetters.markReplayed(id, "applied to the hub");
                return o;
            });
            run.count(new RunCounts(1, outcome == null ? 0 : outcome.changed(), 0, 0, 0, 0));
            return new ReplayOutcome(id, true, "applied to the hub");
        }));
    }
}
