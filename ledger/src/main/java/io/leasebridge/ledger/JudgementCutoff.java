package io.leasebridge.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The last deadline that may be judged now. A promise waits for the payments of its whole deadline day: it is
 * judged once a payments export dated after that day has been read, or, lacking one, once {@code judgeAfter} has
 * passed since the deadline day ended, so that a missing export delays a verdict without stopping it.
 *
 * @param through             promises whose deadline is on or before this day may be judged
 * @param paymentsReadThrough the last day whose payments an export has shown whole; null when none has
 */
public record JudgementCutoff(LocalDate through, LocalDate paymentsReadThrough) {

    /**
     * @param asOf                the day judgement is asked for: nothing after it is judged
     * @param paymentsReadThrough the last day the payments exports read so far cover whole (the day before the
     *                            latest export's date)
     * @param judgeAfter          how long after the deadline day ends judgement goes ahead without such an export
     */
    public static JudgementCutoff of(LocalDate asOf, Optional<LocalDate> paymentsReadThrough, Instant now, ZoneId zone,
                                     Duration judgeAfter) {
        // the deadline day D may be judged by the clock once the start of D + 1 plus judgeAfter is past
        LocalDate byClock = LocalDate.ofInstant(now.minus(judgeAfter), zone).minusDays(1);
        LocalDate ready = paymentsReadThrough.filter(d -> d.isAfter(byClock)).orElse(byClock);
        return new JudgementCutoff(ready.isAfter(asOf) ? asOf : ready, paymentsReadThrough.orElse(null));
    }

    /** Whether a promise of this deadline is judged without an export that showed its deadline day's payments. */
    public boolean withoutPaymentsOf(LocalDate deadline) {
        return paymentsReadThrough == null || deadline.isAfter(paymentsReadThrough);
    }
}
