package io.leasebridge.replay;

import io.leasebridge.flow.ReplayHandler;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.repocases.RepoCaseSync;
import io.leasebridge.vehicles.VehicleSync;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Replays what a Salesforce reader quarantined (a vehicle with a bad VIN, a Case's refused step) by reading
 * the record from Salesforce again: the fix is made there, by a rep, and the replay takes it.
 */
@Component
@Order(300)
public class SalesforceReadReplay implements ReplayHandler {

    private final VehicleSync vehicles;
    private final RepoCaseSync cases;
    private final ReplayRuns replays;

    SalesforceReadReplay(VehicleSync vehicles, RepoCaseSync cases, ReplayRuns replays) {
        this.vehicles = vehicles;
        this.cases = cases;
        this.replays = replays;
    }

    @Override
    public Optional<ReplayOutcome> replay(long id, DeadLetter letter) {
        boolean vehicle = VehicleSync.FLOW.equals(letter.flow());
        if (!vehicle && !RepoCaseSync.FLOW.equals(letter.flow())) {
            return Optional.empty();
        }
        return Optional.of(replays.replay(id, letter.recordType() + " " + letter.recordKey(), "read again from Salesforce and applied",
                runId -> vehicle ? vehicles.replay(letter.recordKey()) : cases.replay(letter.recordKey(), runId)));
    }
}
