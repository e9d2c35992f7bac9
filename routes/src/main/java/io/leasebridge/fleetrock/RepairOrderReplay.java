package io.leasebridge.fleetrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.connectors.fleetrock.RepairOrder;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.mapping.fleetrock.WorkOrderProblem;
import io.leasebridge.replay.ReplayOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Replays a quarantined FleetRock repair order from the RO stored in its dead letter: mapped again (a changed
 * zone or mapper takes effect) and, when it maps, written to the hub and queued for Salesforce like a fresh one.
 * One that still cannot be mapped stays open with the reason.
 */
@Service
public class RepairOrderReplay {

    public static final String FLOW = "fleetrock-replay";

    private final WorkOrderIntake intake;
    private final DeadLetters deadLetters;
    private final RunHistory runs;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public RepairOrderReplay(WorkOrderIntake intake, DeadLetters deadLetters, RunHistory runs, TransactionTemplate transaction,
                             ObjectMapper json) {
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.runs = runs;
        this.transaction = transaction;
        this.json = json;
    }

    public static boolean handles(DeadLetter letter) {
        return WorkOrderIntake.RECORD_TYPE.equals(letter.recordType()) && letter.payload() != null;
    }

    public ReplayOutcome replay(long id, DeadLetter letter) {
        RepairOrder ro;
        try {
            ro = json.readValue(letter.payload(), RepairOrder.class);
        } catch (JsonProcessingException e) {
            return new ReplayOutcome(id, false, "the stored payload is not a FleetRock repair order");
        }
        long runId = runs.start(FLOW, "dead letter " + id);
        List<WorkOrderProblem> problems = intake.problems(List.of(ro));
        if (!problems.isEmpty()) {
            String reason = problems.get(0).toString();
            runs.finish(runId, new RunCounts(1, 0, 0, 0, 1, 0), null);
            deadLetters.replayFailed(id, reason);
            return new ReplayOutcome(id, false, reason);
        }
        WorkOrderIntake.Outcome outcome = transaction.execute(status -> {
            WorkOrderIntake.Outcome o = intake.accept(List.of(ro), FLOW, "replay of dead letter " + id, runId);
            deadLetters.markReplayed(id, "applied to the hub");
            return o;
        });
        runs.finish(runId, new RunCounts(1, outcome == null ? 0 : outcome.changed(), 0, 0, 0, 0), null);
        return new ReplayOutcome(id, true, "applied to the hub");
    }
}
