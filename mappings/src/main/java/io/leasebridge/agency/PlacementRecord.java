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
 * @param results  what the agency's return files said of it; null before the first
 */
public record PlacementRecord(String placementId, String leaseId, PlacementStatus status, int daysPastDue,
                              BigDecimal placedBalance, LocalDate proposedOn, String agency, LocalDate sentOn, String fileName,
                              AgencyResults results) {

    public PlacementRecord(String placementId, String leaseId, PlacementStatus status, int daysPastDue, BigDecimal placedBalance,
                           LocalDate proposedOn, String agency, LocalDate sentOn, String fileName) {
        this(placementId, leaseId, status, daysPastDue, placedBalance, proposedOn, agency, sentOn, fileName, null);
    }

    /**
     * What an agency reported of a placement, all its return files together.
     *
     * @param agencyStatus  its latest status in the agency's words
     * @param reportedOn    the day of its latest report
     * @param collected     everything it collected
     * @param lastContactOn its latest contact with the lessee, or null
     * @param contactResult how that contact went, or null
     */
    public record AgencyResults(String agencyStatus, LocalDate reportedOn, BigDecimal collected, LocalDate lastContactOn,
                                String contactResult) {
    }
}
