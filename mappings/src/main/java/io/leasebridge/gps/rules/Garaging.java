package io.leasebridge.gps.rules;

import java.math.BigDecimal;

/** Where a leased vehicle is kept, as the LeaseWorks export says; coordinates may be missing. */
public record Garaging(String state, BigDecimal latitude, BigDecimal longitude) {

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }
}
