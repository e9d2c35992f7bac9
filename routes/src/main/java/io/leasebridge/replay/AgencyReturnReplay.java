package io.leasebridge.replay;

import io.leasebridge.agency.AgencyReturnIngest;
import io.leasebridge.flow.ReplayHandler;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.hub.DeadLetter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A quarantined row of an agency's return file is mapped again and stored when it is good now. */
@Component
@Order(600)
class AgencyReturnReplay implements ReplayHandler {

    private final AgencyReturnIngest returns;
    private final StoredColumns columns;
    private final ReplayRuns replays;

    AgencyReturnReplay(AgencyReturnIngest returns, StoredColumns columns, ReplayRuns replays) {
        this.returns = returns;
        this.columns = columns;
        this.replays = replays;
    }

    @Override
    public Optional<ReplayOutcome> replay(long id, DeadLetter letter) {
        if (!AgencyReturnIngest.handles(letter) || letter.payload() == null) {
            return Optional.empty();
        }
        return Optional.of(replays.replay(id, letter.sourceFile() + ":" + letter.sourceLine(), "applied to the hub",
                runId -> returns.replay(letter, columns.of(letter), runId)));
    }
}
