package io.leasebridge.replay;

import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.repocases.RepoCaseSync;
import io.leasebridge.vehicles.VehicleSync;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Replays what a Salesforce reader quarantined (a vehicle with a bad VIN, a Case's refused step) by reading
 * the record from Salesforce again: the fix is made there, by a rep, and the replay takes it.
 */
@Component
public class SalesforceReadReplay {

    private final VehicleSync vehicles;
    private final RepoCaseSync cases;
    private final DeadLetters deadLetters;
    private final RunHistory runs;

    public SalesforceReadReplay(VehicleSync vehicles, RepoCaseSync cases, DeadLetters deadLetters, RunHistory runs) {
        this.vehicles = vehicles;
        this.cases = cases;
        this.deadLetters = deadLetters;
        this.runs = runs;
    }

    public static boolean handles(DeadLetter letter) {
        return VehicleSync.FLOW.equals(letter.flow()) || RepoCaseSync.FLOW.equals(letter.flow());
    }

    public ReplayOutcome replay(long id, DeadLetter letter) {
        long runId = runs.start(DeadLetterReplay.REPLAY_FLOW, letter.recordType() + " " + letter.recordKey());
        Optional<String> stillRefused = VehicleSync.FLOW.equals(letter.flow())
                ? vehicles.replay(letter.recordKey())
                : cases.replay(letter.recordKey(), runId);
        if (stillRefused.isEmpty()) {
            runs.finish(runId, new RunCounts(1, 1, 0, 0, 0, 0), null);
            deadLetters.markReplayed(id, "read again from Salesforce and applied");
            return new ReplayOutcome(id, true, "read again from Salesforce and applied");
        }
        runs.finish(runId, new RunCounts(1, 0, 0, 0, 1, 0), null);
        deadLetters.replayFailed(id, stillRefused.get());
        return new ReplayOutcome(id, false, stillRefused.get());
    }
}
