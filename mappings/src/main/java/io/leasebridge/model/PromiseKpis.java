package io.leasebridge.model;

/**
 * A lease's promise record over the last twelve months, for the collector's view of the lease.
 *
 * @param repeatBreaker the last two judged promises were both broken
 */
public record PromiseKpis(String leaseId, int made, int kept, int broken, boolean repeatBreaker) {
}
