package io.leasebridge.kpis;

import com.fasterxml.jackson.annotation.JsonValue;

/** Days-past-due buckets, best to worst; a later constant is a worse bucket. */
public enum DpdBucket {
    CURRENT("current"),
    DAYS_1_30("1-30"),
    DAYS_31_60("31-60"),
    DAYS_61_90("61-90"),
    OVER_90("90+");

    private final String label;

    DpdBucket(String label) {
        this.label = label;
    }

    /** What reports call the bucket: {@code current}, {@code 1-30}, ..., {@code 90+}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Zero days or fewer is current; 90 is still 61-90, "90+" starts at 91. */
    public static DpdBucket of(int daysPastDue) {
        if (daysPastDue <= 0) {
            return CURRENT;
        }
        if (daysPastDue <= 30) {
            return DAYS_1_30;
        }
        if (daysPastDue <= 60) {
            return DAYS_31_60;
        }
        return daysPastDue <= 90 ? DAYS_61_90 : OVER_90;
    }
}
