package io.leasebridge.replay;

import io.leasebridge.flow.ReplayHandler;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.StoredDeadLetter;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Sends a dead letter through its flow again: the first {@link ReplayHandler} that takes the letter replays it. A
 * quarantined export row is mapped again from its stored columns (so a corrected field map takes effect) and applied
 * when valid; a record Salesforce refused goes back into the outbox and its next delivery decides: failing again
 * reopens the dead letter with the new reason.
 */
@Service
public class DeadLetterReplay {

    public static final String REPLAY_FLOW = "dead-letter-replay";

    private final DeadLetters deadLetters;
    private final List<ReplayHandler> handlers;

    public DeadLetterReplay(DeadLetters deadLetters, List<ReplayHandler> handlers) {
        this.deadLetters = deadLetters;
        this.handlers = List.copyOf(handlers);
    }

    /** Replays an open dead letter once, however many replays of it run side by side; throws {@link NotOpen} when it is not open. */
    public ReplayOutcome replay(long deadLetterId) {
        StoredDeadLetter stored = deadLetters.find(deadLetterId)
                .orElseThrow(() -> new NoSuchElementException("no dead letter " + deadLetterId));
        if (!DeadLetters.OPEN.equals(stored.status()) || !deadLetters.claimForReplay(deadLetterId)) {
            String status = deadLetters.find(deadLetterId).map(StoredDeadLetter::status).orElse(stored.status());
            throw new NotOpen(deadLetterId, status);
        }
        try {
            return replay(deadLetterId, stored.letter());
        } finally {
            deadLetters.endReplay(deadLetterId);
        }
    }

    private ReplayOutcome replay(long deadLetterId, DeadLetter letter) {
        for (ReplayHandler handler : handlers) {
            Optional<ReplayOutcome> outcome = handler.replay(deadLetterId, letter);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        return new ReplayOutcome(deadLetterId, false, "a " + letter.recordType() + " cannot be replayed: fix the source and send it again");
    }

    /** The dead letter is not open: settled, or taken by another replay under way. */
    public static final class NotOpen extends RuntimeException {

        NotOpen(long id, String status) {
            super("dead letter " + id + " is " + status + ": only OPEN dead letters are replayed", null, false, false);
        }
    }
}
