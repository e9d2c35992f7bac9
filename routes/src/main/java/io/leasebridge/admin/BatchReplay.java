package io.leasebridge.admin;

import java.util.List;

/**
 * What replaying the open dead letters of a filter did.
 *
 * @param flow     the flow filtered on; null for every flow
 * @param matched  open dead letters the filter matched
 * @param replayed of the outcomes, how many went through; the others stay open with their new reason
 * @param outcomes one per dead letter tried, oldest first; at most {@code limit} of them
 */
public record BatchReplay(String flow, long matched, long replayed, List<ReplayResult> outcomes) {

    public BatchReplay {
        outcomes = List.copyOf(outcomes);
    }
}
