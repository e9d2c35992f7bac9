package io.leasebridge.reconcile;

import java.math.BigDecimal;

/** How many records, and the sum of their amounts (zero for an object without an amount). */
public record Tally(long count, BigDecimal amount) {

    public static final Tally NONE = new Tally(0, BigDecimal.ZERO);

    Tally plus(BigDecimal more) {
        return new Tally(count + 1, more == null ? amount : amount.add(more));
    }

    boolean sameCount(Tally other) {
        return count == other.count;
    }

    boolean sameAmount(Tally other) {
        return amount.compareTo(other.amount) == 0;
    }
}
