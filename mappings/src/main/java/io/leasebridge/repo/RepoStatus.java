package io.leasebridge.repo;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a repossession case stands, as {@code Repo_Status__c} on the Salesforce Case. The order of the
 * constants is the order of the workflow; {@link RepoWorkflow} holds the steps between them.
 */
public enum RepoStatus {
    REQUESTED,
    PENDING,
    ORDERED,
    RECOVERED,
    INSPECTED,
    IN_REPAIR,
    INVENTORY,
    SOLD,
    CLOSED,
    CANCELLED,
    UNRECOVERABLE,
    /** The lessee was given another chance: the lease is current again and the vehicle back on it. */
    REINSTATED;

    /** A case here is done: nothing moves it again. */
    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED || this == UNRECOVERABLE || this == REINSTATED;
    }

    /**
     * Reads a picklist value: case and surrounding blanks ignored, spaces and hyphens as underscores, so
     * {@code "In Repair"} and {@code "IN_REPAIR"} are the same state. Empty when the value is not a state.
     */
    public static Optional<RepoStatus> fromPicklist(String value) {
        return picklistValue(values(), value);
    }

    /** The constant a picklist value names, case and surrounding blanks ignored, spaces and hyphens as underscores. */
    static <E extends Enum<E>> Optional<E> picklistValue(E[] constants, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E constant : constants) {
            if (constant.name().equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
