package io.leasebridge.fleetrock;

import io.leasebridge.flow.RunOnceParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/** FleetRock's repair orders in run-once, when FleetRock is configured; a failed poll is in the run history and the exit code. */
@Component
class FleetRockRunOnce implements RunOnceParts {

    private static final Logger log = LoggerFactory.getLogger(FleetRockRunOnce.class);

    private final ObjectProvider<FleetRockPoll> poll;

    FleetRockRunOnce(ObjectProvider<FleetRockPoll> poll) {
        this.poll = poll;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of(700, FleetRockPoll.FLOW, once -> poll.ifAvailable(FleetRockRunOnce::pollOnce)));
    }

    private static void pollOnce(FleetRockPoll poll) {
        try {
            poll.poll();
        } catch (RuntimeException e) {
            log.error("{}: {}", FleetRockPoll.FLOW, e.getMessage());
        }
    }
}
