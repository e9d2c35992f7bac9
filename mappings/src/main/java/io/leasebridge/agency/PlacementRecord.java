package io.leasebridge.agency;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A placement as LeaseBridge writes it to {@code Agency_Placement__c}: everything LeaseBridge owns of the record at
 * once, so a later write replacing an earlier one still queued loses nothing.
 *
 * @param agency   the agency a manager chose; null while proposed
 * @param sentOn   when its placement file went to the agency; null until then
 * @param fileName the file that carried it
 */
public record PlacementRecord(String placementId, String leaseId, PlacementStatus status, int daysPastDue,
                              BigDecimal placedBalance, LocalDate proposedOn, String agency, LocalDate sentOn, String fileName) {
}
