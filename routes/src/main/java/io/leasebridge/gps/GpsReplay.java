package io.leasebridge.gps;

import io.leasebridge.flow.ReplayHandler;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.flow.RouteCalls;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Replays a location the vendor sent malformed: asks the vendor again for that vehicle, through the same policy,
 * rate limiter and circuit breaker as a poll. A usable answer closes the dead letter; a malformed one again keeps
 * it open with the new reason.
 */
@Service
@Order(400)
public class GpsReplay implements ReplayHandler {

    private final RouteCalls routes;
    private final DeadLetters deadLetters;

    public GpsReplay(RouteCalls routes, DeadLetters deadLetters) {
        this.routes = routes;
        this.deadLetters = deadLetters;
    }

    @Override
    public Optional<ReplayOutcome> replay(long id, DeadLetter letter) {
        return GpsPoll.FLOW.equals(letter.flow()) ? Optional.of(locateAgain(id, letter)) : Optional.empty();
    }

    private ReplayOutcome locateAgain(long id, DeadLetter letter) {
        GpsPollReport report = routes.request(GpsPollRoute.RELOCATE, letter.recordKey(), GpsPollReport.class);
        if (report.requests().isEmpty()) {
            String why = report.skipped().stream().map(GpsPollReport.Skip::reason).findFirst().orElse("no vehicle with a GPS device");
            return new ReplayOutcome(id, false, "not located again: " + why);
        }
        if (report.count(PullResult.LOCATED) == 1) {
            deadLetters.markReplayed(id, "located again");
            return new ReplayOutcome(id, true, "located again");
        }
        if (report.count(PullResult.MALFORMED) == 1) {
            String reason = deadLetters.find(id).map(d -> d.letter().reason()).orElse("malformed again");
            return new ReplayOutcome(id, false, reason);
        }
        return new ReplayOutcome(id, false, "the vendor did not answer; try again later");
    }
}
