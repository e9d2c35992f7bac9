package io.leasebridge.kpis;

import com.fasterxml.jackson.annotation.JsonValue;

/** Days-past-due buckets, best to worst; a later constant is a worse bucket. */
public enum DpdBucket {
    CURRENT("current"),
    DAYS_1_30("1-30"),
    DAYS_31_60("31-60"),
    DAYS_61_90("61-90"),
    OVER_90("90+");

    /**
     * The bucket's index (its ordinal) as SQL computes it from {@code days_past_due}: zero or less is current,
     * and "90+" starts at 91 because 90 still belongs to 61-90.
     */
    static final String SQL_INDEX = "case when days_past_due <= 0 then 0 when days_past_due <= 30 then 1"
            + " when days_past_due <= 60 then 2 when days_past_due <= 90 then 3 else 4 end";

    private final String label;

    DpdBucket(String label) {
        this.label = label;
    }

    /** What reports call the bucket: {@code current}, {@code 1-30}, ..., {@code 90+}. */
    @JsonValue
    public String label() {
        return label;
    }

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

    static DpdBucket atIndex(int index) {
        return values()[index];
    }
}
