package io.leasebridge.replay;

import io.leasebridge.flow.ReplayHandler;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.quickbooks.QuickBooksOutbox;
import io.leasebridge.quickbooks.QuickBooksPostingRun;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A posting QuickBooks refused goes back to PENDING, when it is still FAILED; the next posting run decides. */
@Component
@Order(500)
class QuickBooksPostingReplay implements ReplayHandler {

    private final QuickBooksOutbox outbox;
    private final DeadLetters deadLetters;

    QuickBooksPostingReplay(QuickBooksOutbox outbox, DeadLetters deadLetters) {
        this.outbox = outbox;
        this.deadLetters = deadLetters;
    }

    @Override
    public Optional<ReplayOutcome> replay(long id, DeadLetter letter) {
        if (!QuickBooksPostingRun.FLOW.equals(letter.flow()) || !outbox.requeue(letter.recordKey())) {
            return Optional.empty();
        }
        deadLetters.markReplayed(id, "queued for QuickBooks again");
        return Optional.of(new ReplayOutcome(id, true, "queued for QuickBooks again"));
    }
}
