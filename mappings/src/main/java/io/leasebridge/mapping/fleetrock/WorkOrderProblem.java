package io.leasebridge.mapping.fleetrock;

import io.leasebridge.mapping.ValueInReason;

/** Why a repair order cannot become a work order: the RO, the FleetRock field, and the reason. */
public record WorkOrderProblem(String roId, String field, String reason) {

    @Override
    public String toString() {
        return "repair order " + (roId == null || roId.isBlank() ? "(no id)" : ValueInReason.quoted(roId)) + ", field '" + field + "': " + reason;
    }
}
