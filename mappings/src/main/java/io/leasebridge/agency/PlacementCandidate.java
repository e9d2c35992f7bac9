package io.leasebridge.agency;

import java.time.LocalDate;
import java.util.List;

/**
 * What decides whether a lease goes to a collection agency.
 *
 * @param openRepoCase     a repossession case is open on the lease
 * @param openPromiseDates the promised days of the lease's open promises
 * @param placements       the statuses of the lease's earlier placements
 */
public record PlacementCandidate(String leaseId, int daysPastDue, boolean openRepoCase, List<LocalDate> openPromiseDates,
                                 List<PlacementStatus> placements) {

    public PlacementCandidate {
        openPromiseDates = List.copyOf(openPromiseDates);
        placements = List.copyOf(placements);
    }
}
