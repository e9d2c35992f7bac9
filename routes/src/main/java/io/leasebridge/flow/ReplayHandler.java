package io.leasebridge.flow;

import io.leasebridge.hub.DeadLetter;

import java.util.Optional;

/**
 * Sends a flow's dead letters through it again. Dead-letter replay asks each handler in turn (in {@code @Order}), and
 * the first that answers replays the letter.
 */
public interface ReplayHandler {

    /** What replaying the letter did, or empty when the letter is not this handler's. */
    Optional<ReplayOutcome> replay(long deadLetterId, DeadLetter letter);
}
