package io.leasebridge.repocases;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusHistoryOrderTest {

    private static final Instant SAME = Instant.parse("2026-11-21T15:00:00Z");

    @Test
    void rowsSavedInTheSameInstantAreChainedFromTheStatusReached() {
        List<StatusChange> scrambled = List.of(change("h3", "RECOVERED", "INSPECTED", SAME), change("h1", "PENDING", "ORDERED", SAME),
                change("h2", "ORDERED", "RECOVERED", SAME));

        assertThat(RepoCaseSync.inChainOrder(scrambled, "PENDING")).extracting(StatusChange::historyId)
                .containsExactly("h1", "h2", "h3");
        assertThat(RepoCaseSync.inChainOrder(scrambled, null)).as("a new case: the row nothing leads to comes first")
                .extracting(StatusChange::historyId).containsExactly("h1", "h2", "h3");
    }

    @Test
    void timeComesFirstAndABrokenChainKeepsTimeOrder() {
        List<StatusChange> rows = List.of(change("late", "PENDING", "SOLD", SAME.plusSeconds(60)),
                change("early", "REQUESTED", "PENDING", SAME));

        assertThat(RepoCaseSync.inChainOrder(rows, "ORDERED")).extracting(StatusChange::historyId).containsExactly("early", "late");
    }

    private static StatusChange change(String id, String from, String to, Instant at) {
        return new StatusChange(id, from, to, at, "Rita Alvarez");
    }
}
