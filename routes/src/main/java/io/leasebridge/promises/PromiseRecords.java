package io.leasebridge.promises;

import io.leasebridge.ledger.PromiseState;
import io.leasebridge.ledger.PromiseStatus;
import io.leasebridge.model.PromiseKpis;
import io.leasebridge.model.PromiseRecord;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Ledger states as the canonical records the Salesforce mapping takes. */
final class PromiseRecords {

    private PromiseRecords() {
    }

    static PromiseRecord of(PromiseState s) {
        return new PromiseRecord(s.promiseId(), s.leaseId(), s.amount(), s.promisedDate(), s.status().name(), s.applied(),
                s.judgedOn(), s.madeBy(), s.madeOn(), s.amendedCount());
    }

    /**
     * Promises made, kept and broken in the twelve months up to {@code today}, and whether the last two
     * judged promises were both broken.
     */
    static PromiseKpis kpis(String leaseId, Collection<PromiseState> promises, LocalDate today) {
        LocalDate since = today.minusMonths(12);
        int made = (int) promises.stream().filter(p -> !p.madeOn().isBefore(since)).count();
        int kept = (int) promises.stream().filter(p -> p.status() == PromiseStatus.KEPT && !p.judgedOn().isBefore(since)).count();
        int broken = (int) promises.stream().filter(p -> p.status() == PromiseStatus.BROKEN && !p.judgedOn().isBefore(since)).count();
        List<PromiseState> judged = promises.stream().filter(p -> p.judgedOn() != null)
                .sorted(Comparator.comparing(PromiseState::judgedOn).thenComparing(PromiseState::promiseId)).toList();
        boolean repeatBreaker = judged.size() >= 2
                && judged.get(judged.size() - 1).status() == PromiseStatus.BROKEN
                && judged.get(judged.size() - 2).status() == PromiseStatus.BROKEN;
        return new PromiseKpis(leaseId, made, kept, broken, repeatBreaker);
    }
}
