package io.leasebridge.agency;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a column of an agency file may carry, by the name {@code config/mappings/agencies.yml} gives it. The hub never
 * stores a lessee's SSN or driver's licence (LeaseWorks columns not mapped are never read), so no layout can name them.
 */
public enum PlacementField {
    PLACEMENT_ID, LEASE_ID, PLACED_ON, CUSTOMER_NAME, STREET, CITY, STATE, POSTAL_CODE, PRIMARY_PHONE, MOBILE_PHONE, EMAIL,
    DAYS_PAST_DUE, PAST_DUE_AMOUNT, LATE_FEES, PLACED_BALANCE, PAYOFF_BALANCE, LAST_PAYMENT_DATE, LAST_PAYMENT_AMOUNT, VIN,
    RECALLED_ON, RECALL_REASON;

    /** {@code placed-balance} for PLACED_BALANCE. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<PlacementField> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(PlacementField::key).collect(Collectors.joining(", "));
    }
}
