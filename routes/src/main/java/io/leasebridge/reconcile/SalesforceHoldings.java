package io.leasebridge.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/** What Salesforce holds of one object now, asked with aggregate SOQL and, for a small slice, record by record. */
interface SalesforceHoldings {

    /** Records with an external id in the range: their count and the sum of their amounts. */
    Tally tally(ReconciledObject object, KeyRange range);

    /** Per day of the object's day field, from {@code since} on: count and sum. */
    SortedMap<LocalDate, Tally> byDay(ReconciledObject object, LocalDate since);

    /** External id -> amount (null without one) of every record in the range. */
    Map<String, BigDecimal> records(ReconciledObject object, KeyRange range);

    /** The API calls made so far. */
    long calls();
}
