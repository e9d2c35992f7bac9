package io.leasebridge.gps;

import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.replay.ReplayOutcome;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Service;

/**
 * Replays a location the vendor sent malformed: asks the vendor again for that vehicle, through the same policy,
 * rate limiter and circuit breaker as a poll. A usable answer closes the dead letter; a malformed one again keeps
 * it open with the new reason.
 */
@Service
public class GpsReplay {

    private final ProducerTemplate producer;
    private final DeadLetters deadLetters;

    public GpsReplay(ProducerTemplate producer, DeadLetters deadLetters) {
        this.producer = producer;
        this.deadLetters = deadLetters;
    }

    public static boolean handles(DeadLetter letter) {
        return GpsPoll.FLOW.equals(letter.flow());
    }

    public ReplayOutcome replay(long id, DeadLetter letter) {
        GpsPollReport report = producer.requestBody(GpsPollRoute.RELOCATE, letter.recordKey(), GpsPollReport.class);
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
